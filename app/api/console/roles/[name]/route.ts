import { authorize, consoleRoute, json, noContent, parseJson, parseValue } from "@/lib/auth/console-route";
import { canMutate } from "@/lib/auth/permissions";
import { updateRoleSchema } from "@/lib/domain/schemas";
import { deleteRole, deleteRoleAnyway, getRole, updateRole } from "@/lib/iam/roles";

type P = { name: string };

export const GET = consoleRoute<P>(async (_req, { ctx, params }) => json(await getRole(ctx, params.name)));

export const PATCH = consoleRoute<P>(async (req, { session, ctx, params }) => {
  const body = await parseJson(req, updateRoleSchema.omit({ RoleName: true }));
  const input = parseValue(updateRoleSchema, { ...body, RoleName: params.name });
  authorize(canMutate(session));
  return json(await updateRole(ctx, input));
});

/**
 * `?withPolicies=true` is the console's "delete anyway" (the role's policies go too, and it leaves its instance
 * profiles); without it, AWS's DeleteConflict stands.
 */
export const DELETE = consoleRoute<P>(async (req, { session, ctx, params }) => {
  const withPolicies = req.nextUrl.searchParams.get("withPolicies") === "true";
  authorize(canMutate(session));
  await (withPolicies ? deleteRoleAnyway(ctx, params.name) : deleteRole(ctx, params.name));
  return noContent();
});
