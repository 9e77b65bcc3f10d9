import { checkPolicyForIam, collectPrincipalArns, type PolicyKind } from "@/lib/policy";
import { loadPrincipalFacts } from "@/lib/db/principals";
import type { Tx } from "@/lib/db/client";
import { AwsError } from "./errors";

/**
 * Refuses a policy document exactly as IAM would (MalformedPolicyDocument / LimitExceeded with IAM's words).
 * IAM's refusals don't depend on the action catalogue (only Access Analyzer-style findings do), so no
 * catalogue load is needed here, nor inside the change's transaction.
 * The rules live in lib/policy; this only supplies what the store knows (held accounts, existing principals),
 * because IAM resolves named users and roles when a trust policy is saved.
 */
export async function assertPolicyAccepted(
  tx: Tx,
  document: string,
  kind: PolicyKind,
  accountId: string,
  options: { inline?: boolean } = {},
) {
  const arns = kind === "trust" ? safeCollect(document) : [];
  const facts = await loadPrincipalFacts(tx, arns);
  const rejection = checkPolicyForIam(document, kind, {
    ownAccountId: accountId,
    isHeldAccount: (id) => facts.heldAccounts.has(id),
    principalExists: (arn) => facts.existingArns.has(arn),
    inlinePolicy: options.inline,
  });
  if (rejection) throw new AwsError(rejection.code, rejection.message);
}

function safeCollect(document: string): string[] {
  try {
    return collectPrincipalArns(document);
  } catch {
    return [];
  }
}
