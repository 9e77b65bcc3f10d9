import { checkPolicyForIam, collectPrincipalArns, reviewPolicy, type PolicyKind, type PolicyReview, type ValidationContext } from "@/lib/policy";
import { loadCatalogue } from "@/lib/policy/catalogue-loader";
import { getDb, type Tx } from "@/lib/db/client";
import { loadPrincipalFacts } from "@/lib/db/principals";
import { AwsError } from "@/lib/domain/errors";
import type { PolicyValidationInput } from "@/lib/domain/schemas";
import type { RequestContext } from "./context";

/**
 * The policy core's rules need what only the store knows: which accounts Roleplane holds and which of the
 * principals a trust policy names exist, because IAM resolves named users and roles when a trust policy is
 * saved. This is the one place that context is built, for refusing a save and for the editor's check alike.
 */
async function storeContext(tx: Tx, document: string, kind: PolicyKind, accountId: string, inline?: boolean): Promise<ValidationContext> {
  const facts = await loadPrincipalFacts(tx, kind === "trust" ? principalArnsIn(document) : []);
  return {
    ownAccountId: accountId,
    isHeldAccount: (id) => facts.heldAccounts.has(id),
    principalExists: (arn) => facts.existingArns.has(arn),
    inlinePolicy: inline,
  };
}

function principalArnsIn(document: string): string[] {
  try {
    return collectPrincipalArns(document);
  } catch {
    return [];
  }
}

/**
 * Refuses a policy document exactly as IAM would (MalformedPolicyDocument / LimitExceeded with IAM's words).
 * IAM's refusals don't depend on the action catalogue (only Access Analyzer-style findings do), so no
 * catalogue load is needed here, nor inside the change's transaction.
 */
export async function assertPolicyAccepted(tx: Tx, document: string, kind: PolicyKind, accountId: string, options: { inline?: boolean } = {}) {
  const rejection = checkPolicyForIam(document, kind, await storeContext(tx, document, kind, accountId, options.inline));
  if (rejection) throw new AwsError(rejection.code, rejection.message);
}

/** The editor's check: every finding and the refusal a save would meet now, from one analysis. Read-only. */
export async function validatePolicyInStore(ctx: RequestContext, input: PolicyValidationInput): Promise<PolicyReview> {
  await loadCatalogue();
  const vctx = await storeContext(getDb(), input.document, input.kind, ctx.accountId, input.inline);
  return reviewPolicy(input.document, input.kind, vctx);
}
