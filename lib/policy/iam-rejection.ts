/**
 * `checkPolicyForIam`: what IAM answers to CreateRole / UpdateAssumeRolePolicy (kind `trust`),
 * CreatePolicy / CreatePolicyVersion (`identity`, `boundary`), PutRolePolicy / PutUserPolicy
 * (`identity` with `ctx.inlinePolicy`), or the STS `Policy` parameter (`session`).
 *
 * IAM reports one problem: the one its checks meet first. Every refusal comes from an ERROR finding of
 * the same analysis `validatePolicy` runs, so the two cannot disagree.
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreatePolicy.html#API_CreatePolicy_Errors
 */
import type { IamRejection, PolicyKind, ValidationContext } from "./types";
import { analyzePolicy } from "./validate";

export function checkPolicyForIam(text: string, kind: PolicyKind, ctx?: ValidationContext): IamRejection | null {
  let best: { stage: number; offset: number; rejection: IamRejection } | null = null;
  for (const f of analyzePolicy(text, kind, ctx).findings) {
    if (!f.iam) continue;
    const cand = { stage: f.iam.stage, offset: f.span.start.offset, rejection: f.iam.rejection };
    if (!best || cand.stage < best.stage || (cand.stage === best.stage && cand.offset < best.offset)) best = cand;
  }
  return best ? { ...best.rejection } : null;
}
