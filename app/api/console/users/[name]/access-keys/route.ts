import { authorize, consoleRoute, json } from "@/lib/auth/console-route";
import { canMutate } from "@/lib/auth/permissions";
import { createAccessKey, listAccessKeys } from "@/lib/iam/access-keys";

type P = { name: string };

export const GET = consoleRoute<P>(async (_req, { ctx, params }) => json(await listAccessKeys(ctx, params.name)));

/** The only response that carries the secret; it is not stored in any cache (no-store) and never logged. */
export const POST = consoleRoute<P>(async (_req, { session, ctx, params }) => {
  authorize(canMutate(session));
  const res = json(await createAccessKey(ctx, params.name), 201);
  res.headers.set("cache-control", "no-store");
  return res;
});
