import { z } from "zod";
import { checkPolicyForIam, collectPrincipalArns, validatePolicy, type Finding, type IamRejection, type ValidationContext } from "@/lib/policy";
import { loadCatalogue } from "@/lib/policy/catalogue-loader";
import { getDb } from "@/lib/db/client";
import { loadPrincipalFacts } from "@/lib/db/principals";
import type { RequestContext } from "./context";
import { LIMITS } from "./schemas";

/**
 * The editor's request for a store-aware check. The document is not held to IAM's character pattern here:
 * a bad character is a finding to show at its place, not a reason to refuse the check.
 */
export const policyValidationInputSchema = z.object({
  document: z.string().max(LIMITS.policyDocument.max),
  kind: z.enum(["trust", "identity", "boundary", "session"]),
  /** An inline policy (PutRolePolicy/PutUserPolicy): Version may be omitted and the managed quota does not apply. */
  inline: z.boolean().optional(),
});
export type PolicyValidationInput = z.infer<typeof policyValidationInputSchema>;

export interface PolicyValidationResult {
  /** Every finding, including those that need the store (principal existence in held accounts). */
  findings: Finding[];
  /** What IAM would answer to saving this document now, or null when it would accept it. */
  iamRejection: IamRejection | null;
}

/**
 * Validates a document with what the store knows, the same context `assertPolicyAccepted` gives IAM's check,
 * so the editor shows exactly the refusal a save would meet. Read-only.
 */
export async function validatePolicyInStore(ctx: RequestContext, input: PolicyValidationInput): Promise<PolicyValidationResult> {
  await loadCatalogue();
  const arns = input.kind === "trust" ? safeCollect(input.document) : [];
  const facts = await loadPrincipalFacts(getDb(), arns);
  const vctx: ValidationContext = {
    ownAccountId: ctx.accountId,
    isHeldAccount: (id) => facts.heldAccounts.has(id),
    principalExists: (arn) => facts.existingArns.has(arn),
    inlinePolicy: input.inline,
  };
  return {
    findings: validatePolicy(input.document, input.kind, vctx),
    iamRejection: checkPolicyForIam(input.document, input.kind, vctx),
  };
}

function safeCollect(document: string): string[] {
  try {
    return collectPrincipalArns(document);
  } catch {
    return [];
  }
}
