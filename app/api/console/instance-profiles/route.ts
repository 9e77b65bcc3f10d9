import { authorize, consoleRoute, json, parseJson, parseValue } from "@/lib/auth/console-route";
import { canMutate } from "@/lib/auth/permissions";
import { createInstanceProfile, listInstanceProfiles } from "@/lib/iam/instance-profiles";
import { listReply, pageOfList, queryOf } from "../schemas";
import { createInstanceProfileBodySchema, listInstanceProfilesQuerySchema } from "./schemas";

export const GET = consoleRoute(async (req, { ctx }) => {
  const q = parseValue(listInstanceProfilesQuerySchema, queryOf(req));
  const list = await listInstanceProfiles(ctx, { search: q.search || undefined, pathPrefix: q.path, sort: q.sort, order: q.order, ...pageOfList(q) });
  return json(listReply(list, q));
});

/** CreateInstanceProfile, and with RoleName the role in it, in one change. */
export const POST = consoleRoute(async (req, { session, ctx }) => {
  const input = await parseJson(req, createInstanceProfileBodySchema);
  authorize(canMutate(session));
  return json(await createInstanceProfile(ctx, input), 201);
});
