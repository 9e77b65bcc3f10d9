import { callerContext, requestPrincipal, type Caller, type CallerPolicies, type RequestEnv } from "@/lib/domain/callers";
import type { Tag } from "@/lib/domain/schemas";
import type { ContextValue, Decision } from "@/lib/policy";
import { explainTrust, trustCheck } from "./trust";

/**
 * The policy part of sts:AssumeRole, pure: the request context STS builds and the evaluations it makes — the trust
 * policy with the caller's identity policies, boundary and session policies for sts:AssumeRole, then sts:TagSession
 * when session tags are passed and sts:SetSourceIdentity when a source identity is first set. AssumeRole runs it
 * with the store's data; the access analysis (lib/access) runs it over every principal, so both decide alike.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
 */

/** The role as the decision needs it. */
export interface TrustedRole {
  arn: string;
  accountId: string;
  trustPolicy: string;
  tags: Tag[];
}

/** What the request asks that conditions can read. */
export interface AssumeRequestKeys {
  RoleSessionName: string;
  ExternalId?: string;
  Tags?: Tag[];
  TransitiveTagKeys?: string[];
  /** SourceIdentity as sent; `sourceIdentity` is the one the session gets (a calling session's wins). */
  SourceIdentity?: string;
  sourceIdentity?: string | null;
  /** When the caller authenticated with MFA (this request's code, or the calling session's), else null. */
  mfaAt: Date | null;
}

export type AssumeDecisionCheck = "trust" | "tag-session" | "source-identity";

export type AssumeDecision = { allowed: true; decision: Decision } | { allowed: false; check: AssumeDecisionCheck; decision: Decision };

/** The request context of an AssumeRole by this caller. */
export function assumeRoleContext(caller: Caller, policies: CallerPolicies, role: TrustedRole, req: AssumeRequestKeys, env: RequestEnv): Record<string, ContextValue> {
  const now = env.now ?? new Date();
  const context: Record<string, ContextValue> = { ...callerContext(caller, policies, env), "sts:RoleSessionName": req.RoleSessionName };
  if (req.mfaAt) {
    context["aws:MultiFactorAuthPresent"] = true;
    context["aws:MultiFactorAuthAge"] = String(Math.max(0, Math.floor((now.getTime() - req.mfaAt.getTime()) / 1000)));
  }
  if (req.ExternalId !== undefined) context["sts:ExternalId"] = req.ExternalId;
  if (req.sourceIdentity) context["sts:SourceIdentity"] = req.sourceIdentity;
  for (const t of req.Tags ?? []) context[`aws:RequestTag/${t.Key}`] = t.Value;
  if (req.Tags?.length) context["aws:TagKeys"] = req.Tags.map((t) => t.Key);
  if (req.TransitiveTagKeys?.length) context["sts:TransitiveTagKeys"] = req.TransitiveTagKeys;
  for (const t of role.tags) context[`aws:ResourceTag/${t.Key}`] = t.Value;
  return context;
}

/** Evaluates an AssumeRole in a given request context (built by assumeRoleContext, maybe with more keys). */
export function decideAssumeRoleIn(caller: Caller, policies: CallerPolicies, role: TrustedRole, req: AssumeRequestKeys, context: Record<string, ContextValue>): AssumeDecision {
  // The same trust evaluation STS makes (lib/sts/trust), with every reason: the analysis shows them.
  const check = trustCheck(role, requestPrincipal(caller), policies.policies, context);
  const evaluate = (action: string) => explainTrust(check, action);
  const decision = evaluate("sts:AssumeRole");
  if (decision.decision !== "Allowed") return { allowed: false, check: "trust", decision };
  if (req.Tags?.length || req.TransitiveTagKeys?.length) {
    const tagging = evaluate("sts:TagSession");
    if (tagging.decision !== "Allowed") return { allowed: false, check: "tag-session", decision: tagging };
  }
  // Only the session that first sets a source identity needs sts:SetSourceIdentity; later ones inherit it.
  if (req.SourceIdentity !== undefined && !inheritedSourceIdentity(caller)) {
    const setting = evaluate("sts:SetSourceIdentity");
    if (setting.decision !== "Allowed") return { allowed: false, check: "source-identity", decision: setting };
  }
  return { allowed: true, decision };
}

const inheritedSourceIdentity = (caller: Caller) => (caller.kind === "session" ? caller.session.sourceIdentity : null);

export function decideAssumeRole(caller: Caller, policies: CallerPolicies, role: TrustedRole, req: AssumeRequestKeys, env: RequestEnv): AssumeDecision {
  return decideAssumeRoleIn(caller, policies, role, req, assumeRoleContext(caller, policies, role, req, env));
}
