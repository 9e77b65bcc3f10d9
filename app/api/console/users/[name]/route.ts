import { authorize, consoleRoute, json, noContent } from "@/lib/auth/console-route";
import { canMutate } from "@/lib/auth/permissions";
import { deleteUserWithDependents, getUser } from "@/lib/iam/users";

type P = { name: string };

export const GET = consoleRoute<P>(async (_req, { ctx, params }) => json(await getUser(ctx, params.name)));

/** The console's delete removes the user's access keys and policies with it, in one transaction. */
export const DELETE = consoleRoute<P>(async (_req, { session, ctx, params }) => {
  authorize(canMutate(session));
  await deleteUserWithDependents(ctx, params.name);
  return noContent();
});
