import { authorize, consoleRoute, noContent, parseJson } from "@/lib/auth/console-route";
import { canMutate } from "@/lib/auth/permissions";
import { updateThumbprints } from "@/lib/iam/oidc-providers";
import { thumbprintsBodySchema } from "../../schemas";

export const PUT = consoleRoute(async (req, { session, ctx }) => {
  const input = await parseJson(req, thumbprintsBodySchema);
  authorize(canMutate(session));
  await updateThumbprints(ctx, input.OpenIDConnectProviderArn, input.ThumbprintList);
  return noContent();
});
