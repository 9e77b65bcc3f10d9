"use client";
import { useRouter, useSearchParams } from "next/navigation";
import Link from "next/link";
import { History, Scale } from "lucide-react";
import { Card, EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import { Badge } from "@/components/ui/badge";
import { Select } from "@/components/ui/input";
import { ListFilter, ListToolbar } from "@/components/ui/list-toolbar";
import { Table, Th, Td, Tr } from "@/components/ui/table";
import { formatDateTime } from "@/components/format";
import { useRoleActivityQuery, type AuditEventDto } from "../role-queries";
import { toRole } from "../routes";
import { simulatorLinkOfEvent } from "@/components/simulator/audit-link";

const ASSUME_ACTIONS = new Set(["AssumeRole", "AssumeRoleWithWebIdentity", "AssumeRoleWithSAML"]);
type Show = "all" | "assumes" | "changes";

/** The audit trail for this role: every change, every assume (granted or refused) and every refusal, newest first. */
export function ActivityTab({ name }: { name: string }) {
  const { data, error, refetch } = useRoleActivityQuery(name);
  const params = useSearchParams();
  const router = useRouter();
  const show: Show = params.get("show") === "assumes" ? "assumes" : params.get("show") === "changes" ? "changes" : "all";
  const rows = data?.filter((e) => show === "all" || (show === "assumes") === ASSUME_ACTIONS.has(e.action));
  const setShow = (s: Show) => router.replace(`${toRole({ name, tab: "activity" })}${s === "all" ? "" : `?show=${s}`}`, { scroll: false });
  return (
    <Card padded={false} title="Activity" description="Changes to this role, assumes of it (from the console and the API) and refused attempts, newest first.">
      {error ? (
        <div className="p-4"><ErrorState message={error.message} onRetry={() => refetch()} /></div>
      ) : !data || !rows ? (
        <div className="p-4"><Skeleton className="h-24" /></div>
      ) : data.length === 0 ? (
        <EmptyState icon={<History aria-hidden className="size-5" />} title="No activity recorded yet" />
      ) : (
        <>
          <ListToolbar>
            <ListFilter id="activity-show" label="Show">
              <Select id="activity-show" className="w-48" value={show} onChange={(e) => setShow(e.target.value as Show)}>
                <option value="all">Everything</option>
                <option value="assumes">Assumes</option>
                <option value="changes">Changes</option>
              </Select>
            </ListFilter>
          </ListToolbar>
          {rows.length === 0 ? (
            <p className="px-5 py-8 text-center text-[13px] text-fg-muted">Nothing of this kind yet.</p>
          ) : (
            <Table label="Role activity" testId="activity">
              <thead><tr><Th>Time</Th><Th>Action</Th><Th>Actor</Th><Th>Details</Th><Th>Outcome</Th></tr></thead>
              <tbody>
                {rows.map((e) => (
                  <Tr key={e.id} testId="activity-row">
                    <Td className="align-top text-[13px] whitespace-nowrap text-fg-muted">{formatDateTime(e.time)}</Td>
                    <Td className="align-top">
                      <span className="block font-mono text-[12.5px]">{e.action}</span>
                      <span className="text-xs text-fg-muted" data-testid="activity-source">{e.source === "console" ? "Console" : "API"}</span>
                    </Td>
                    <Td className="max-w-56 truncate align-top text-[13px]" >{e.actor}</Td>
                    <Td className="max-w-md align-top text-[13px]"><EventDetails event={e} /></Td>
                    <Td className="align-top">
                      {e.outcome === "Success" ? <Badge tone="success">{ASSUME_ACTIONS.has(e.action) ? "Granted" : "Succeeded"}</Badge> : (
                        <span className="flex flex-col items-start gap-1" title={e.reason ?? undefined}>
                          <Badge tone="danger">{ASSUME_ACTIONS.has(e.action) ? "Denied" : "Refused"}</Badge>
                          {e.errorCode && <code className="font-mono text-[11.5px] text-fg-muted">{e.errorCode}</code>}
                          <ExplainLink event={e} />
                        </span>
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
  );
}

/** A refusal the simulator can replay links to its explanation there. */
function ExplainLink({ event }: { event: AuditEventDto }) {
  const href = simulatorLinkOfEvent(event);
  if (!href) return null;
  return (
    <Link href={href} className="inline-flex items-center gap-1 text-[12.5px] font-medium whitespace-nowrap text-accent hover:underline" data-testid="activity-explain">
      <Scale aria-hidden className="size-3.5" /> Explain
    </Link>
  );
}

/** What an assume carried: on whose behalf, the session name, source identity and MFA, and the evaluator's reasons. */
function EventDetails({ event: e }: { event: AuditEventDto }) {
  const d = e.details;
  if (!d) return e.outcome === "Failure" && e.reason ? <span className="text-fg-muted">{e.reason}</span> : <span className="text-fg-subtle">—</span>;
  const facts = [
    d.callerArn && d.callerArn !== e.actor ? ["as", d.callerArn] : null,
    d.sessionName ? ["session", d.sessionName] : null,
    d.sourceIdentity ? ["source identity", d.sourceIdentity] : null,
    d.mfa !== undefined ? ["MFA", d.mfa ? "yes" : "no"] : null,
  ].filter((f): f is string[] => f !== null);
  return (
    <div className="flex flex-col gap-1" data-testid="activity-details">
      {facts.length > 0 && (
        <dl className="flex flex-wrap gap-x-3 gap-y-0.5">
          {facts.map(([k, v]) => (
            <div key={k} className="flex min-w-0 gap-1">
              <dt className="text-fg-muted">{k}</dt>
              <dd className="truncate font-mono text-[12px]" title={v}>{v}</dd>
            </div>
          ))}
        </dl>
      )}
      {d.reasons && d.reasons.length > 0 && (
        <details>
          <summary className="cursor-pointer text-[13px] font-medium text-accent">{e.outcome === "Success" ? "Why it was granted" : "Why it was denied"}</summary>
          <ul className="mt-1 flex list-disc flex-col gap-0.5 pl-5 text-fg-muted" data-testid="activity-reasons">
            {d.reasons.map((r, i) => <li key={i}>{r}</li>)}
          </ul>
        </details>
      )}
    </div>
  );
}
