import { authorize, consoleRoute, json, parseJson } from "@/lib/auth/console-route";
import { canMutate } from "@/lib/auth/permissions";
import { mintDemoTokenSchema } from "@/lib/domain/identity-provider-schemas";
import { mintDemoWebIdentityToken } from "@/lib/iam/demo-identity-providers";

/** Mints a token from the demo OIDC provider: admins only, as a token is as good as the roles it may assume. */
export const POST = consoleRoute(async (req, { session, ctx }) => {
  const input = await parseJson(req, mintDemoTokenSchema);
  authorize(canMutate(session));
  return json(await mintDemoWebIdentityToken(ctx, input), 201);
});
