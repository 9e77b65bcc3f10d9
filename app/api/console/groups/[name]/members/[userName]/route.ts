import { authorize, consoleRoute, noContent, parseValue } from "@/lib/auth/console-route";
import { canMutate } from "@/lib/auth/permissions";
import { existingUserNameSchema } from "@/lib/domain/schemas";
import { removeUserFromGroup } from "@/lib/iam/groups";

/** RemoveUserFromGroup, from the group's members tab and from the user's groups tab alike. */
export const DELETE = consoleRoute<{ name: string; userName: string }>(async (_req, { session, ctx, params }) => {
  const userName = parseValue(existingUserNameSchema, params.userName);
  authorize(canMutate(session));
  await removeUserFromGroup(ctx, params.name, userName);
  return noContent();
});
