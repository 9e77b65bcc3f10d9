"use client";
import { useEffect, useId, useRef, useState } from "react";
import Link from "next/link";
import { CheckCircle2, Eye, EyeOff, TriangleAlert } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { CopyButton } from "@/components/ui/copy-button";
import { CopyableCode, SummaryField } from "@/components/ui/summary-grid";
import { useNow } from "@/components/ui/use-now";
import { useOrigin } from "@/components/ui/use-client";
import { formatCountdown, formatDateTime } from "@/components/format";
import type { ConsoleAssumeRoleInput } from "@/lib/domain/console-assume";
import type { RoleDto } from "../role-queries";
import { toRole } from "../routes";
import type { DeniedDto, GrantedDto } from "./assume-queries";
import { assumeRoleCliCommand, credentialProcessJson, credentialsFileProfile, shellExports, type CredentialSet } from "./credential-formats";
import { DenialExplanation } from "./denial-explanation";

export function AssumeResult({ outcome, role, input, onDismiss }: { outcome: GrantedDto | DeniedDto; role: RoleDto; input: ConsoleAssumeRoleInput; onDismiss: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
    heading.current?.scrollIntoView({ block: "start" });
  }, [outcome]);
  return outcome.granted ? (
    <GrantedResult outcome={outcome} role={role} input={input} onDismiss={onDismiss} heading={heading} />
  ) : (
    <DenialExplanation outcome={outcome} role={role} heading={heading} />
  );
}

const FORMATS = [
  { id: "shell", label: "Shell (export)", render: (c: CredentialSet) => shellExports(c) },
  { id: "profile", label: "~/.aws/credentials", render: (c: CredentialSet, profile: string) => credentialsFileProfile(c, profile) },
  { id: "process", label: "credential_process JSON", render: (c: CredentialSet) => credentialProcessJson(c) },
] as const;
type FormatId = (typeof FORMATS)[number]["id"];

const MASK = "•".repeat(24);

function GrantedResult({ outcome, role, input, onDismiss, heading }: { outcome: GrantedDto; role: RoleDto; input: ConsoleAssumeRoleInput; onDismiss: () => void; heading: React.RefObject<HTMLHeadingElement | null> }) {
  const [format, setFormat] = useState<FormatId>("shell");
  const [shown, setShown] = useState(false);
  const endpoint = `${useOrigin()}/api/aws`;
  const c = outcome.credentials;
  const current = FORMATS.find((f) => f.id === format)!;
  const text = current.render(c, `roleplane-${role.name}`);
  const masked = shown ? text : text.split(c.secretAccessKey).join(MASK).split(c.sessionToken).join(MASK);
  const cli = assumeRoleCliCommand({ ...input, RoleArn: role.arn }, endpoint);
  const groupId = useId();

  return (
    <section aria-labelledby={groupId} className="rounded-xl border border-success-soft-fg/30 bg-surface shadow-card" data-testid="assume-granted">
      <header className="flex flex-wrap items-start justify-between gap-3 border-b border-border px-5 py-3.5">
        <div className="flex items-start gap-2.5">
          <CheckCircle2 aria-hidden className="mt-0.5 size-5 shrink-0 text-success-soft-fg" />
          <div>
            <h2 id={groupId} ref={heading} tabIndex={-1} className="scroll-mt-20 text-sm font-semibold outline-none">Credentials issued</h2>
            <p className="mt-0.5 text-[13px] text-fg-muted">STS granted the request of <code className="font-mono text-[12.5px]">{outcome.callerArn}</code>.</p>
          </div>
        </div>
        <div className="flex gap-2">
          <Link href={toRole({ name: role.name, tab: "sessions" })} className="inline-flex h-8 items-center rounded-lg px-2.5 text-[13px] font-medium text-accent hover:underline">See it under Sessions</Link>
          <Button size="sm" onClick={onDismiss} data-testid="assume-done">Done</Button>
        </div>
      </header>
      <div className="flex flex-col gap-5 p-5">
        <dl className="grid gap-x-8 gap-y-4 sm:grid-cols-2 lg:grid-cols-3">
          <SummaryField label="Assumed role user (ARN)" wide><CopyableCode value={outcome.assumedRoleUser.arn} label="assumed role ARN" truncate testId="assumed-role-arn" /></SummaryField>
          <SummaryField label="Expires"><Countdown expiration={c.expiration} /></SummaryField>
          <SummaryField label="Assumed role ID"><code className="font-mono text-[12.5px]">{outcome.assumedRoleUser.assumedRoleId}</code></SummaryField>
          <SummaryField label="Source identity">{outcome.sourceIdentity ?? <span className="text-fg-subtle">None</span>}</SummaryField>
          {outcome.packedPolicySize !== null && <SummaryField label="Packed policy size">{outcome.packedPolicySize}% of the limit</SummaryField>}
        </dl>

        <div role="note" className="flex gap-3 rounded-lg border border-warning-soft-fg/30 bg-warning-soft p-3 text-[13px] text-warning-soft-fg" data-testid="credentials-once-warning">
          <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
          <p><strong>Shown only now.</strong> Roleplane keeps the secret sealed and never shows it again: copy what you need before you leave this page. Anyone holding these can act as the role until they expire or you revoke the session.</p>
        </div>

        <div className="flex flex-col gap-2">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <fieldset className="inline-flex rounded-lg border border-border bg-surface-2 p-0.5 text-[13px]">
              <legend className="sr-only">Credentials format</legend>
              {FORMATS.map((f) => (
                <label key={f.id} className={cn("cursor-pointer rounded-md px-2.5 py-1 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-ring", format === f.id ? "bg-surface font-medium text-fg shadow-card" : "text-fg-muted hover:text-fg")}>
                  <input type="radio" name="credentials-format" className="sr-only" checked={format === f.id} onChange={() => setFormat(f.id)} data-testid={`format-${f.id}`} />
                  {f.label}
                </label>
              ))}
            </fieldset>
            <div className="flex items-center gap-1">
              <Button size="sm" variant="ghost" onClick={() => setShown((s) => !s)} icon={shown ? <EyeOff aria-hidden className="size-4" /> : <Eye aria-hidden className="size-4" />} data-testid="toggle-credentials">
                {shown ? "Hide secrets" : "Show secrets"}
              </Button>
              <CopyButton value={text} label={current.label} />
            </div>
          </div>
          <pre tabIndex={0} aria-label={`Credentials as ${current.label}`} data-testid="credentials-text" className="overflow-x-auto rounded-lg bg-[#0f1320] p-4 font-mono text-xs leading-relaxed break-all whitespace-pre-wrap text-[#d7dcf0]">{masked}</pre>
          {format === "process" && <p className="text-xs text-fg-muted">What a <code>credential_process</code> command prints; the AWS CLI and SDKs call it again once <code>Expiration</code> passes.</p>}
          {format === "profile" && <p className="text-xs text-fg-muted">Then <code>aws --profile roleplane-{role.name} --endpoint-url {endpoint} …</code></p>}
        </div>

        <div className="flex flex-col gap-1.5">
          <div className="flex items-center justify-between">
            <h3 className="text-[13px] font-semibold">Equivalent AWS CLI command</h3>
            <CopyButton value={cli} label="AWS CLI command" />
          </div>
          <pre tabIndex={0} data-testid="assume-cli-command" className="overflow-x-auto rounded-lg bg-[#0f1320] p-4 font-mono text-xs leading-relaxed text-[#d7dcf0]">{cli}</pre>
          <p className="text-xs text-fg-muted">Run it with the credentials of <code className="font-mono">{outcome.callerArn}</code>; it gets a session of its own.</p>
        </div>
      </div>
    </section>
  );
}

/** The time left, ticking every second, with the moment it ends. */
function Countdown({ expiration }: { expiration: string }) {
  const now = useNow(1000);
  const left = (new Date(expiration).getTime() - now) / 1000;
  return (
    <span className="flex flex-col">
      <span className={cn("font-mono text-[13px] tabular-nums", left <= 0 ? "text-danger" : left < 300 ? "text-warning-soft-fg" : "text-fg")} data-testid="expires-countdown" role="timer" aria-live="off">
        {left > 0 ? `${formatCountdown(left)} left` : "Expired"}
      </span>
      <span className="text-xs text-fg-muted">{formatDateTime(expiration)}</span>
    </span>
  );
}
