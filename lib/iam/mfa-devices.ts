import QRCode from "qrcode";
import { getDb, type Tx } from "@/lib/db/client";
import * as repo from "@/lib/db/mfa-devices";
import { pageWindow } from "@/lib/domain/paging";
import { openSecret, sealSecret } from "@/lib/crypto/secrets";
import { auditedChange } from "./audit";
import type { RequestContext } from "./context";
import { AwsError } from "@/lib/domain/errors";
import type { AssignmentStatus, ConsecutiveCodesInput, CreateVirtualMfaDeviceInput } from "@/lib/domain/mfa-schemas";
import type { NewVirtualMfaDevice } from "@/lib/domain/mfa-types";
import { slicePage } from "@/lib/domain/paging";
import { LIMITS, type Tag } from "@/lib/domain/schemas";
import { assertUniqueTagKeys, mergeTags, removeTags } from "./tags";
import { checkConsecutiveCodes, newTotpSeed, provisioningUri, type TotpState } from "./totp";
import { requireUser, userTarget } from "./users";

/**
 * Virtual MFA devices: CreateVirtualMFADevice makes one in the account (its seed returned once), EnableMFADevice
 * assigns it to a user with two consecutive codes, DeactivateMFADevice takes it back, DeleteVirtualMFADevice
 * removes it once unassigned. The seed is sealed at rest and never returned again.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable_cliapi.html
 */

/** A virtual device's serial number is its ARN, path included. */
const virtualMfaSerialNumber = (accountId: string, path: string, name: string) => `arn:aws:iam::${accountId}:mfa${path}${name}`;

const noSuchMfaDevice = (serialNumber: string) =>
  new AwsError("NoSuchEntity", `VirtualMFADevice with serial number ${serialNumber} does not exist.`);
const notTheUsersDevice = () => new AwsError("NoSuchEntity", "MFA Device invalid for user.");
const invalidAuthenticationCode = () => new AwsError("InvalidAuthenticationCode", "Authentication code for device is not valid.");
const perUserQuotaExceeded = () => new AwsError("LimitExceeded", "Cannot exceed quota limit for MFADevicesPerUser.");

async function assertRoomForDevice(tx: Tx, userId: string) {
  if ((await repo.countUserMfaDevices(tx, userId)) >= LIMITS.mfaDevicesPerUser) throw perUserQuotaExceeded();
}

async function requireMfaDevice(tx: Tx, accountId: string, serialNumber: string) {
  const device = await repo.findMfaDevice(tx, accountId, serialNumber);
  if (!device) throw noSuchMfaDevice(serialNumber);
  return device;
}

const totpState = (d: repo.StoredMfaDevice): TotpState => ({ seed: openSecret(d.seedEncrypted), lastUsedStep: d.lastUsedStep, driftSteps: d.driftSteps });

/**
 * `forUser` is the console's "Assign MFA device": the user must exist and have room for another device, checked
 * before a device is made that could not be enabled for them.
 */
export async function createVirtualMfaDevice(ctx: RequestContext, input: CreateVirtualMfaDeviceInput, o: { forUser?: string } = {}): Promise<NewVirtualMfaDevice> {
  const path = input.Path ?? "/";
  const serialNumber = virtualMfaSerialNumber(ctx.accountId, path, input.VirtualMFADeviceName);
  const seed = newTotpSeed();
  // AWS labels the entry `name@account`; the QR code is drawn before the transaction, which it does not need.
  const png = await QRCode.toBuffer(provisioningUri(seed, `${input.VirtualMFADeviceName}@${ctx.accountId}`), { type: "png", margin: 2, width: 264 });
  const device = await auditedChange(ctx, "CreateVirtualMFADevice", serialNumber, async (tx) => {
    if (o.forUser) await assertRoomForDevice(tx, (await requireUser(tx, ctx.accountId, o.forUser)).id);
    const tags = input.Tags ?? [];
    assertUniqueTagKeys(tags);
    if (await repo.mfaDeviceNameTaken(tx, ctx.accountId, input.VirtualMFADeviceName))
      throw new AwsError("EntityAlreadyExists", "MFADevice entity at the same path and name already exists.");
    if ((await repo.countAccountMfaDevices(tx, ctx.accountId)) >= LIMITS.virtualMfaDevicesPerAccount)
      throw new AwsError("LimitExceeded", `Cannot exceed quota for MFADevices: ${LIMITS.virtualMfaDevicesPerAccount}`);
    return repo.insertMfaDevice(tx, { serialNumber, accountId: ctx.accountId, name: input.VirtualMFADeviceName, path, seedEncrypted: sealSecret(seed), tags });
  });
  return { ...repo.publicDevice(device), base32StringSeed: seed, qrCodePng: png.toString("base64") };
}

/**
 * Assigns a device to a user. The two codes must be consecutive and current (see `checkConsecutiveCodes`); the
 * second one's time step is recorded as used, so neither code is good for STS afterwards.
 */
export async function enableMfaDevice(ctx: RequestContext, userName: string, input: ConsecutiveCodesInput, now = new Date()) {
  await auditedChange(ctx, "EnableMFADevice", userTarget(ctx, userName), async (tx) => {
    const user = await requireUser(tx, ctx.accountId, userName);
    const device = await requireMfaDevice(tx, ctx.accountId, input.SerialNumber);
    if (device.user) throw new AwsError("EntityAlreadyExists", "MFA Device is already in use.");
    await assertRoomForDevice(tx, user.id);
    const check = checkConsecutiveCodes(totpState(device), input.AuthenticationCode1, input.AuthenticationCode2, now, "enable");
    if (!check.ok) throw invalidAuthenticationCode();
    if (!(await repo.assignMfaDevice(tx, device.serialNumber, { userId: user.id, enabledAt: now, lastUsedStep: check.step })))
      throw new AwsError("EntityAlreadyExists", "MFA Device is already in use.");
    return user;
  }, (u) => u.arn);
}

/** The device enabled for `userName` with this serial number, or IAM's refusal. */
async function requireUsersDevice(tx: Tx, ctx: RequestContext, userName: string, serialNumber: string) {
  const user = await requireUser(tx, ctx.accountId, userName);
  const device = await requireMfaDevice(tx, ctx.accountId, serialNumber);
  if (device.user?.id !== user.id) throw notTheUsersDevice();
  return { user, device };
}

export async function deactivateMfaDevice(ctx: RequestContext, userName: string, serialNumber: string) {
  await auditedChange(ctx, "DeactivateMFADevice", userTarget(ctx, userName), async (tx) => {
    const { user } = await requireUsersDevice(tx, ctx, userName, serialNumber);
    await repo.unassignMfaDevice(tx, serialNumber);
    return user;
  }, (u) => u.arn);
}

/**
 * Re-measures a drifted device's clock from two consecutive codes within ±10 minutes (see `checkConsecutiveCodes`)
 * and keeps the offset, so STS checks the codes the device really shows.
 */
export async function resyncMfaDevice(ctx: RequestContext, userName: string, input: ConsecutiveCodesInput, now = new Date()) {
  await auditedChange(ctx, "ResyncMFADevice", userTarget(ctx, userName), async (tx) => {
    const { user, device } = await requireUsersDevice(tx, ctx, userName, input.SerialNumber);
    const check = checkConsecutiveCodes(totpState(device), input.AuthenticationCode1, input.AuthenticationCode2, now, "resync");
    if (!check.ok || !(await repo.consumeTimeStep(tx, device.serialNumber, check.step, check.driftSteps))) throw invalidAuthenticationCode();
    return user;
  }, (u) => u.arn);
}

/** IAM refuses to delete a device that is still enabled for a user (DeleteConflict). */
export async function deleteVirtualMfaDevice(ctx: RequestContext, serialNumber: string) {
  await auditedChange(ctx, "DeleteVirtualMFADevice", serialNumber, async (tx) => {
    const device = await requireMfaDevice(tx, ctx.accountId, serialNumber);
    if (device.user) throw new AwsError("DeleteConflict", "MFA VirtualDevice in use. Must deactivate first.");
    await repo.deleteMfaDevice(tx, serialNumber);
  });
}

/**
 * The console's "Remove": deactivates the device if it is enabled for `userName`, and deletes it, in one
 * transaction. A device enabled for someone else is refused, as DeactivateMFADevice refuses it.
 */
export async function removeUserMfaDevice(ctx: RequestContext, userName: string, serialNumber: string) {
  await auditedChange(ctx, "DeleteVirtualMFADevice", serialNumber, async (tx) => {
    const user = await requireUser(tx, ctx.accountId, userName);
    const device = await requireMfaDevice(tx, ctx.accountId, serialNumber);
    if (device.user && device.user.id !== user.id) throw notTheUsersDevice();
    await repo.deleteMfaDevice(tx, serialNumber);
  });
}

/** The devices enabled for a user (ListMFADevices). */
export async function listMfaDevices(ctx: RequestContext, userName: string, page: { marker?: string; maxItems?: number } = {}) {
  const db = getDb();
  const user = await requireUser(db, ctx.accountId, userName);
  return slicePage((await repo.listUserMfaDevices(db, user.id)).map(repo.publicDevice), page);
}

/** The account's virtual devices, by assignment status (ListVirtualMFADevices; IAM's default is Any). */
export async function listVirtualMfaDevices(ctx: RequestContext, o: { status?: AssignmentStatus; marker?: string; maxItems?: number } = {}) {
  const page = await repo.listAccountMfaDevices(getDb(), ctx.accountId, {
    status: o.status ?? "Any",
    ...pageWindow(o),
  });
  return { ...page, items: page.items.map(repo.publicDevice) };
}

export async function tagMfaDevice(ctx: RequestContext, serialNumber: string, tags: Tag[]) {
  await auditedChange(ctx, "TagMFADevice", serialNumber, async (tx) => {
    const device = await requireMfaDevice(tx, ctx.accountId, serialNumber);
    await repo.replaceMfaDeviceTags(tx, serialNumber, mergeTags(device.tags, tags, "TagsPerMFADevice"));
  });
}

export async function untagMfaDevice(ctx: RequestContext, serialNumber: string, keys: string[]) {
  await auditedChange(ctx, "UntagMFADevice", serialNumber, async (tx) => {
    const device = await requireMfaDevice(tx, ctx.accountId, serialNumber);
    await repo.replaceMfaDeviceTags(tx, serialNumber, removeTags(device.tags, keys));
  });
}

export async function listMfaDeviceTags(ctx: RequestContext, serialNumber: string, page: { marker?: string; maxItems?: number } = {}) {
  return slicePage((await requireMfaDevice(getDb(), ctx.accountId, serialNumber)).tags, page);
}

