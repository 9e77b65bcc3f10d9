import { authorize, consoleRoute, noContent, parseJson } from "@/lib/auth/console-route";
import { canMutate } from "@/lib/auth/permissions";
import { setOidcJwks } from "@/lib/iam/oidc-providers";
import { jwksBodySchema } from "../../schemas";

/** Roleplane's own: the keys the provider's tokens are verified with. */
export const PUT = consoleRoute(async (req, { session, ctx }) => {
  const input = await parseJson(req, jwksBodySchema);
  authorize(canMutate(session));
  await setOidcJwks(ctx, input.OpenIDConnectProviderArn, input.Jwks);
  return noContent();
});
