import { authorize, consoleRoute, json, noContent, parseValue } from "@/lib/auth/console-route";
import { canMutate } from "@/lib/auth/permissions";
import { readJsonBody } from "@/lib/http/json-body";
import { deleteRolePolicy, getRolePolicy, putRolePolicy } from "@/lib/iam/roles";
import { policyNameSchema } from "@/lib/iam/schemas";
import { putInlinePolicyBodySchema } from "../../../../schemas";

type P = { name: string; policyName: string };

export const GET = consoleRoute<P>(async (_req, { ctx, params }) =>
  json(await getRolePolicy(ctx, params.name, params.policyName)),
);

export const PUT = consoleRoute<P>(async (req, { session, ctx, params }) => {
  const body = (await readJsonBody(req)) as Record<string, unknown>;
  const input = parseValue(putInlinePolicyBodySchema, { ...body, PolicyName: params.policyName });
  authorize(canMutate(session));
  await putRolePolicy(ctx, params.name, input.PolicyName, input.PolicyDocument);
  return noContent();
});

export const DELETE = consoleRoute<P>(async (_req, { session, ctx, params }) => {
  const policyName = parseValue(policyNameSchema, params.policyName);
  authorize(canMutate(session));
  await deleteRolePolicy(ctx, params.name, policyName);
  return noContent();
});
