import { authorize, consoleRoute, json, noContent, parseJson } from "@/lib/auth/console-route";
import { canMutate } from "@/lib/auth/permissions";
import { deleteGroup, deleteGroupWithDependents, findGroupNamed, updateGroup } from "@/lib/iam/groups";
import { updateGroupBodySchema } from "../schemas";

type P = { name: string };

export const GET = consoleRoute<P>(async (_req, { ctx, params }) => json(await findGroupNamed(ctx, params.name)));

/** UpdateGroup: a new name and/or path. */
export const PATCH = consoleRoute<P>(async (req, { session, ctx, params }) => {
  const body = await parseJson(req, updateGroupBodySchema);
  authorize(canMutate(session));
  return json(await updateGroup(ctx, { ...body, GroupName: params.name }));
});

/** `?withDependents=true` is the console's "remove members and policies too"; without it, AWS's DeleteConflict stands. */
export const DELETE = consoleRoute<P>(async (req, { session, ctx, params }) => {
  const withDependents = req.nextUrl.searchParams.get("withDependents") === "true";
  authorize(canMutate(session));
  await (withDependents ? deleteGroupWithDependents(ctx, params.name) : deleteGroup(ctx, params.name));
  return noContent();
});
