import { authorize, consoleRoute, json, noContent, parseJson, parseValue } from "@/lib/auth/console-route";
import { canMutate } from "@/lib/auth/permissions";
import { attachUserPolicy, detachUserPolicy, listAttachedUserPolicies } from "@/lib/iam/users";
import { attachPolicyBodySchema } from "../../../schemas";

type P = { name: string };

export const GET = consoleRoute<P>(async (_req, { ctx, params }) =>
  json((await listAttachedUserPolicies(ctx, params.name, { maxItems: 1000 })).items),
);

export const POST = consoleRoute<P>(async (req, { session, ctx, params }) => {
  const { PolicyArn } = await parseJson(req, attachPolicyBodySchema);
  authorize(canMutate(session));
  await attachUserPolicy(ctx, params.name, PolicyArn);
  return noContent();
});

export const DELETE = consoleRoute<P>(async (req, { session, ctx, params }) => {
  const { PolicyArn } = parseValue(attachPolicyBodySchema, { PolicyArn: req.nextUrl.searchParams.get("arn") ?? undefined });
  authorize(canMutate(session));
  await detachUserPolicy(ctx, params.name, PolicyArn);
  return noContent();
});
