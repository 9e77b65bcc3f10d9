import { beforeAll, describe, expect, it } from "vitest";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { useFreshTestDb } from "@/lib/db/test-db";
import { getDb } from "@/lib/db/client";
import { iamAuthorizationInput } from "./authorize";
import type { RequestContext } from "./context";
import * as mfa from "./mfa-devices";
import { userHasMfaDevice, verifyMfaCode } from "./mfa-verify";
import { refusal } from "./test-helpers";
import { timeStepAt, totpCode } from "./totp";
import * as users from "./users";

const ACCT = "111111111111";
const ctx: RequestContext = { accountId: ACCT, actor: "tester@example.com", source: "api", requestId: "r-mfa" };
const T0 = new Date("2026-11-29T10:00:10Z");
const later = (steps: number) => new Date(T0.getTime() + steps * 30_000);

/** The two consecutive codes a device shows at `now`: the previous step's and the current one's. */
const codesAt = (seed: string, now: Date) => ({ AuthenticationCode1: totpCode(seed, timeStepAt(now) - 1), AuthenticationCode2: totpCode(seed, timeStepAt(now)) });
const codeAt = (seed: string, now: Date) => totpCode(seed, timeStepAt(now));

async function newUserWithDevice(name: string, now = T0) {
  const user = await users.createUser(ctx, { UserName: name });
  const device = await mfa.createVirtualMfaDevice(ctx, { VirtualMFADeviceName: `${name}-phone` });
  await mfa.enableMfaDevice(ctx, name, { SerialNumber: device.serialNumber, ...codesAt(device.base32StringSeed, now) }, now);
  return { user, device, seed: device.base32StringSeed, serialNumber: device.serialNumber };
}

const verify = (serialNumber: string, code: string, now: Date, userArn?: string) =>
  getDb().$transaction((tx) => verifyMfaCode(tx, { accountId: ACCT, serialNumber, code, userArn, now }));

beforeAll(useFreshTestDb);

describe("CreateVirtualMFADevice", () => {
  it("returns the ARN as serial number, a 64-character seed and a QR code of the otpauth URI, once", async () => {
    const d = await mfa.createVirtualMfaDevice(ctx, { VirtualMFADeviceName: "laptop", Path: "/ops/", Tags: [{ Key: "team", Value: "ops" }] });
    expect(d.serialNumber).toBe(`arn:aws:iam::${ACCT}:mfa/ops/laptop`);
    expect(d.base32StringSeed).toMatch(/^[A-Z2-7]{64}$/);
    expect(d.user).toBeNull();
    expect(d.tags).toEqual([{ Key: "team", Value: "ops" }]);

    const png = PNG.sync.read(Buffer.from(d.qrCodePng, "base64"));
    const uri = new URL(jsQR(Uint8ClampedArray.from(png.data), png.width, png.height)!.data);
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.host).toBe("totp");
    expect(decodeURIComponent(uri.pathname)).toBe(`/laptop@${ACCT}`);
    expect(uri.searchParams.get("secret")).toBe(d.base32StringSeed);

    const row = await getDb().mfaDevice.findUnique({ where: { serialNumber: d.serialNumber } });
    expect(row?.seedEncrypted).not.toContain(d.base32StringSeed);
    const listed = await mfa.listVirtualMfaDevices(ctx);
    expect(JSON.stringify(listed)).not.toContain(d.base32StringSeed);
    expect(JSON.stringify(listed)).not.toContain("seedEncrypted");
  });

  it("refuses a name already used in the account, ignoring case and path", async () => {
    const e = await refusal(mfa.createVirtualMfaDevice(ctx, { VirtualMFADeviceName: "LAPTOP" }));
    expect([e.code, e.status, e.message]).toEqual(["EntityAlreadyExists", 409, "MFADevice entity at the same path and name already exists."]);
  });
});

describe("EnableMFADevice", () => {
  it("assigns the device with two consecutive current codes", async () => {
    const { user, serialNumber } = await newUserWithDevice("ana");
    const page = await mfa.listMfaDevices(ctx, "ana");
    expect(page.items).toEqual([expect.objectContaining({ serialNumber, enabledAt: T0, user: expect.objectContaining({ arn: user.arn }) })]);
    expect(await userHasMfaDevice(getDb(), ACCT, user.arn, serialNumber)).toBe(true);
    expect((await mfa.listVirtualMfaDevices(ctx, { status: "Assigned" })).items.map((d) => d.serialNumber)).toContain(serialNumber);
    expect((await mfa.listVirtualMfaDevices(ctx, { status: "Unassigned" })).items.map((d) => d.serialNumber)).not.toContain(serialNumber);
  });

  it("refuses codes that are wrong, stale or not consecutive, and assigns nothing", async () => {
    await users.createUser(ctx, { UserName: "ben" });
    const d = await mfa.createVirtualMfaDevice(ctx, { VirtualMFADeviceName: "ben-phone" });
    const seed = d.base32StringSeed;
    const attempts = [
      { AuthenticationCode1: "123456", AuthenticationCode2: "654321" },
      codesAt(seed, later(-5)),
      { AuthenticationCode1: codeAt(seed, T0), AuthenticationCode2: codeAt(seed, T0) },
    ];
    for (const codes of attempts) {
      const e = await refusal(mfa.enableMfaDevice(ctx, "ben", { SerialNumber: d.serialNumber, ...codes }, T0));
      expect([e.code, e.status, e.message]).toEqual(["InvalidAuthenticationCode", 403, "Authentication code for device is not valid."]);
    }
    expect((await mfa.listMfaDevices(ctx, "ben")).items).toEqual([]);
  });

  it("refuses a device already in use, a missing device or user, and a ninth device", async () => {
    const { serialNumber, seed } = await newUserWithDevice("cy");
    await users.createUser(ctx, { UserName: "dee" });
    const again = await refusal(mfa.enableMfaDevice(ctx, "dee", { SerialNumber: serialNumber, ...codesAt(seed, later(1)) }, later(1)));
    expect([again.code, again.message]).toEqual(["EntityAlreadyExists", "MFA Device is already in use."]);
    const missing = `arn:aws:iam::${ACCT}:mfa/nothing`;
    const noDevice = await refusal(mfa.enableMfaDevice(ctx, "dee", { SerialNumber: missing, ...codesAt(seed, T0) }, T0));
    expect([noDevice.code, noDevice.status, noDevice.message]).toEqual(["NoSuchEntity", 404, `VirtualMFADevice with serial number ${missing} does not exist.`]);
    const noUser = await refusal(mfa.enableMfaDevice(ctx, "nobody", { SerialNumber: serialNumber, ...codesAt(seed, T0) }, T0));
    expect(noUser.message).toBe("The user with name nobody cannot be found.");

    for (let i = 2; i <= 8; i++) {
      const d = await mfa.createVirtualMfaDevice(ctx, { VirtualMFADeviceName: `cy-${i}` });
      await mfa.enableMfaDevice(ctx, "cy", { SerialNumber: d.serialNumber, ...codesAt(d.base32StringSeed, T0) }, T0);
    }
    const ninth = await mfa.createVirtualMfaDevice(ctx, { VirtualMFADeviceName: "cy-9" });
    const limit = await refusal(mfa.enableMfaDevice(ctx, "cy", { SerialNumber: ninth.serialNumber, ...codesAt(ninth.base32StringSeed, T0) }, T0));
    expect([limit.code, limit.status, limit.message]).toEqual(["LimitExceeded", 409, "Cannot exceed quota limit for MFADevicesPerUser."]);
    expect((await mfa.listMfaDevices(ctx, "cy")).items).toHaveLength(8);
  });
});

describe("verifyMfaCode (for STS)", () => {
  it("accepts each code once, and no earlier code after it", async () => {
    const { user, serialNumber, seed } = await newUserWithDevice("eve");
    // The enabling codes are spent.
    expect(await verify(serialNumber, codeAt(seed, T0), T0)).toEqual({ ok: false, reason: "replayed-code" });
    const next = later(1);
    expect(await verify(serialNumber, codeAt(seed, next), next, user.arn)).toEqual({
      ok: true, serialNumber, userArn: user.arn, userId: user.id, step: timeStepAt(next), authenticatedAt: next,
    });
    expect(await verify(serialNumber, codeAt(seed, next), next)).toEqual({ ok: false, reason: "replayed-code" });
    const afterTwo = later(3);
    expect((await verify(serialNumber, codeAt(seed, afterTwo), afterTwo)).ok).toBe(true);
    expect(await verify(serialNumber, codeAt(seed, later(2)), afterTwo)).toEqual({ ok: false, reason: "replayed-code" });
    expect(await verify(serialNumber, "000000", later(4))).toEqual({ ok: false, reason: "invalid-code" });
  });

  it("lets only one of two concurrent requests use the same code", async () => {
    const { serialNumber, seed } = await newUserWithDevice("fay");
    const now = later(2);
    const results = await Promise.all([verify(serialNumber, codeAt(seed, now), now), verify(serialNumber, codeAt(seed, now), now)]);
    expect(results.map((r) => r.ok).sort()).toEqual([false, true]);
  });

  it("tells a missing, unassigned or someone else's device apart", async () => {
    const { serialNumber, seed } = await newUserWithDevice("gus");
    const now = later(1);
    expect(await verify(`arn:aws:iam::${ACCT}:mfa/none`, "123456", now)).toEqual({ ok: false, reason: "no-such-device" });
    expect(await verify(serialNumber, codeAt(seed, now), now, `arn:aws:iam::${ACCT}:user/ana`)).toEqual({ ok: false, reason: "other-user" });
    expect(await userHasMfaDevice(getDb(), ACCT, `arn:aws:iam::${ACCT}:user/ana`, serialNumber)).toBe(false);
    await mfa.deactivateMfaDevice(ctx, "gus", serialNumber);
    expect(await verify(serialNumber, codeAt(seed, now), now)).toEqual({ ok: false, reason: "not-assigned" });
    // Another account's view of the same serial number finds nothing.
    expect(await getDb().$transaction((tx) => verifyMfaCode(tx, { accountId: "222222222222", serialNumber, code: codeAt(seed, now), now }))).toEqual({
      ok: false, reason: "no-such-device",
    });
  });
});

describe("ResyncMFADevice", () => {
  it("re-measures a drifted device so its codes are accepted again", async () => {
    const { serialNumber, seed } = await newUserWithDevice("hal");
    // The device's clock now runs six steps (three minutes) behind.
    const now = later(20);
    const deviceClock = later(14);
    expect((await verify(serialNumber, codeAt(seed, deviceClock), now)).ok).toBe(false);
    await mfa.resyncMfaDevice(ctx, "hal", { SerialNumber: serialNumber, ...codesAt(seed, deviceClock) }, now);
    const next = later(21);
    expect((await verify(serialNumber, codeAt(seed, later(15)), next)).ok).toBe(true);
    const wrong = await refusal(mfa.resyncMfaDevice(ctx, "hal", { SerialNumber: serialNumber, AuthenticationCode1: "111111", AuthenticationCode2: "222222" }, next));
    expect(wrong.code).toBe("InvalidAuthenticationCode");
  });

  it("refuses a device that is not the user's", async () => {
    const { serialNumber, seed } = await newUserWithDevice("ivy");
    const e = await refusal(mfa.resyncMfaDevice(ctx, "ana", { SerialNumber: serialNumber, ...codesAt(seed, later(1)) }, later(1)));
    expect([e.code, e.message]).toEqual(["NoSuchEntity", "MFA Device invalid for user."]);
  });
});

describe("deactivating and deleting", () => {
  it("refuses to delete an assigned device, then deletes it once deactivated", async () => {
    const { serialNumber, seed } = await newUserWithDevice("jo");
    const inUse = await refusal(mfa.deleteVirtualMfaDevice(ctx, serialNumber));
    expect([inUse.code, inUse.status, inUse.message]).toEqual(["DeleteConflict", 409, "MFA VirtualDevice in use. Must deactivate first."]);
    const notJos = await refusal(mfa.deactivateMfaDevice(ctx, "ana", serialNumber));
    expect(notJos.message).toBe("MFA Device invalid for user.");

    await mfa.deactivateMfaDevice(ctx, "jo", serialNumber);
    expect((await mfa.listMfaDevices(ctx, "jo")).items).toEqual([]);
    // Re-enabling with the codes used before is a replay.
    const replay = await refusal(mfa.enableMfaDevice(ctx, "jo", { SerialNumber: serialNumber, ...codesAt(seed, T0) }, T0));
    expect(replay.code).toBe("InvalidAuthenticationCode");

    await mfa.deleteVirtualMfaDevice(ctx, serialNumber);
    expect((await refusal(mfa.deleteVirtualMfaDevice(ctx, serialNumber))).message).toBe(`VirtualMFADevice with serial number ${serialNumber} does not exist.`);
  });

  it("keeps DeleteUser refused while the user has a device; the console's delete removes it with the user", async () => {
    const { serialNumber } = await newUserWithDevice("kim");
    const e = await refusal(users.deleteUser(ctx, "kim"));
    expect([e.code, e.message]).toEqual(["DeleteConflict", "Cannot delete entity, must delete MFA device first."]);
    await users.deleteUserWithDependents(ctx, "kim");
    expect(await getDb().mfaDevice.findUnique({ where: { serialNumber } })).toBeNull();
  });

  it("removes a user's device in one step, and refuses someone else's", async () => {
    const { serialNumber } = await newUserWithDevice("lu");
    expect((await refusal(mfa.removeUserMfaDevice(ctx, "ana", serialNumber))).message).toBe("MFA Device invalid for user.");
    await mfa.removeUserMfaDevice(ctx, "lu", serialNumber);
    expect((await mfa.listMfaDevices(ctx, "lu")).items).toEqual([]);
    const events = await getDb().auditEvent.findMany({ where: { target: serialNumber, outcome: "Success" }, orderBy: { time: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["CreateVirtualMFADevice", "DeleteVirtualMFADevice"]);
  });
});

describe("tags and authorization", () => {
  it("tags, untags and lists a device's tags", async () => {
    const d = await mfa.createVirtualMfaDevice(ctx, { VirtualMFADeviceName: "tagged", Tags: [{ Key: "a", Value: "1" }] });
    await mfa.tagMfaDevice(ctx, d.serialNumber, [{ Key: "A", Value: "2" }, { Key: "b", Value: "3" }]);
    await mfa.untagMfaDevice(ctx, d.serialNumber, ["B"]);
    expect((await mfa.listMfaDeviceTags(ctx, d.serialNumber)).items).toEqual([{ Key: "a", Value: "2" }]);
  });

  it("authorizes device actions on the device's ARN with its tags, and user actions on the user", async () => {
    const d = await mfa.createVirtualMfaDevice(ctx, { VirtualMFADeviceName: "authz", Path: "/p/", Tags: [{ Key: "env", Value: "prod" }] });
    expect(await iamAuthorizationInput("CreateVirtualMFADevice", { VirtualMFADeviceName: "x", Path: "/p/" }, ACCT)).toMatchObject({ resourceArn: `arn:aws:iam::${ACCT}:mfa/p/x` });
    expect(await iamAuthorizationInput("DeleteVirtualMFADevice", { SerialNumber: d.serialNumber }, ACCT)).toEqual({
      resourceArn: d.serialNumber,
      context: { "aws:ResourceTag/env": "prod" },
    });
    expect((await iamAuthorizationInput("EnableMFADevice", { UserName: "ana", SerialNumber: d.serialNumber }, ACCT)).resourceArn).toBe(`arn:aws:iam::${ACCT}:user/ana`);
    expect((await iamAuthorizationInput("DeactivateMFADevice", { SerialNumber: d.serialNumber }, ACCT, `arn:aws:iam::${ACCT}:user/me`)).resourceArn).toBe(`arn:aws:iam::${ACCT}:user/me`);
    expect((await iamAuthorizationInput("ListVirtualMFADevices", {}, ACCT)).resourceArn).toBe("*");
  });
});
