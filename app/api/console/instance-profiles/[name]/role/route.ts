import { authorize, consoleRoute, noContent, parseJson, parseValue } from "@/lib/auth/console-route";
import { canMutate } from "@/lib/auth/permissions";
import { addRoleToInstanceProfile, removeRoleFromInstanceProfile } from "@/lib/iam/instance-profiles";
import { profileRoleBodySchema } from "../../schemas";

type P = { name: string };

/** AddRoleToInstanceProfile. */
export const PUT = consoleRoute<P>(async (req, { session, ctx, params }) => {
  const { RoleName } = await parseJson(req, profileRoleBodySchema);
  authorize(canMutate(session));
  await addRoleToInstanceProfile(ctx, params.name, RoleName);
  return noContent();
});

/** RemoveRoleFromInstanceProfile (`?roleName=`). */
export const DELETE = consoleRoute<P>(async (req, { session, ctx, params }) => {
  const { RoleName } = parseValue(profileRoleBodySchema, { RoleName: req.nextUrl.searchParams.get("roleName") ?? undefined });
  authorize(canMutate(session));
  await removeRoleFromInstanceProfile(ctx, params.name, RoleName);
  return noContent();
});
