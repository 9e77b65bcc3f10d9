import { authorize, consoleRoute, json, parseJson } from "@/lib/auth/console-route";
import { canMutate } from "@/lib/auth/permissions";
import { updateSamlProvider } from "@/lib/iam/saml-providers";
import { metadataBodySchema } from "../../schemas";

/** UpdateSAMLProvider with new metadata. */
export const PUT = consoleRoute(async (req, { session, ctx }) => {
  const input = await parseJson(req, metadataBodySchema);
  authorize(canMutate(session));
  return json(await updateSamlProvider(ctx, input));
});
