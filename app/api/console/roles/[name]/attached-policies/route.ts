import { authorize, consoleRoute, json, noContent, parseJson, parseValue } from "@/lib/auth/console-route";
import { canMutate } from "@/lib/auth/permissions";
import { attachRolePolicy, detachRolePolicy, listAttachedRolePolicies } from "@/lib/iam/roles";
import { attachPolicyBodySchema } from "../../../schemas";

type P = { name: string };

export const GET = consoleRoute<P>(async (_req, { ctx, params }) =>
  json((await listAttachedRolePolicies(ctx, params.name, { maxItems: 1000 })).items),
);

export const POST = consoleRoute<P>(async (req, { session, ctx, params }) => {
  const { PolicyArn } = await parseJson(req, attachPolicyBodySchema);
  authorize(canMutate(session));
  await attachRolePolicy(ctx, params.name, PolicyArn);
  return noContent();
});

export const DELETE = consoleRoute<P>(async (req, { session, ctx, params }) => {
  const { PolicyArn } = parseValue(attachPolicyBodySchema, { PolicyArn: req.nextUrl.searchParams.get("arn") ?? undefined });
  authorize(canMutate(session));
  await detachRolePolicy(ctx, params.name, PolicyArn);
  return noContent();
});
