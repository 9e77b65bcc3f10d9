import { authorize, consoleRoute, noContent, parseJson } from "@/lib/auth/console-route";
import { canMutate } from "@/lib/auth/permissions";
import { setIdentityProviderTags } from "@/lib/iam/identity-providers";
import { providerTagsBodySchema } from "../../schemas";

export const PUT = consoleRoute(async (req, { session, ctx }) => {
  const input = await parseJson(req, providerTagsBodySchema);
  authorize(canMutate(session));
  await setIdentityProviderTags(ctx, input.Arn, input.Tags);
  return noContent();
});
