import { authorize, consoleRoute, json, parseJson } from "@/lib/auth/console-route";
import { canMutate } from "@/lib/auth/permissions";
import { updateAssumeRolePolicy } from "@/lib/iam/roles";
import { trustPolicyBodySchema } from "../../../schemas";

export const PUT = consoleRoute<{ name: string }>(async (req, { session, ctx, params }) => {
  const input = await parseJson(req, trustPolicyBodySchema);
  authorize(canMutate(session));
  return json(await updateAssumeRolePolicy(ctx, params.name, input.PolicyDocument, input.ExpectedVersion));
});
