import { authorize, consoleRoute, json, parseJson, parseValue } from "@/lib/auth/console-route";
import { canMutate } from "@/lib/auth/permissions";
import { createGroupSchema } from "@/lib/domain/schemas";
import { createGroup, listGroups } from "@/lib/iam/groups";
import { listReply, pageOfList, queryOf } from "../schemas";
import { listGroupsQuerySchema } from "./schemas";

export const GET = consoleRoute(async (req, { ctx }) => {
  const q = parseValue(listGroupsQuerySchema, queryOf(req));
  const list = await listGroups(ctx, { search: q.search || undefined, pathPrefix: q.path, sort: q.sort, order: q.order, ...pageOfList(q) });
  return json(listReply(list, q));
});

export const POST = consoleRoute(async (req, { session, ctx }) => {
  const input = await parseJson(req, createGroupSchema);
  authorize(canMutate(session));
  return json(await createGroup(ctx, input), 201);
});
