import { authorize, consoleRoute, json, noContent, parseJson, parseValue } from "@/lib/auth/console-route";
import { canMutate } from "@/lib/auth/permissions";
import { addUsersToGroup, getGroup } from "@/lib/iam/groups";
import { pageOfList, queryOf } from "../../../schemas";
import { addMembersBodySchema, listMembersQuerySchema } from "../../schemas";

type P = { name: string };

/** One page of the group's users (GetGroup), with the group's member count. */
export const GET = consoleRoute<P>(async (req, { ctx, params }) => {
  const q = parseValue(listMembersQuerySchema, queryOf(req));
  const { users, memberCount } = await getGroup(ctx, params.name, pageOfList(q));
  return json({ items: users.items, total: memberCount, page: q.page, pageSize: q.pageSize });
});

/** Adds the users in one change: a refusal of any adds none. */
export const POST = consoleRoute<P>(async (req, { session, ctx, params }) => {
  const { UserNames } = await parseJson(req, addMembersBodySchema);
  authorize(canMutate(session));
  await addUsersToGroup(ctx, params.name, UserNames);
  return noContent();
});
