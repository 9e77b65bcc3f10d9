import { authorize, consoleRoute, json, noContent, parseJson } from "@/lib/auth/console-route";
import { canMutate } from "@/lib/auth/permissions";
import { LIMITS } from "@/lib/domain/schemas";
import { addUserToGroups, listGroupsForUser } from "@/lib/iam/groups";
import { addToGroupsBodySchema } from "../../../groups/schemas";

type P = { name: string };

/** The user's groups (ListGroupsForUser); a user is in at most GroupsPerUser of them, so one page holds all. */
export const GET = consoleRoute<P>(async (_req, { ctx, params }) => json((await listGroupsForUser(ctx, params.name, { maxItems: LIMITS.groupsPerUser })).items));

/** Adds the user to the groups in one change: a refusal of any adds it to none. */
export const POST = consoleRoute<P>(async (req, { session, ctx, params }) => {
  const { GroupNames } = await parseJson(req, addToGroupsBodySchema);
  authorize(canMutate(session));
  await addUserToGroups(ctx, params.name, GroupNames);
  return noContent();
});
