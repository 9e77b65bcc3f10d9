"use client";
import type { EvalDecision, MatchedStatement, SimulatedDocument, SimulationView } from "@/lib/domain/simulation-types";
import { Badge } from "@/components/ui/badge";
import { StatementView } from "./statement-view";

export type SimulationRow = SimulationView["results"][number]["resources"][number];

export const DECISIONS: Record<EvalDecision, { label: string; tone: "success" | "danger" | "warning" }> = {
  allowed: { label: "Allowed", tone: "success" },
  explicitDeny: { label: "Explicit deny", tone: "danger" },
  implicitDeny: { label: "Implicit deny", tone: "warning" },
};

export function DecisionBadge({ decision }: { decision: EvalDecision }) {
  return <Badge tone={DECISIONS[decision].tone}>{DECISIONS[decision].label}</Badge>;
}

/**
 * Why one action on one resource was decided so: the evaluator's reasons, the boundary's verdict, and each deciding
 * statement highlighted at its lines in its policy, read-only.
 */
export function Explanation({ row, documents }: { row: SimulationRow; documents: SimulatedDocument[] }) {
  const byDocument = new Map<string, MatchedStatement[]>();
  for (const m of row.matched) byDocument.set(m.documentId, [...(byDocument.get(m.documentId) ?? []), m]);
  return (
    <div className="flex flex-col gap-4">
      <ul className="flex list-disc flex-col gap-1 pl-5 text-[13px] text-fg" data-testid="simulator-reasons">
        {row.reasons.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
      {row.missing.length > 0 && (
        <p className="text-[13px] text-fg-muted" data-testid="simulator-missing">
          Context keys the policies compared and the request did not carry: <span className="font-mono text-[12.5px]">{row.missing.join(", ")}</span>
        </p>
      )}
      {row.allowedByBoundary !== undefined && (
        <p className="text-[13px] text-fg-muted">Permissions boundary: {row.allowedByBoundary ? "allows this action" : "does not allow this action"}.</p>
      )}
      {row.matched.length === 0 &&
        row.trustEvaluated &&
        documents
          .filter((d) => d.policyType === "trust" && d.id === row.resource)
          .map((d) => (
            <div key={d.id} className="flex flex-col gap-1.5">
              <p className="text-[13px] font-medium text-fg">
                AssumeRolePolicyDocument <span className="font-normal text-fg-muted">(trust policy of {d.id}: no statement decided)</span>
              </p>
              <StatementView text={d.text} ranges={[]} label="AssumeRolePolicyDocument, read-only" testId="simulator-statement-view" />
            </div>
          ))}
      {[...byDocument].map(([documentId, statements]) => {
        const doc = documents.find((d) => d.id === documentId);
        if (!doc) return null;
        const where = statements.map((s) => `lines ${s.start.line}–${s.end.line}`).join(", ");
        return (
          <div key={documentId} className="flex flex-col gap-1.5">
            <p className="text-[13px] font-medium text-fg">
              {statements[0].sourcePolicyId} <span className="font-normal text-fg-muted">({doc.policyType} policy, deciding statement at {where})</span>
            </p>
            <StatementView text={doc.text} ranges={statements.map((s) => ({ from: s.start.line, to: s.end.line }))} label={`${statements[0].sourcePolicyId}, read-only`} testId="simulator-statement-view" />
          </div>
        );
      })}
    </div>
  );
}
