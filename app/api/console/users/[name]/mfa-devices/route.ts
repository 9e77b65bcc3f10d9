import { authorize, consoleRoute, json, noContent, parseJson, parseValue } from "@/lib/auth/console-route";
import { canMutate } from "@/lib/auth/permissions";
import { createVirtualMfaDevice, listMfaDevices, removeUserMfaDevice } from "@/lib/iam/mfa-devices";
import { assignMfaDeviceSchema } from "@/lib/domain/mfa-schemas";
import { queryOf } from "../../../schemas";
import { mfaDeviceQuerySchema } from "../../schemas";

type P = { name: string };

export const GET = consoleRoute<P>(async (_req, { ctx, params }) => json((await listMfaDevices(ctx, params.name)).items));

/** The only response that carries the seed and QR code; it is not stored in any cache (no-store) and never logged. */
export const POST = consoleRoute<P>(async (req, { session, ctx, params }) => {
  const body = await parseJson(req, assignMfaDeviceSchema);
  authorize(canMutate(session));
  const res = json(await createVirtualMfaDevice(ctx, body, { forUser: params.name }), 201);
  res.headers.set("cache-control", "no-store");
  return res;
});

/** "Remove": deactivates the device if it is enabled for this user and deletes it, in one change. */
export const DELETE = consoleRoute<P>(async (req, { session, ctx, params }) => {
  const { serialNumber } = parseValue(mfaDeviceQuerySchema, queryOf(req));
  authorize(canMutate(session));
  await removeUserMfaDevice(ctx, params.name, serialNumber);
  return noContent();
});
