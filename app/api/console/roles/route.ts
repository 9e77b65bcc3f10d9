import { authorize, consoleRoute, json, parseJson, parseValue } from "@/lib/auth/console-route";
import { canMutate } from "@/lib/auth/permissions";
import { createRoleWithPermissionsSchema } from "@/lib/domain/schemas";
import { createRole, listRoles } from "@/lib/iam/roles";
import { listRolesQuerySchema, listReply, pageOfList, queryOf } from "../schemas";

export const GET = consoleRoute(async (req, { ctx }) => {
  const q = parseValue(listRolesQuerySchema, queryOf(req));
  const list = await listRoles(ctx, {
    search: q.search || undefined,
    pathPrefix: q.path,
    sort: q.sort,
    order: q.order,
    ...pageOfList(q),
  });
  return json(listReply(list, q));
});

export const POST = consoleRoute(async (req, { session, ctx }) => {
  const input = await parseJson(req, createRoleWithPermissionsSchema);
  authorize(canMutate(session));
  return json(await createRole(ctx, input), 201);
});
