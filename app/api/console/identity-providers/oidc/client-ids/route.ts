import { authorize, consoleRoute, noContent, parseJson } from "@/lib/auth/console-route";
import { canMutate } from "@/lib/auth/permissions";
import { addClientId, removeClientId } from "@/lib/iam/oidc-providers";
import { clientIdBodySchema } from "../../schemas";

export const POST = consoleRoute(async (req, { session, ctx }) => {
  const input = await parseJson(req, clientIdBodySchema);
  authorize(canMutate(session));
  await addClientId(ctx, input.OpenIDConnectProviderArn, input.ClientID);
  return noContent();
});

export const DELETE = consoleRoute(async (req, { session, ctx }) => {
  const input = await parseJson(req, clientIdBodySchema);
  authorize(canMutate(session));
  await removeClientId(ctx, input.OpenIDConnectProviderArn, input.ClientID);
  return noContent();
});
