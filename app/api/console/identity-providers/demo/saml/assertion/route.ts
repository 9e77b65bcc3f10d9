import { authorize, consoleRoute, json, parseJson } from "@/lib/auth/console-route";
import { canMutate } from "@/lib/auth/permissions";
import { mintDemoAssertionSchema } from "@/lib/domain/identity-provider-schemas";
import { mintDemoSamlAssertion } from "@/lib/iam/demo-identity-providers";

/** Mints a signed SAML response from the demo SAML provider: admins only. */
export const POST = consoleRoute(async (req, { session, ctx }) => {
  const input = await parseJson(req, mintDemoAssertionSchema);
  authorize(canMutate(session));
  return json(await mintDemoSamlAssertion(ctx, input), 201);
});
