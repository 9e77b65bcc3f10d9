import { authorize, consoleRoute, json, parseJson, parseValue } from "@/lib/auth/console-route";
import { canMutate } from "@/lib/auth/permissions";
import { createUserSchema } from "@/lib/domain/schemas";
import { createUser, listUsers } from "@/lib/iam/users";
import { listReply, pageOfList, queryOf } from "../schemas";
import { listUsersQuerySchema } from "./schemas";

export const GET = consoleRoute(async (req, { ctx }) => {
  const q = parseValue(listUsersQuerySchema, queryOf(req));
  const list = await listUsers(ctx, {
    search: q.search || undefined,
    pathPrefix: q.path,
    sort: q.sort,
    order: q.order,
    ...pageOfList(q),
  });
  return json(listReply(list, q));
});

export const POST = consoleRoute(async (req, { session, ctx }) => {
  const input = await parseJson(req, createUserSchema);
  authorize(canMutate(session));
  return json(await createUser(ctx, input), 201);
});
