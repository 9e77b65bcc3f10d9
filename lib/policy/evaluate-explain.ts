/**
 * `explainDecision`: a decision in plain words, one sentence per line, for the console and the audit trail.
 */
import type { ConditionCheck, Decision, GateReason, PolicyRef, PolicyType, StatementReason } from "./evaluate-types";

const TYPE_NAME: Record<PolicyType, string> = {
  identity: "identity-based policy",
  boundary: "permissions boundary",
  resource: "resource-based policy",
  trust: "role trust policy",
  session: "session policy",
};

/**
 * "the managed policy ReadOnly (arn:…)", "the inline policy deploy", "the inline policy deploy of group
 * developers", "the role trust policy".
 */
export function describePolicy(p: PolicyRef): string {
  switch (p.type) {
    case "identity": {
      const held = p.arn ? `the managed policy ${p.name ?? p.arn} (${p.arn})` : `the inline policy ${p.name ?? `#${p.index + 1}`}`;
      return p.group ? `${held} of group ${p.group.name}` : held;
    }
    case "boundary":
      return `the permissions boundary ${p.arn ?? ""}`.trimEnd();
    case "session":
      return p.arn ? `the session policy ${p.arn}` : `the session policy${p.name ? ` ${p.name}` : ""}`;
    default:
      return `the ${TYPE_NAME[p.type]}${p.name ? ` ${p.name}` : ""}`;
  }
}

const list = (values: string[]) => (values.length === 1 ? `"${values[0]}"` : `[${values.map((v) => `"${v}"`).join(", ")}]`);

function describeCondition(c: ConditionCheck): string {
  const head = `${c.operator} on ${c.key}`;
  const compared = c.missing ? `the request has no ${c.key}` : `the request has ${list(c.requestValues)}, the policy ${list(c.policyValues)}`;
  return `${head} ${c.passed ? "holds" : "fails"} (${compared}${c.note ? `; ${c.note.replace(/\.$/, "")}` : ""})`;
}

function statementLabel(s: StatementReason): string {
  return `Statement #${s.statementIndex + 1}${s.sid ? ` (Sid "${s.sid}")` : ""} of ${describePolicy(s.policy)}`;
}

function describeStatement(s: StatementReason): string {
  const verb = s.effect === "Allow" ? "allows" : "denies";
  const label = statementLabel(s);
  if (s.applies) {
    const parts = [`${s.action.element} matches ${s.action.element === "Action" ? `"${s.action.pattern}"` : "(not excluded)"}`];
    if (s.resource) parts.push(s.resource.element === "Resource" ? `Resource matches "${s.resource.pattern}"` : "the resource is not excluded by NotResource");
    if (s.principal) parts.push(s.principal.pattern ? `the principal matches ${s.principal.pattern}` : `the principal is not excluded by NotPrincipal`);
    for (const c of s.conditions) parts.push(describeCondition(c));
    return `${label} ${verb} it: ${parts.join("; ")}.`;
  }
  const would = s.effect === "Allow" ? "would allow it" : "would deny it";
  switch (s.failedOn) {
    case "resource":
      return s.resource?.element === "NotResource"
        ? `${label} ${would}, but NotResource excludes ${s.resource.value} ("${s.resource.pattern}").`
        : `${label} ${would}, but the resource ${s.resource?.value} matches none of its Resource values.`;
    case "principal":
      return s.principal?.element === "NotPrincipal"
        ? `${label} ${would}, but NotPrincipal excludes the principal.`
        : `${label} ${would}, but its Principal does not name the requesting principal.`;
    case "condition":
      return `${label} ${would}, but its condition does not hold: ${s.conditions.filter((c) => !c.passed).map(describeCondition).join("; ")}.`;
    default:
      return `${label} does not cover the action.`;
  }
}

function describeGate(g: GateReason, action: string): string | undefined {
  const name = TYPE_NAME[g.type];
  const note = g.note ? ` ${g.note}` : "";
  switch (g.result) {
    case "allows":
      return `${g.type === "identity" ? "An" : "A"} ${name} allows ${action}.${note}`;
    case "denies":
      return `A Deny statement in a ${name} applies, and an explicit deny overrides every allow.`;
    case "no-allow":
      return `No ${name} allows ${action}.${note}`;
    case "not-required":
      return `No ${name} needed to allow it.${note}`;
    case "absent":
      return undefined;
  }
}

/** The decision in plain words: the verdict first, then each policy type, then the statements behind it. */
export function explainDecision(decision: Decision): string[] {
  const { action, resource } = decision;
  const lines: string[] = [];
  if (decision.decision === "Allowed") lines.push(`Allowed: ${action} on ${resource}.`);
  else if (decision.decision === "ExplicitlyDenied") {
    const by = describePolicy(decision.deniedByPolicy);
    lines.push(`Explicitly denied: ${by} denies ${action} on ${resource}.`);
  } else {
    lines.push(`Implicitly denied: no ${TYPE_NAME[decision.deniedBy]} allows ${action} on ${resource}.`);
  }
  for (const r of decision.reasons) {
    if (r.kind === "gate") {
      const line = describeGate(r, action);
      if (line) lines.push(line);
    } else if (r.kind === "unreadable") lines.push(`${describePolicy(r.policy)} could not be read and was ignored: ${r.message}`);
    else lines.push(describeStatement(r));
  }
  return lines;
}
