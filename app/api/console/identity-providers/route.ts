import { consoleRoute, json } from "@/lib/auth/console-route";
import { getDemoProviders } from "@/lib/iam/demo-identity-providers";
import { listIdentityProviders } from "@/lib/iam/identity-providers";

/** Both kinds of provider in the account, and which demo providers are registered. */
export const GET = consoleRoute(async (_req, { ctx }) => {
  const [items, demo] = await Promise.all([listIdentityProviders(ctx), getDemoProviders(ctx)]);
  return json({ items, demo: { oidcArn: demo.oidc?.arn ?? null, samlArn: demo.saml?.arn ?? null } });
});
