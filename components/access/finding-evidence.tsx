import Link from "next/link";
import type { Finding, FindingEvidence } from "@/lib/access/findings";
import { Badge } from "@/components/ui/badge";
import { formatDate, formatDateTime } from "@/components/format";
import { toRole } from "@/components/roles/routes";
import { kindLabel, statementName } from "./access-labels";
import { consoleHref } from "./principal-links";

export function Arn({ arn, accountId }: { arn: string; accountId: string }) {
  const href = consoleHref(arn, accountId);
  const text = <code className="font-mono text-[12.5px] break-all">{arn}</code>;
  return href ? <Link href={href} className="text-accent underline-offset-2 hover:underline" data-testid="evidence-link">{text}</Link> : text;
}

function Item({ evidence: e, accountId }: { evidence: FindingEvidence; accountId: string }) {
  switch (e.type) {
    case "assume":
      return (
        <>
          <p className="flex flex-wrap items-center gap-2"><Badge>{kindLabel(e.principalKind)}</Badge><Arn arn={e.principal} accountId={accountId} /> assumes it directly</p>
          <p className="mt-1 text-fg-muted">
            {e.conditions.length ? <>Only when the request carries {e.conditions.map((c, i) => <span key={c}>{i ? ", " : ""}<code className="font-mono text-[12px]">{c}</code></span>)}</> : "With no condition on the request."}
            {" "}Allowed by {e.statements.map(statementName).join("; ")}.
          </p>
        </>
      );
    case "chain":
      return (
        <>
          <p className="flex flex-wrap items-center gap-2">
            <Badge>{kindLabel(e.principalKind)}</Badge><Arn arn={e.principal} accountId={accountId} /> reaches it in {e.path.length - 1} assumes
            {e.conditional ? <Badge tone="warning">Conditional</Badge> : <Badge tone="danger">Unconditional</Badge>}
          </p>
          <ol className="mt-1 flex flex-col gap-0.5" aria-label="Path" data-testid="evidence-path">
            {e.path.map((p, i) => <li key={i}>{i ? "→ " : ""}<Arn arn={p} accountId={accountId} /></li>)}
          </ol>
        </>
      );
    case "administrator":
      return (
        <p>
          An administrator role: {e.grant.statement ? <>its policy <code className="font-mono text-[12px]">{e.grant.policy}</code> allows <code className="font-mono">*</code> on <code className="font-mono">*</code> ({e.grant.statement})</> : <>it has <code className="font-mono text-[12px]">{e.grant.policy}</code> attached</>}
          {e.grant.group && <> through group {e.grant.group}</>}.
        </p>
      );
    case "trust-principal":
      return (
        <>
          <p><code className="font-mono text-[12px] text-fg-muted">{e.path}</code>: <code className="font-mono text-[12.5px] break-all">{e.value}</code></p>
          <p className="mt-1 text-fg-muted">{e.problem}</p>
        </>
      );
    case "usage":
      return (
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-0.5">
          <dt className="text-fg-muted">Created</dt><dd>{formatDate(e.createdAt)}</dd>
          <dt className="text-fg-muted">Last used (RoleLastUsed)</dt><dd>{e.lastUsedAt ? formatDateTime(e.lastUsedAt) : "Never"}</dd>
          <dt className="text-fg-muted">Last session issued</dt><dd>{e.lastSessionAt ? formatDateTime(e.lastSessionAt) : "None"}</dd>
          <dt className="text-fg-muted">Idle</dt><dd>{e.idleDays} days</dd>
        </dl>
      );
  }
}

export function FindingEvidenceList({ finding, accountId }: { finding: Finding; accountId: string }) {
  return (
    <>
      <ul className="mt-3 flex flex-col gap-2" data-testid="finding-evidence">
        {finding.evidence.map((e, i) => (
          <li key={i} className="rounded-lg border border-border bg-surface-2/50 px-3 py-2 text-[13px]" data-testid={`evidence-${e.type}`}>
            <Item evidence={e} accountId={accountId} />
          </li>
        ))}
      </ul>
      {finding.omitted ? (
        <p className="mt-2 text-[13px] text-fg-muted" data-testid="evidence-omitted">
          And {finding.omitted} more: <Link href={toRole({ name: finding.roleName, tab: "who-can-assume" })} className="text-accent underline underline-offset-2">the role&apos;s Who can assume tab</Link> lists them all.
        </p>
      ) : null}
    </>
  );
}
