/**
 * `decidingStatements`: the statements a person should look at to understand a decision.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */
import type { Decision, StatementReason } from "./evaluate-types";

/**
 * - Explicitly denied: the Deny statements that apply (any one of them is enough to refuse).
 * - Implicitly denied: the statements of the policy type that had to allow and did not which came closest: they
 *   cover the action but another element (principal, resource, condition) did not match. Empty when no statement
 *   of that type covers the action at all.
 * - Allowed: the Allow statements that apply.
 */
export function decidingStatements(d: Decision): StatementReason[] {
  const statements = d.reasons.filter((r): r is StatementReason => r.kind === "statement");
  switch (d.decision) {
    case "ExplicitlyDenied":
      return statements.filter((s) => s.effect === "Deny" && s.applies);
    case "ImplicitlyDenied":
      return statements.filter((s) => s.policy.type === d.deniedBy && s.effect === "Allow" && !s.applies);
    case "Allowed":
      return statements.filter((s) => s.effect === "Allow" && s.applies);
  }
}
