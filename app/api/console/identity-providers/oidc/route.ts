import { authorize, consoleRoute, json, parseJson } from "@/lib/auth/console-route";
import { canMutate } from "@/lib/auth/permissions";
import { createOidcProviderSchema } from "@/lib/domain/identity-provider-schemas";
import { createOidcProvider } from "@/lib/iam/oidc-providers";

export const POST = consoleRoute(async (req, { session, ctx }) => {
  const input = await parseJson(req, createOidcProviderSchema);
  authorize(canMutate(session));
  return json(await createOidcProvider(ctx, input), 201);
});
