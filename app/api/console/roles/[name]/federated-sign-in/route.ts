import { authorize, consoleRoute, json, parseJson } from "@/lib/auth/console-route";
import { canMutate } from "@/lib/auth/permissions";
import { federatedSignInSchema } from "@/lib/domain/sts-schemas";
import { getRole } from "@/lib/iam/roles";
import { federatedSignIn } from "@/lib/sts/federated-sign-in";

/**
 * The console's sign-in to a role with a web identity token or a SAML assertion: the same AssumeRoleWithWebIdentity
 * / AssumeRoleWithSAML the API answers, with a refusal explained. Admins only: it issues credentials.
 */
export const POST = consoleRoute<{ name: string }>(async (req, { session, ctx, params }) => {
  const input = await parseJson(req, federatedSignInSchema);
  authorize(canMutate(session));
  const role = await getRole(ctx, params.name);
  return json(await federatedSignIn(ctx, role.arn, input));
});
