import { authorize, consoleRoute, noContent, parseJson } from "@/lib/auth/console-route";
import { canMutate } from "@/lib/auth/permissions";
import { deleteAccessKey, updateAccessKey } from "@/lib/iam/access-keys";
import { accessKeyStatusBodySchema } from "../../../schemas";

type P = { name: string; keyId: string };

export const PATCH = consoleRoute<P>(async (req, { session, ctx, params }) => {
  const { Status } = await parseJson(req, accessKeyStatusBodySchema);
  authorize(canMutate(session));
  await updateAccessKey(ctx, params.name, params.keyId, Status);
  return noContent();
});

export const DELETE = consoleRoute<P>(async (_req, { session, ctx, params }) => {
  authorize(canMutate(session));
  await deleteAccessKey(ctx, params.name, params.keyId);
  return noContent();
});
