"use client";
import type { RowCondition, RowEvidenceAnswer } from "@/lib/access/access-pages";
import type { DirectAccess } from "@/lib/access/assume-access";
import { evidenceKey, type StatementEvidence, type StatementLines } from "@/lib/domain/access-evidence-types";
import { StatementView } from "@/components/simulator/statement-view";
import { Badge } from "@/components/ui/badge";
import { PathGraph } from "./path-graph";
import { accountOf } from "./principal-links";
import { statementName } from "./access-labels";

export function Conditions({ conditions }: { conditions: RowCondition[] }) {
  return (
    <ul className="flex flex-col gap-0.5" data-testid="access-conditions">
      {conditions.map((c, i) => (
        <li key={i} className="font-mono text-[12px]">
          {c.effect === "Deny" ? "avoid " : ""}{c.operator} {c.key} {c.values.join(", ")}
        </li>
      ))}
    </ul>
  );
}

/** One direct access: the conditions that must hold, a request STS grants, and the deciding statements at their lines. */
function DirectEvidence({ access, evidence, heading }: { access: DirectAccess; evidence: StatementEvidence; heading?: string }) {
  const lines = evidence.lines[evidenceKey(access.principal.arn, access.roleArn)] ?? [];
  const byDocument = new Map<string, StatementLines[]>();
  for (const l of lines) if (l) byDocument.set(l.documentId, [...(byDocument.get(l.documentId) ?? []), l]);
  const unshown = access.statements.filter((_, i) => !lines[i]);
  return (
    <div className="flex flex-col gap-3" data-testid="access-hop">
      {heading && <p className="text-[13px] font-medium text-fg">{heading}</p>}
      {access.conditions.length > 0 ? (
        <div className="text-[13px]">
          <p className="text-fg-muted">Only when the request meets:</p>
          <Conditions conditions={access.conditions} />
        </div>
      ) : (
        <p className="text-[13px] text-fg-muted">With no condition on the request.</p>
      )}
      {Object.keys(access.example).length > 0 && (
        <p className="text-[13px] text-fg-muted" data-testid="access-example">
          A request STS grants: <code className="font-mono text-[12px] text-fg">{JSON.stringify(access.example)}</code>
        </p>
      )}
      <ul className="flex list-disc flex-col gap-0.5 pl-5 text-[13px]" data-testid="access-statements">
        {access.statements.map((s, i) => <li key={i}>{s.effect === "Deny" ? "Must avoid: " : ""}{statementName(s)}</li>)}
      </ul>
      {[...byDocument].map(([id, ranges]) => {
        const doc = evidence.documents[id];
        return (
          <div key={id} className="flex flex-col gap-1.5">
            <p className="text-[13px] font-medium text-fg">
              {doc.label} <span className="font-normal text-fg-muted">(deciding statement at {ranges.map((r) => `lines ${r.from}–${r.to}`).join(", ")})</span>
            </p>
            <StatementView text={doc.text} ranges={ranges} label={`${doc.label}, read-only`} testId="access-statement-view" />
          </div>
        );
      })}
      {unshown.length > 0 && <p className="text-[12.5px] text-fg-muted">Policies of principals outside Roleplane are not stored here; their statements are named above only.</p>}
    </div>
  );
}

/** What a row expands to: for a direct row its evidence; for a chain the path drawn, then each hop's evidence. */
export function RowEvidence({ evidence, kind }: { evidence: RowEvidenceAnswer; kind: string }) {
  const { path, hops } = evidence;
  const unavailable = (i: number) => <p key={i} className="text-[13px] text-fg-muted">Hop {i + 1}: {path[i]} assumes {path[i + 1]} <Badge>details unavailable</Badge></p>;
  if (path.length === 2) return hops[0] ? <DirectEvidence access={hops[0]} evidence={evidence} /> : unavailable(0);
  return (
    <div className="flex flex-col gap-4">
      <PathGraph path={path} hops={hops.map((h) => ({ conditional: h ? h.conditions.length > 0 : undefined }))} kind={kind} accountId={accountOf(path[path.length - 1])} />
      {hops.map((h, i) => (h ? <DirectEvidence key={i} access={h} evidence={evidence} heading={`Hop ${i + 1}: ${path[i]} assumes ${path[i + 1]}`} /> : unavailable(i)))}
    </div>
  );
}
