import { z } from "zod";
import { authorize, consoleRoute, json, parseJson, parseValue } from "@/lib/auth/console-route";
import { canMutate } from "@/lib/auth/permissions";
import { createRoleWithPermissionsSchema } from "@/lib/domain/schemas";
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

/** The console's create role: with `CreateInstanceProfile`, also the instance profile of the same name (EC2). */
const createRoleBodySchema = createRoleWithPermissionsSchema.extend({ CreateInstanceProfile: z.boolean().optional() });

export const POST = consoleRoute(async (req, { session, ctx }) => {
  const { CreateInstanceProfile, ...input } = await parseJson(req, createRoleBodySchema);
  authorize(canMutate(session));
  return json(await (CreateInstanceProfile ? createRoleWithInstanceProfile(ctx, input) : createRole(ctx, input)), 201);
});
