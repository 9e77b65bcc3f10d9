"use client";
import { useDeferredValue, useId, useState } from "react";
import { Link2, Search, User } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";
import { ErrorState, Skeleton } from "@/components/ui/states";
import { formatUntil } from "@/components/format";
import { useNow } from "@/components/ui/use-now";
import type { AssumeCaller } from "@/lib/domain/console-assume";
import { useAssumeCallersQuery, type AssumeCallerOptionDto } from "./assume-queries";

const KINDS = [
  { kind: "user", label: "IAM user", icon: User, hint: "A user of any account, as if it signed the request with its own access key." },
  { kind: "session", label: "Role session (chain)", icon: Link2, hint: "An active session of another role: role chaining, capped at one hour." },
] as const;

const sameCaller = (o: AssumeCallerOptionDto, c: AssumeCaller | null) =>
  c !== null && o.kind === c.kind && (o.kind === "user" ? o.arn === (c as { arn: string }).arn : o.accessKeyId === (c as { accessKeyId: string }).accessKeyId);

const toRef = (o: AssumeCallerOptionDto): AssumeCaller => (o.kind === "user" ? { kind: "user", arn: o.arn } : { kind: "session", accessKeyId: o.accessKeyId });

/** Who is asking: an IAM user of any account or an active role session, searched by name, ARN or key id. */
export function CallerPicker({ kind, onKindChange, value, onChange }: {
  kind: AssumeCaller["kind"];
  onKindChange: (k: AssumeCaller["kind"]) => void;
  value: AssumeCaller | null;
  onChange: (c: AssumeCaller | null) => void;
}) {
  const now = useNow(15_000);
  const [search, setSearch] = useState("");
  const deferred = useDeferredValue(search.trim());
  const { data, error, isPending, refetch } = useAssumeCallersQuery(kind, deferred);
  const searchId = useId();
  const hintId = useId();
  const current = KINDS.find((k) => k.kind === kind)!;

  return (
    <div className="flex flex-col gap-3" data-testid="caller-picker">
      <fieldset>
        <legend className="sr-only">Kind of caller</legend>
        <div className="inline-flex rounded-lg border border-border bg-surface-2 p-0.5 text-[13px]">
          {KINDS.map((k) => (
            <label key={k.kind} className={cn("flex cursor-pointer items-center gap-1.5 rounded-md px-3 py-1.5 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-ring", kind === k.kind ? "bg-surface font-medium text-fg shadow-card" : "text-fg-muted hover:text-fg")}>
              <input type="radio" name="caller-kind" className="sr-only" checked={kind === k.kind} data-testid={`caller-kind-${k.kind}`}
                onChange={() => { onKindChange(k.kind); setSearch(""); onChange(null); }} />
              <k.icon aria-hidden className="size-3.5" />
              {k.label}
            </label>
          ))}
        </div>
      </fieldset>
      <p id={hintId} className="text-[13px] text-fg-muted">{current.hint}</p>
      <div className="relative">
        <Search aria-hidden className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-fg-subtle" />
        <label htmlFor={searchId} className="sr-only">{kind === "user" ? "Search IAM users" : "Search active role sessions"}</label>
        <Input id={searchId} type="search" className="pl-9" aria-describedby={hintId} data-testid="caller-search" value={search} onChange={(e) => setSearch(e.target.value)}
          placeholder={kind === "user" ? "Search users by name or ARN (any account)" : "Search sessions by role, session name or key id"} />
      </div>
      {error && <ErrorState title="Could not search" message={error.message} onRetry={() => refetch()} />}
      <div role="radiogroup" aria-label={kind === "user" ? "IAM users" : "Active role sessions"} className="max-h-72 overflow-y-auto rounded-lg border border-border" data-testid="caller-results">
        {isPending && !data
          ? Array.from({ length: 3 }, (_, i) => <div key={i} className="p-2.5"><Skeleton className="h-8" /></div>)
          : data?.map((o) => <CallerOption key={o.kind === "user" ? o.arn : o.accessKeyId} option={o} checked={sameCaller(o, value)} onSelect={() => onChange(toRef(o))} now={now} />)}
        {data && data.length === 0 && (
          <p className="px-3 py-6 text-center text-[13px] text-fg-muted">
            {kind === "user"
              ? deferred ? `No user matches “${deferred}”.` : "No IAM users yet: create one under Users."
              : deferred ? `No active role session matches “${deferred}”.` : "No active role sessions: assume a role first, then chain from its session."}
          </p>
        )}
      </div>
    </div>
  );
}

function CallerOption({ option: o, checked, onSelect, now }: { option: AssumeCallerOptionDto; checked: boolean; onSelect: () => void; now: number }) {
  const account = `${o.accountAlias ? `${o.accountAlias} · ` : ""}${o.accountId}`;
  return (
    <label className={cn("flex cursor-pointer items-center gap-3 border-b border-border px-3 py-2 last:border-b-0 hover:bg-surface-2", checked && "bg-accent-soft/60")} data-testid="caller-option">
      <input type="radio" name="assume-caller" checked={checked} onChange={onSelect} className="size-4 accent-[var(--accent)]" />
      <span className="min-w-0 flex-1">
        <span className="flex items-center gap-2">
          <span className="truncate text-sm font-medium">{o.kind === "user" ? o.name : o.sessionName}</span>
          {o.kind === "session" && <span className="truncate text-[13px] text-fg-muted">of {o.roleArn.slice(o.roleArn.lastIndexOf("/") + 1)}</span>}
        </span>
        <span className="block truncate font-mono text-[11px] text-fg-subtle">{o.arn}</span>
      </span>
      <span className="flex shrink-0 items-center gap-1.5">
        {o.kind === "session" && <span className="text-xs text-fg-muted">expires {formatUntil(o.expiresAt, now)}</span>}
        {o.kind === "session" && o.sourceIdentity && <Badge>source {o.sourceIdentity}</Badge>}
        {(o.kind === "user" ? o.mfaDevices.length > 0 : o.mfaAuthenticated) && <Badge tone="success">MFA</Badge>}
        <Badge tone="neutral">{account}</Badge>
      </span>
    </label>
  );
}
