/**
 * The decision rules of AWS's evaluation logic over what each policy type said, written once for the explained
 * path (`evaluateRequest`) and the fast path (`decideRequest`), so the two cannot drift apart.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
 */
import type { PolicyType, PrincipalMatchVia, RequestPrincipal } from "./evaluate-types";

/** What each policy type said about one request, once its statements were matched. */
export interface LayerVerdicts {
  /** The first policy type holding an applicable Deny, in the order identity, resource (or trust), boundary, session. */
  deniedBy?: PolicyType;
  identityAllows: boolean;
  boundaryAllows: boolean;
  sessionAllows: boolean;
  resourceAllows: boolean;
  /** The broadest way an allowing resource-policy statement named the principal. */
  grant?: PrincipalMatchVia;
  hasBoundary: boolean;
  hasSession: boolean;
  hasResource: boolean;
  resourceType: "resource" | "trust";
  resourceOwner?: string;
}

/**
 * Which rule decided: `deny` (an explicit deny), `non-iam` (a service or identity provider: the resource policy
 * alone), `cross-account` (both sides), `trust` (a trust policy that does not allow), `grant-direct` (a resource
 * policy naming the user or session itself, or `*`), `grant-role` (naming the role behind the session), `identity`.
 */
export type DecisionRoute = "deny" | "non-iam" | "cross-account" | "trust" | "grant-direct" | "grant-role" | "identity";

/** The decision and the rule behind it; only a denial names the policy type AWS puts in its message. */
export type LayeredDecision =
  | { decision: "ExplicitlyDenied"; deniedBy: PolicyType; route: "deny" }
  | { decision: "Allowed"; route: Exclude<DecisionRoute, "deny"> }
  | { decision: "ImplicitlyDenied"; deniedBy: PolicyType; route: Exclude<DecisionRoute, "deny"> };

export const isIamPrincipal = (p: RequestPrincipal) => p.type !== "service" && p.type !== "federated";

export const GRANT_STRENGTH: Record<PrincipalMatchVia, number> = { principal: 4, wildcard: 3, role: 2, account: 1 };

const finish = (route: Exclude<DecisionRoute, "deny">, gap?: PolicyType): LayeredDecision =>
  gap === undefined ? { decision: "Allowed", route } : { decision: "ImplicitlyDenied", deniedBy: gap, route };

/** The first policy type of the chain identity → boundary → session that had to allow and did not. */
function firstGap(p: RequestPrincipal, v: LayerVerdicts, fromBoundary: boolean): PolicyType | undefined {
  // The root user is allowed by default in its own account.
  if (!fromBoundary && p.type !== "root" && !v.identityAllows) return "identity";
  if (v.hasBoundary && !v.boundaryAllows) return "boundary";
  // A federated-user session (GetFederationToken) has only what its session policy grants.
  if (v.hasSession ? !v.sessionAllows : p.type === "federated-user") return "session";
  return undefined;
}

export function decideLayers(p: RequestPrincipal, v: LayerVerdicts): LayeredDecision {
  if (v.deniedBy) return { decision: "ExplicitlyDenied", deniedBy: v.deniedBy, route: "deny" };
  if (!isIamPrincipal(p)) return finish("non-iam", v.resourceAllows ? undefined : v.resourceType);
  if (v.hasResource && p.accountId !== v.resourceOwner) {
    return finish("cross-account", firstGap(p, v, false) ?? (v.resourceAllows ? undefined : v.resourceType));
  }
  // "IAM role trust policies ... must explicitly allow access for principals", even within the account.
  if (v.resourceType === "trust" && v.hasResource && !v.resourceAllows) return finish("trust", "trust");
  // Granted to the user or session itself: implicit denies elsewhere do not matter.
  if (v.grant === "principal" || v.grant === "wildcard") return finish("grant-direct");
  // Granted to the role behind the session: "limited by an implicit deny in a permissions boundary or session policy".
  if (v.grant === "role") return finish("grant-role", firstGap(p, v, true));
  return finish("identity", firstGap(p, v, false));
}
