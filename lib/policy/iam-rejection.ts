/**
 * `checkPolicyForIam`: what IAM answers to CreateRole / UpdateAssumeRolePolicy (kind `trust`),
 * CreatePolicy / CreatePolicyVersion (`identity`, `boundary`), PutRolePolicy / PutUserPolicy
 * (`identity` with `ctx.inlinePolicy`), or the STS `Policy` parameter (`session`).
 *
 * IAM reports one problem: the one its checks meet first. Every refusal comes from an ERROR finding of
 * the same analysis `validatePolicy` runs, so the two cannot disagree.
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreatePolicy.html#API_CreatePolicy_Errors
 */
import type { Finding, IamRejection, PolicyKind, ValidationContext } from "./types";
import { analyzePolicy, publicFindings, type Analysis } from "./validate";

export function checkPolicyForIam(text: string, kind: PolicyKind, ctx?: ValidationContext): IamRejection | null {
  return rejectionOf(analyzePolicy(text, kind, ctx));
}

/** A document's findings and IAM's verdict on it, from one analysis (what the editor shows and a save would meet). */
export interface PolicyReview {
  findings: Finding[];
  /** What IAM would answer to saving the document, or null when it would accept it. */
  iamRejection: IamRejection | null;
}

export function reviewPolicy(text: string, kind: PolicyKind, ctx?: ValidationContext): PolicyReview {
  const analysis = analyzePolicy(text, kind, ctx);
  return { findings: publicFindings(analysis), iamRejection: rejectionOf(analysis) };
}

function rejectionOf(analysis: Analysis): IamRejection | null {
  let best: { stage: number; offset: number; rejection: IamRejection } | null = null;
  for (const f of analysis.findings) {
    if (!f.iam) continue;
    const cand = { stage: f.iam.stage, offset: f.span.start.offset, rejection: f.iam.rejection };
    if (!best || cand.stage < best.stage || (cand.stage === best.stage && cand.offset < best.offset)) best = cand;
  }
  return best ? { ...best.rejection } : null;
}
