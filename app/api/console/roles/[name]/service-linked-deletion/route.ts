import { authorize, consoleRoute, json } from "@/lib/auth/console-route";
import { canMutate } from "@/lib/auth/permissions";
import { deleteServiceLinkedRole, latestServiceLinkedRoleDeletion } from "@/lib/iam/service-linked-roles";

type P = { name: string };

/** The role's latest deletion task (null when none), so a reload finds a deletion still running. */
export const GET = consoleRoute<P>(async (_req, { ctx, params }) => json(await latestServiceLinkedRoleDeletion(ctx, params.name)));

/** DeleteServiceLinkedRole: answers the task to follow. */
export const POST = consoleRoute<P>(async (_req, { session, ctx, params }) => {
  authorize(canMutate(session));
  return json({ deletionTaskId: await deleteServiceLinkedRole(ctx, params.name) }, 202);
});
