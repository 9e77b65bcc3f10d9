import type { Role } from "@/lib/domain/types";
import { decideRequest, evaluateRequest, type ContextValue, type Decision, type EvaluationRequest, type FastDecision, type PolicySet, type RequestPrincipal } from "@/lib/policy";

/**
 * Assuming a role, as one evaluation: the caller's own policies (identity, boundary, session) together with the
 * role's trust policy as the resource-based policy, owned by the role's account. Same account, a trust policy naming
 * the caller is enough; naming only the account (or across accounts) needs the caller's identity policy too
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html).
 * STS decides with it, and the simulator explains with the same function, so both answer alike.
 */
export interface TrustCheck {
  policies: PolicySet;
  request(action: string): EvaluationRequest;
}

/** The STS actions a trust policy decides (AWS accepts these in a trust policy's Action). */
export const TRUST_ACTIONS = new Set(["sts:assumerole", "sts:assumerolewithwebidentity", "sts:assumerolewithsaml", "sts:tagsession", "sts:setsourceidentity"]);

export const isTrustAction = (action: string) => TRUST_ACTIONS.has(action.toLowerCase());

/** `context` is the request's own; the role's tags are added as `aws:ResourceTag/…`, as for any tagged resource. */
export function trustCheck(role: Pick<Role, "arn" | "accountId" | "trustPolicy" | "tags">, principal: RequestPrincipal, callerPolicies: PolicySet, context: Record<string, ContextValue>): TrustCheck {
  const full: Record<string, ContextValue> = { ...context };
  for (const t of role.tags) full[`aws:ResourceTag/${t.Key}`] = t.Value;
  return {
    policies: {
      ...callerPolicies,
      resource: { document: role.trustPolicy, ownerAccountId: role.accountId, kind: "trust", arn: role.arn },
    },
    request: (action) => ({ action, resource: role.arn, principal, context: full }),
  };
}

/** The decision alone (the fast path), as STS needs it. */
export const decideTrust = (check: TrustCheck, action: string): FastDecision => decideRequest(check.request(action), check.policies);

/** The decision with every reason, for refusals, the simulator and the console. */
export const explainTrust = (check: TrustCheck, action: string): Decision => evaluateRequest(check.request(action), check.policies);
