import { authorize, consoleRoute, json, parseJson, parseValue } from "@/lib/auth/console-route";
import { canMutate } from "@/lib/auth/permissions";
import { consoleCreateRoleSchema } from "@/lib/domain/schemas";
import { createRoleWithInstanceProfile } from "@/lib/iam/instance-profiles";
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

/** The wizard's Create role: the role with its policies, boundary, tags and (EC2) instance profile, in one transaction. */
export const POST = consoleRoute(async (req, { session, ctx }) => {
  const { CreateInstanceProfile, ...input } = await parseJson(req, consoleCreateRoleSchema);
  authorize(canMutate(session));
  return json(await (CreateInstanceProfile ? createRoleWithInstanceProfile(ctx, input) : createRole(ctx, input)), 201);
});
