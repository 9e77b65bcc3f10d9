"use client";
import { useId, useMemo } from "react";
import { CheckCircle2, CircleSlash, MinusCircle, XCircle } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { PolicyEditor } from "@/components/policy-editor/policy-editor";
import type { PolicyHighlight } from "@/components/policy-editor/highlights";
import { decidingStatements, type ConditionCheck, type GateReason, type PolicyKind, type PolicyType, type StatementReason } from "@/lib/policy";
import type { RoleDto } from "../role-queries";
import type { DeniedDto } from "./assume-queries";

type ExplainedPolicyDto = DeniedDto["policies"][number];

const LAYER: Record<PolicyType, string> = {
  trust: "Trust policy",
  identity: "Identity-based policies",
  boundary: "Permissions boundary",
  session: "Session policies",
  resource: "Resource-based policy",
};

const GATE: Record<GateReason["result"], { text: string; tone: "success" | "danger" | "neutral"; icon: typeof CheckCircle2 }> = {
  allows: { text: "allows", tone: "success", icon: CheckCircle2 },
  denies: { text: "denies", tone: "danger", icon: XCircle },
  "no-allow": { text: "does not allow", tone: "danger", icon: XCircle },
  "not-required": { text: "not needed", tone: "neutral", icon: MinusCircle },
  absent: { text: "none", tone: "neutral", icon: CircleSlash },
};

const EDITOR_KIND: Record<PolicyType, PolicyKind> = { trust: "trust", identity: "identity", boundary: "boundary", session: "session", resource: "identity" };

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const sameRef = (a: StatementReason["policy"], b: StatementReason["policy"]) => a.type === b.type && a.index === b.index;

/**
 * Why STS refused: AWS's answer verbatim, then Roleplane's own reading of the evaluator's decision — each policy
 * layer's verdict, the statement that decided (highlighted at its lines), the condition that failed with the values
 * compared, and what would have to change.
 */
export function DenialExplanation({ outcome, role, heading }: { outcome: DeniedDto; role: RoleDto; heading: React.RefObject<HTMLHeadingElement | null> }) {
  const decision = outcome.decision;
  const deciding = decision ? decidingStatements(decision) : [];
  const others = decision ? decision.reasons.filter((r): r is StatementReason => r.kind === "statement" && r.applies && !deciding.includes(r)) : [];
  const gates = decision ? decision.reasons.filter((r): r is GateReason => r.kind === "gate") : [];
  const decisive = outcome.policies.filter((p) => deciding.some((s) => sameRef(s.policy, p.ref)));
  const supporting = outcome.policies.filter((p) => !decisive.includes(p) && others.some((s) => sameRef(s.policy, p.ref)));
  const headingId = useId();

  return (
    <section aria-labelledby={headingId} className="rounded-xl border border-danger/30 bg-surface shadow-card" data-testid="assume-denied">
      <header className="flex items-start gap-2.5 border-b border-border px-5 py-3.5">
        <XCircle aria-hidden className="mt-0.5 size-5 shrink-0 text-danger" />
        <div>
          <h2 id={headingId} ref={heading} tabIndex={-1} className="scroll-mt-20 text-sm font-semibold outline-none">Access denied</h2>
          <p className="mt-0.5 text-[13px] text-fg-muted">STS refused the request of <code className="font-mono text-[12.5px]">{outcome.callerArn}</code> for {role.name}. No credentials were issued.</p>
        </div>
      </header>
      <div className="flex flex-col gap-5 p-5">
        <div>
          <h3 className="text-xs font-medium text-fg-muted">AWS&apos;s answer</h3>
          <pre tabIndex={0} className="mt-1 overflow-x-auto rounded-lg bg-surface-2 p-3 font-mono text-xs leading-relaxed break-words whitespace-pre-wrap" data-testid="aws-denial-message">
            {outcome.error.code}: {outcome.error.message}
          </pre>
          <p className="mt-1 text-xs text-fg-muted">That is all AWS tells a caller. What follows is Roleplane&apos;s own explanation, from its policy evaluator.</p>
        </div>

        <div className="flex flex-col gap-4 rounded-lg border border-border bg-surface-2/50 p-4" data-testid="roleplane-explanation">
          <div className="flex flex-wrap items-center gap-2">
            <Badge tone="accent">Roleplane&apos;s explanation</Badge>
            <span className="text-xs text-fg-muted">not part of AWS&apos;s answer</span>
          </div>
          <p className="text-sm font-medium" data-testid="denial-summary">{outcome.advice.summary}</p>
          {gates.length > 0 && (
            <ul aria-label="Policy layers" className="flex flex-wrap gap-2" data-testid="denial-layers">
              {gates.map((g, i) => {
                const look = GATE[g.result];
                // Only the layer that refused is the one to fix; another that "does not allow" may not have been needed.
                const refused = decision?.decision !== "Allowed" && decision?.deniedBy === g.type;
                const tone = look.tone === "danger" && !refused && g.result !== "denies" ? "neutral" : look.tone;
                return (
                  <li key={i} title={g.note}>
                    <Badge tone={tone} icon={<look.icon aria-hidden className="size-3" />}>
                      <span className="font-normal">{LAYER[g.type]}:</span> {look.text}{refused ? " — refused" : ""}
                    </Badge>
                  </li>
                );
              })}
            </ul>
          )}
          {outcome.advice.changes.length > 0 && (
            <div>
              <h3 className="text-[13px] font-semibold">What would have to change</h3>
              <ol className="mt-1.5 flex list-decimal flex-col gap-1 pl-5 text-[13px]" data-testid="denial-changes">
                {outcome.advice.changes.map((c, i) => <li key={i}>{c}</li>)}
              </ol>
            </div>
          )}
        </div>

        {decisive.map((p, i) => (
          <ExplainedPolicy key={`${p.ref.type}:${p.ref.index}`} policy={p} statements={deciding.filter((s) => sameRef(s.policy, p.ref))} testId={`decisive-policy-${i}`} />
        ))}
        {decision && deciding.length === 0 && (
          <p className="text-[13px] text-fg-muted" data-testid="no-deciding-statement">No statement of the {LAYER[decision.decision === "Allowed" ? "trust" : decision.deniedBy].toLowerCase()} covers {decision.action} for this caller at all.</p>
        )}
        {supporting.length > 0 && (
          <details className="rounded-lg border border-border">
            <summary className="cursor-pointer px-4 py-2.5 text-[13px] font-medium">Statements that did allow ({others.length})</summary>
            <div className="flex flex-col gap-4 p-4 pt-1">
              {supporting.map((p, i) => (
                <ExplainedPolicy key={`${p.ref.type}:${p.ref.index}`} policy={p} statements={others.filter((s) => sameRef(s.policy, p.ref))} testId={`supporting-policy-${i}`} />
              ))}
            </div>
          </details>
        )}
        <details className="rounded-lg border border-border">
          <summary className="cursor-pointer px-4 py-2.5 text-[13px] font-medium">The evaluator&apos;s full reasoning</summary>
          <ul className="flex list-disc flex-col gap-1 px-4 pt-1 pb-3 pl-8 text-[13px] text-fg-muted" data-testid="denial-reasoning">
            {outcome.explanation.map((line, i) => <li key={i}>{line}</li>)}
          </ul>
        </details>
      </div>
    </section>
  );
}

function highlightsOf(statements: StatementReason[]): PolicyHighlight[] {
  return statements.flatMap((s) => {
    const tone = s.effect === "Deny" || !s.applies ? "deny" : "allow";
    const marks: PolicyHighlight[] = [{ path: s.path, tone }];
    if (s.failedOn === "condition") for (const c of s.conditions) if (!c.passed) marks.push({ path: c.path, tone: "condition" });
    if (s.failedOn === "principal" && s.principal) marks.push({ path: s.principal.path, tone: "condition" });
    if (s.failedOn === "resource" && s.resource) marks.push({ path: s.resource.path, tone: "condition" });
    return marks;
  });
}

function statementVerdict(s: StatementReason): string {
  if (s.applies) return s.effect === "Deny" ? "denies the request" : "allows the request";
  const would = s.effect === "Allow" ? "would allow it" : "would deny it";
  const why = { condition: "its condition does not hold", principal: "its Principal does not name the caller", resource: "its Resource does not cover the role", action: "it does not cover the action" }[s.failedOn ?? "action"];
  return `${would}, but ${why}`;
}

/** One policy the decision turned on: its statements in words, failed conditions with the values, its text marked. */
function ExplainedPolicy({ policy, statements, testId }: { policy: ExplainedPolicyDto; statements: StatementReason[]; testId: string }) {
  const highlights = useMemo(() => highlightsOf(statements), [statements]);
  const failed = statements.flatMap((s) => (s.failedOn === "condition" ? s.conditions.filter((c) => !c.passed).map((c) => ({ s, c })) : []));
  return (
    <div className="flex flex-col gap-3" data-testid={testId}>
      <h3 className="text-[13px] font-semibold">{cap(policy.title)}</h3>
      <ul className="flex flex-col gap-1.5 text-[13px]">
        {statements.map((s, i) => (
          <li key={i} className="flex flex-wrap items-center gap-2" data-testid="deciding-statement">
            <Badge tone={s.effect === "Deny" ? "danger" : "neutral"}>{s.effect}</Badge>
            <span className="font-medium">Statement #{s.statementIndex + 1}{s.sid ? ` (Sid "${s.sid}")` : ""}</span>
            <span className="text-fg-muted">{statementVerdict(s)}.</span>
          </li>
        ))}
      </ul>
      {failed.length > 0 && <ConditionTable rows={failed.map((f) => f.c)} />}
      <PolicyEditor kind={EDITOR_KIND[policy.ref.type]} value={policy.document} onChange={() => undefined} readOnly showSummary={false}
        height={Math.min(320, 40 + policy.document.split("\n").length * 20)} title="The document, marked where the decision turned" highlights={highlights}
        testId={`${testId}-editor`} inlinePolicy={policy.ref.type === "identity" && !policy.ref.arn} />
    </div>
  );
}

const values = (v: string[]) => (v.length ? v.map((x) => `"${x}"`).join(", ") : "—");

function ConditionTable({ rows }: { rows: ConditionCheck[] }) {
  return (
    <div className="overflow-hidden rounded-lg border border-border">
      <Table label="Conditions that failed" testId="failed-conditions">
        <thead><tr><Th>Condition</Th><Th>Key</Th><Th>Policy expects</Th><Th>Request has</Th><Th>Result</Th></tr></thead>
        <tbody>
          {rows.map((c, i) => (
            <Tr key={i} testId="failed-condition">
              <Td className="font-mono text-[12.5px]">{c.operator}</Td>
              <Td className="font-mono text-[12.5px]">{c.key}</Td>
              <Td className="font-mono text-[12.5px] break-all">{values(c.policyValues)}</Td>
              <Td className={cn("font-mono text-[12.5px] break-all", c.missing && "text-fg-muted italic")}>{c.missing ? "nothing (not in the request)" : values(c.requestValues)}</Td>
              <Td><Badge tone={c.passed ? "success" : "danger"}>{c.passed ? "holds" : "fails"}</Badge></Td>
            </Tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
