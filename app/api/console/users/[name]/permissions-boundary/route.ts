import { authorize, consoleRoute, noContent, parseJson } from "@/lib/auth/console-route";
import { canMutate } from "@/lib/auth/permissions";
import { deleteUserPermissionsBoundary, putUserPermissionsBoundary } from "@/lib/iam/users";
import { boundaryBodySchema } from "../../../schemas";

type P = { name: string };

export const PUT = consoleRoute<P>(async (req, { session, ctx, params }) => {
  const { PermissionsBoundary } = await parseJson(req, boundaryBodySchema);
  authorize(canMutate(session));
  await putUserPermissionsBoundary(ctx, params.name, PermissionsBoundary);
  return noContent();
});

export const DELETE = consoleRoute<P>(async (_req, { session, ctx, params }) => {
  authorize(canMutate(session));
  await deleteUserPermissionsBoundary(ctx, params.name);
  return noContent();
});
