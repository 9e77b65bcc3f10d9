import { consoleRoute, json, parseJson } from "@/lib/auth/console-route";
import { policyValidationInputSchema } from "@/lib/domain/schemas";
import { validatePolicyInStore } from "@/lib/iam/policy-documents";

/** Read-only: any console user may check a document (viewers review policies too). */
export const POST = consoleRoute(async (req, { ctx }) => {
  const input = await parseJson(req, policyValidationInputSchema);
  return json(await validatePolicyInStore(ctx, input));
});
