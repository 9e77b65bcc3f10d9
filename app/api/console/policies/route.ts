import { authorize, consoleRoute, json, parseJson, parseValue } from "@/lib/auth/console-route";
import { canMutate } from "@/lib/auth/permissions";
import { createPolicySchema } from "@/lib/iam/schemas";
import { createPolicy, listPolicies } from "@/lib/iam/policies";
import { encodeMarker } from "@/lib/db/pagination";
import { listPoliciesQuerySchema, queryOf } from "../schemas";

export const GET = consoleRoute(async (req, { ctx }) => {
  const q = parseValue(listPoliciesQuerySchema, queryOf(req));
  const page = await listPolicies(ctx, {
    scope: q.scope,
    search: q.search || undefined,
    sort: q.sort,
    order: q.order,
    marker: q.page > 1 ? encodeMarker((q.page - 1) * q.pageSize) : undefined,
    maxItems: q.pageSize,
  });
  return json({ items: page.items, total: page.total, page: q.page, pageSize: q.pageSize });
});

export const POST = consoleRoute(async (req, { session, ctx }) => {
  const input = await parseJson(req, createPolicySchema);
  authorize(canMutate(session));
  return json(await createPolicy(ctx, input), 201);
});
