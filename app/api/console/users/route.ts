import { authorize, consoleRoute, json, parseJson, parseValue } from "@/lib/auth/console-route";
import { canMutate } from "@/lib/auth/permissions";
import { createUserSchema } from "@/lib/iam/schemas";
import { createUser, listUsers } from "@/lib/iam/users";
import { encodeMarker } from "@/lib/db/pagination";
import { queryOf } from "../schemas";
import { listUsersQuerySchema } from "./schemas";

export const GET = consoleRoute(async (req, { ctx }) => {
  const q = parseValue(listUsersQuerySchema, queryOf(req));
  const page = await listUsers(ctx, {
    search: q.search || undefined,
    pathPrefix: q.path,
    sort: q.sort,
    order: q.order,
    marker: q.page > 1 ? encodeMarker((q.page - 1) * q.pageSize) : undefined,
    maxItems: q.pageSize,
  });
  return json({ items: page.items, total: page.total, page: q.page, pageSize: q.pageSize });
});

export const POST = consoleRoute(async (req, { session, ctx }) => {
  const input = await parseJson(req, createUserSchema);
  authorize(canMutate(session));
  return json(await createUser(ctx, input), 201);
});
