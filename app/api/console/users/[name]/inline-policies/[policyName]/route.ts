import { authorize, consoleRoute, json, noContent, parseValue } from "@/lib/auth/console-route";
import { canMutate } from "@/lib/auth/permissions";
import { readJsonBody } from "@/lib/http/json-body";
import { deleteUserPolicy, getUserPolicy, putUserPolicy } from "@/lib/iam/users";
import { policyNameSchema } from "@/lib/iam/schemas";
import { putInlinePolicyBodySchema } from "../../../../schemas";

type P = { name: string; policyName: string };

export const GET = consoleRoute<P>(async (_req, { ctx, params }) =>
  json(await getUserPolicy(ctx, params.name, params.policyName)),
);

export const PUT = consoleRoute<P>(async (req, { session, ctx, params }) => {
  const body = (await readJsonBody(req)) as Record<string, unknown>;
  const input = parseValue(putInlinePolicyBodySchema, { ...body, PolicyName: params.policyName });
  authorize(canMutate(session));
  await putUserPolicy(ctx, params.name, input.PolicyName, input.PolicyDocument);
  return noContent();
});

export const DELETE = consoleRoute<P>(async (_req, { session, ctx, params }) => {
  const policyName = parseValue(policyNameSchema, params.policyName);
  authorize(canMutate(session));
  await deleteUserPolicy(ctx, params.name, policyName);
  return noContent();
});
