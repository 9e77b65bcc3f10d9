import { authorize, consoleRoute, json } from "@/lib/auth/console-route";
import { canMutate } from "@/lib/auth/permissions";
import { registerDemoOidcProvider } from "@/lib/iam/demo-identity-providers";

/** Registers Roleplane's demo OIDC provider in the current account. */
export const POST = consoleRoute(async (_req, { session, ctx }) => {
  authorize(canMutate(session));
  return json(await registerDemoOidcProvider(ctx), 201);
});
