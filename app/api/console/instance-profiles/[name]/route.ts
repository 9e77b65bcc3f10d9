import { authorize, consoleRoute, json, noContent } from "@/lib/auth/console-route";
import { canMutate } from "@/lib/auth/permissions";
import { deleteInstanceProfile, getInstanceProfile } from "@/lib/iam/instance-profiles";

type P = { name: string };

export const GET = consoleRoute<P>(async (_req, { ctx, params }) => json(await getInstanceProfile(ctx, params.name)));

/** `?removeRole=true` is the console's "delete anyway": the role leaves the profile in the same change. */
export const DELETE = consoleRoute<P>(async (req, { session, ctx, params }) => {
  const removeRole = req.nextUrl.searchParams.get("removeRole") === "true";
  authorize(canMutate(session));
  await deleteInstanceProfile(ctx, params.name, { removeRole });
  return noContent();
});
