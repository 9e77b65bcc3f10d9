import { authorize, consoleRoute, json, parseJson, parseValue } from "@/lib/auth/console-route";
import { canMutate } from "@/lib/auth/permissions";
import { createPolicySchema } from "@/lib/domain/schemas";
import { createPolicy, listPolicies } from "@/lib/iam/policies";
import { listPoliciesQuerySchema, listReply, pageOfList, queryOf } from "../schemas";

export const GET = consoleRoute(async (req, { ctx }) => {
  const q = parseValue(listPoliciesQuerySchema, queryOf(req));
  const list = await listPolicies(ctx, {
    scope: q.scope,
    search: q.search || undefined,
    sort: q.sort,
    order: q.order,
    ...pageOfList(q),
  });
  return json(listReply(list, q));
});

export const POST = consoleRoute(async (req, { session, ctx }) => {
  const input = await parseJson(req, createPolicySchema);
  authorize(canMutate(session));
  return json(await createPolicy(ctx, input), 201);
});
