import { authorize, consoleRoute, json, parseJson } from "@/lib/auth/console-route";
import { canMutate } from "@/lib/auth/permissions";
import { createSamlProviderSchema } from "@/lib/domain/identity-provider-schemas";
import { createSamlProvider } from "@/lib/iam/saml-providers";

export const POST = consoleRoute(async (req, { session, ctx }) => {
  const input = await parseJson(req, createSamlProviderSchema);
  authorize(canMutate(session));
  return json(await createSamlProvider(ctx, input), 201);
});
