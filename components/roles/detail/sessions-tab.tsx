"use client";
import { useState } from "react";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { Clock, KeyRound, ShieldOff } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClass } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Select } from "@/components/ui/input";
import { ListFilter, ListSearch, ListToolbar, useUrlDraft } from "@/components/ui/list-toolbar";
import { Card, EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import { SortTh, Table, Td, Th, Tr } from "@/components/ui/table";
import { useNow } from "@/components/ui/use-now";
import { formatDateTime, formatRelative, formatUntil } from "@/components/format";
import { useReadOnlyReason } from "@/components/shell/console-context";
import { useRoleSessionsQuery, type RoleSessionDto } from "../assume/assume-queries";
import type { RoleDto } from "../role-queries";
import { readSessionsViewState, toAssumeRole, toRoleSessions, type SessionsViewState } from "../routes";
import { RevokeActiveSessionsDialog, RevokeSessionDialog } from "./revoke-sessions-dialogs";
import { InfoLink } from "@/components/concepts/info-link";

const SLR_REASON = "AWS does not revoke the sessions of a service-linked role: its service owns it.";

/** "alice (user)", "deploy/ci (role session)": the end of the caller's ARN that people recognise, and its kind. */
function callerLabel(arn: string): string {
  const [type, ...rest] = (arn.split(":")[5] ?? "").split("/");
  if (type === "assumed-role") return `${rest.join("/")} (role session)`;
  if (type === "user") return `${rest[rest.length - 1]} (user)`;
  return arn;
}

function matches(s: RoleSessionDto, search: string): boolean {
  const q = search.trim().toLowerCase();
  return !q || [s.sessionName ?? "", s.arn, s.callerArn, s.sourceIdentity ?? "", s.id].some((v) => v.toLowerCase().includes(q));
}

/** The role's sessions that have not expired: who assumed it, when, with what, and the two ways to end them early. */
export function SessionsTab({ role }: { role: RoleDto }) {
  const { data, error, refetch } = useRoleSessionsQuery(role.name);
  const readOnly = useReadOnlyReason();
  const params = useSearchParams();
  const router = useRouter();
  const view = readSessionsViewState(params);
  const [search, setSearch] = useUrlDraft(view.search, (q) => toRoleSessions(role.name, { ...view, search: q }), (a, b) => a === b);
  const [revoking, setRevoking] = useState<RoleSessionDto | null>(null);
  const [revokeAll, setRevokeAll] = useState(false);
  const now = useNow(15_000);
  const slr = role.serviceLinkedService !== null;

  const active = data?.filter((s) => s.status === "active") ?? [];
  const rows = (data ?? [])
    .filter((s) => (view.status === "active" ? s.status === "active" : true) && matches(s, view.search))
    .sort((a, b) => (new Date(a[view.sort]).getTime() - new Date(b[view.sort]).getTime()) * (view.order === "asc" ? 1 : -1));
  const sortBy = (sort: SessionsViewState["sort"] & string) => ({
    href: toRoleSessions(role.name, { ...view, sort, order: view.sort === sort && view.order === "desc" ? "asc" : "desc" }),
    direction: view.sort === sort ? view.order : undefined,
  });

  return (
    <div className="flex flex-col gap-4">
      <Card padded={false}
        info={<InfoLink concept="session" />}
        title={<span className="flex items-center gap-2">Active sessions <Badge><span data-testid="active-session-count">{data ? active.length : "…"}</span></Badge></span>}
        description="Temporary credentials issued for this role that have not expired, with who assumed it. Secrets are never shown again."
        actions={<>
          {!readOnly && <Link href={toAssumeRole({ name: role.name })} className={buttonClass("secondary", "sm")}><KeyRound aria-hidden className="size-4" />Assume role</Link>}
          <Button size="sm" variant="danger" icon={<ShieldOff aria-hidden className="size-4" />} onClick={() => setRevokeAll(true)}
            disabledReason={readOnly ?? (slr ? SLR_REASON : undefined)} data-testid="revoke-active-sessions">Revoke active sessions</Button>
        </>}>
        {error ? (
          <div className="p-4"><ErrorState title="Could not load the sessions" message={error.message} onRetry={() => refetch()} /></div>
        ) : !data ? (
          <div className="p-4" aria-label="Loading sessions"><Skeleton className="h-24" /></div>
        ) : data.length === 0 ? (
          <EmptyState icon={<Clock aria-hidden className="size-5" />} title="No active sessions"
            action={!readOnly && <Link href={toAssumeRole({ name: role.name })} className={buttonClass("secondary", "sm")}>Assume role</Link>}>
            Sessions appear here when someone assumes this role, through the AWS API (<code className="font-mono">aws sts assume-role</code>) or with Assume role.
          </EmptyState>
        ) : (
          <>
            <ListToolbar>
              <ListSearch id="sessions-search" noun="sessions" value={search} onChange={setSearch} />
              <ListFilter id="sessions-status" label="Show">
                <Select id="sessions-status" className="w-44" value={view.status} onChange={(e) => router.replace(toRoleSessions(role.name, { ...view, status: e.target.value as "all" | "active" }), { scroll: false })}>
                  <option value="all">All unexpired</option>
                  <option value="active">Active only</option>
                </Select>
              </ListFilter>
            </ListToolbar>
            {rows.length === 0 ? (
              <p className="px-5 py-8 text-center text-[13px] text-fg-muted">No session matches this filter.</p>
            ) : (
              <Table label="Role sessions" testId="sessions">
                <thead>
                  <tr>
                    <Th>Session</Th><Th>Assumed by</Th><SortTh label="Issued" {...sortBy("issuedAt")} /><SortTh label="Expires" {...sortBy("expiresAt")} />
                    <Th>Carries</Th><Th className="w-28"><span className="sr-only">Status and actions</span></Th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((s) => (
                    <Tr key={s.id} testId="session-row">
                      <Td className="align-top">
                        <p className="text-sm font-medium" data-testid="session-name">{s.sessionName}</p>
                        <span className="flex max-w-56 items-center gap-1">
                          <code className="min-w-0 truncate font-mono text-[11.5px] text-fg-subtle" title={s.arn} data-testid="session-arn">{s.arn}</code>
                          <CopyButton value={s.arn} label="session ARN" />
                        </span>
                      </Td>
                      <Td className="align-top">
                        <p className="max-w-48 truncate text-[13px] font-medium">{callerLabel(s.callerArn)}</p>
                        <code className="block max-w-48 truncate font-mono text-[11.5px] text-fg-subtle" title={s.callerArn} data-testid="session-caller">{s.callerArn}</code>
                        {s.chained && <Badge className="mt-1">Role chaining</Badge>}
                      </Td>
                      <Td className="align-top text-[13px] whitespace-nowrap text-fg-muted"><span title={formatDateTime(s.issuedAt)}>{formatRelative(s.issuedAt, now)}</span></Td>
                      <Td className="align-top text-[13px] whitespace-nowrap text-fg-muted"><span title={formatDateTime(s.expiresAt)}>{formatUntil(s.expiresAt, now)}</span></Td>
                      <Td className="align-top">
                        <span className="flex max-w-60 flex-wrap gap-1">
                          <Badge className="max-w-full"><span className="truncate">source identity: <span data-testid="session-source-identity">{s.sourceIdentity ?? "none"}</span></span></Badge>
                          <Badge tone={s.mfaAuthenticated ? "success" : "neutral"}>MFA: <span data-testid="session-mfa">{s.mfaAuthenticated ? "yes" : "no"}</span></Badge>
                          {s.tags.map((t) => (
                            <Badge key={t.Key} tone="accent"><span data-testid="session-tag">{t.Key}={t.Value}{s.transitiveTagKeys.some((k) => k.toLowerCase() === t.Key.toLowerCase()) ? " · transitive" : ""}</span></Badge>
                          ))}
                        </span>
                      </Td>
                      <Td className="text-right align-top">
                        {s.status === "active" ? (
                          <Button size="sm" variant="ghost" disabledReason={readOnly} onClick={() => setRevoking(s)} data-testid="revoke-session" aria-label={`Revoke session ${s.sessionName}`}>Revoke</Button>
                        ) : (
                          <span className="inline-block max-w-28 text-left"><Badge tone="danger" className="whitespace-normal"><span data-testid="session-status">{s.status === "revoked" ? "Revoked" : "Revoked by AWSRevokeOlderSessions"}</span></Badge></span>
                        )}
                      </Td>
                    </Tr>
                  ))}
                </tbody>
              </Table>
            )}
          </>
        )}
      </Card>
      <p className="text-[13px] text-fg-muted">
        <strong className="font-medium text-fg">Revoke</strong> ends one session and is Roleplane&apos;s own: AWS cannot end a single session.{" "}
        <strong className="font-medium text-fg">Revoke active sessions</strong> is AWS&apos;s: it attaches the inline policy{" "}
        <code className="font-mono">AWSRevokeOlderSessions</code> (see Permissions), which denies every action to sessions issued before that moment.
      </p>
      <RevokeSessionDialog roleName={role.name} session={revoking} onClose={() => setRevoking(null)} />
      <RevokeActiveSessionsDialog roleName={role.name} open={revokeAll} onClose={() => setRevokeAll(false)} />
    </div>
  );
}
