import { authorize, consoleRoute, json, parseJson, parseValue } from "@/lib/auth/console-route";
import { canMutate } from "@/lib/auth/permissions";
import { createRoleSchema } from "@/lib/iam/schemas";
import { createRole, listRoles } from "@/lib/iam/roles";
import { encodeMarker } from "@/lib/db/pagination";
import { listRolesQuerySchema, queryOf } from "../schemas";

export const GET = consoleRoute(async (req, { ctx }) => {
  const q = parseValue(listRolesQuerySchema, queryOf(req));
  const page = await listRoles(ctx, {
    search: q.search || undefined,
    pathPrefix: q.path,
    sort: q.sort,
    order: q.order,
    marker: q.page > 1 ? encodeMarker((q.page - 1) * q.pageSize) : undefined,
    maxItems: q.pageSize,
  });
  return json({ items: page.items, total: page.total, page: q.page, pageSize: q.pageSize });
});

export const POST = consoleRoute(async (req, { session, ctx }) => {
  const input = await parseJson(req, createRoleSchema);
  authorize(canMutate(session));
  return json(await createRole(ctx, input), 201);
});
