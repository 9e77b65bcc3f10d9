import { authorize, consoleRoute, noContent, parseJson } from "@/lib/auth/console-route";
import { canMutate } from "@/lib/auth/permissions";
import { deleteRolePermissionsBoundary, putRolePermissionsBoundary } from "@/lib/iam/roles";
import { boundaryBodySchema } from "../../../schemas";

type P = { name: string };

export const PUT = consoleRoute<P>(async (req, { session, ctx, params }) => {
  const { PermissionsBoundary } = await parseJson(req, boundaryBodySchema);
  authorize(canMutate(session));
  await putRolePermissionsBoundary(ctx, params.name, PermissionsBoundary);
  return noContent();
});

export const DELETE = consoleRoute<P>(async (_req, { session, ctx, params }) => {
  authorize(canMutate(session));
  await deleteRolePermissionsBoundary(ctx, params.name);
  return noContent();
});
