import { authorize, consoleRoute, noContent, parseJson } from "@/lib/auth/console-route";
import { canMutate } from "@/lib/auth/permissions";
import { enableMfaDevice } from "@/lib/iam/mfa-devices";
import { consecutiveCodesSchema } from "@/lib/domain/mfa-schemas";

type P = { name: string };

/** EnableMFADevice: two consecutive codes from the device assign it to this user. */
export const POST = consoleRoute<P>(async (req, { session, ctx, params }) => {
  const body = await parseJson(req, consecutiveCodesSchema);
  authorize(canMutate(session));
  await enableMfaDevice(ctx, params.name, body);
  return noContent();
});
