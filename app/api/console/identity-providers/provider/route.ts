import { authorize, consoleRoute, json, noContent, parseValue } from "@/lib/auth/console-route";
import { canMutate } from "@/lib/auth/permissions";
import { deleteIdentityProvider, describeIdentityProvider } from "@/lib/iam/identity-providers";
import { queryOf } from "../../schemas";
import { providerQuerySchema } from "../schemas";

/** One provider of either kind, named by `?arn=`: its settings, keys or certificates, and the roles naming it. */
export const GET = consoleRoute(async (req, { ctx }) => json(await describeIdentityProvider(ctx, parseValue(providerQuerySchema, queryOf(req)).arn)));

export const DELETE = consoleRoute(async (req, { session, ctx }) => {
  const { arn } = parseValue(providerQuerySchema, queryOf(req));
  authorize(canMutate(session));
  await deleteIdentityProvider(ctx, arn);
  return noContent();
});
