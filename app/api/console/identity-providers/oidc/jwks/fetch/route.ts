import { authorize, consoleRoute, noContent, parseJson } from "@/lib/auth/console-route";
import { canMutate } from "@/lib/auth/permissions";
import { fetchOidcJwks } from "@/lib/iam/oidc-providers";
import { oidcArnBodySchema } from "../../../schemas";

/** Roleplane's own: fetches the keys from the issuer's discovery document, where a network allows. */
export const POST = consoleRoute(async (req, { session, ctx }) => {
  const input = await parseJson(req, oidcArnBodySchema);
  authorize(canMutate(session));
  await fetchOidcJwks(ctx, input.OpenIDConnectProviderArn);
  return noContent();
});
