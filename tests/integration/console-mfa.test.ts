import { beforeAll, describe, expect, inject, it } from "vitest";
import { ListVirtualMFADevicesCommand } from "@aws-sdk/client-iam";
import { Secret, TOTP } from "otpauth";
import { ConsoleClient, uniqueName } from "./console-client";
import { iamClient } from "./support/aws";

type ApiError = { error: { code: string; message: string } };
type NewDevice = { serialNumber: string; name: string; base32StringSeed: string; qrCodePng: string };
type Device = { serialNumber: string; enabledAt: string | null; user: { name: string } | null };

let admin: ConsoleClient;
let viewer: ConsoleClient;
const iam = iamClient(inject("baseUrl"), { accessKeyId: inject("adminAccessKeyId"), secretAccessKey: inject("adminSecretAccessKey") });

beforeAll(async () => {
  admin = await ConsoleClient.signIn(inject("adminEmail"), inject("adminPassword"));
  viewer = await ConsoleClient.signIn(inject("viewerEmail"), inject("viewerPassword"));
});

const mfaPath = (user: string, rest = "") => `/api/console/users/${user}/mfa-devices${rest}`;
const codes = (seed: string) => {
  const secret = Secret.fromBase32(seed);
  return { AuthenticationCode1: TOTP.generate({ secret, timestamp: Date.now() - 30_000 }), AuthenticationCode2: TOTP.generate({ secret, timestamp: Date.now() }) };
};
const accountSerials = async () => ((await iam.send(new ListVirtualMFADevicesCommand({ MaxItems: 1000 }))).VirtualMFADevices ?? []).map((d) => d.SerialNumber);

async function newUser() {
  const name = uniqueName("mfa");
  expect((await admin.json("POST", "/api/console/users", { UserName: name })).status).toBe(201);
  return name;
}

async function assignDevice(user: string) {
  const created = await admin.request("POST", mfaPath(user), { json: { VirtualMFADeviceName: uniqueName("phone") } });
  expect(created.status).toBe(201);
  expect(created.headers.get("cache-control")).toBe("no-store");
  const device = (await created.json()) as NewDevice;
  expect((await admin.json("POST", mfaPath(user, "/enable"), { SerialNumber: device.serialNumber, ...codes(device.base32StringSeed) })).status).toBe(204);
  return device;
}

describe("the console's MFA routes as admin", () => {
  it("assigns a device with two codes, lists it without its secret, and removes it", async () => {
    const user = await newUser();
    const device = await assignDevice(user);
    expect(device.serialNumber).toBe(`arn:aws:iam::111111111111:mfa/${device.name}`);
    expect(device.qrCodePng).toMatch(/^iVBORw0KGgo/); // base64 of the PNG signature

    const listed = await admin.json<Device[]>("GET", mfaPath(user));
    expect(listed.body).toEqual([expect.objectContaining({ serialNumber: device.serialNumber, enabledAt: expect.any(String), user: expect.objectContaining({ name: user }) })]);
    expect(JSON.stringify(listed.body)).not.toContain(device.base32StringSeed);

    expect((await admin.json("DELETE", `${mfaPath(user)}?serialNumber=${encodeURIComponent(device.serialNumber)}`)).status).toBe(204);
    expect((await admin.json<Device[]>("GET", mfaPath(user))).body).toEqual([]);
    expect(await accountSerials()).not.toContain(device.serialNumber);
  });

  it("refuses wrong codes with IAM's error and leaves the device unassigned", async () => {
    const user = await newUser();
    const device = (await admin.json<NewDevice>("POST", mfaPath(user), { VirtualMFADeviceName: uniqueName("phone") })).body;
    const wrong = await admin.json<ApiError>("POST", mfaPath(user, "/enable"), { SerialNumber: device.serialNumber, AuthenticationCode1: "000000", AuthenticationCode2: "000001" });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error).toMatchObject({ code: "InvalidAuthenticationCode", message: "Authentication code for device is not valid." });
    expect((await admin.json<Device[]>("GET", mfaPath(user))).body).toEqual([]);
    // The dialog's Cancel deletes the half-made device, so its name is free again.
    expect((await admin.json("DELETE", `${mfaPath(user)}?serialNumber=${encodeURIComponent(device.serialNumber)}`)).status).toBe(204);
    expect(await accountSerials()).not.toContain(device.serialNumber);
  });

  it("refuses to remove another user's device, and to make a device for a user who does not exist", async () => {
    const [owner, other] = [await newUser(), await newUser()];
    const device = await assignDevice(owner);
    const notTheirs = await admin.json<ApiError>("DELETE", `${mfaPath(other)}?serialNumber=${encodeURIComponent(device.serialNumber)}`);
    expect(notTheirs.status).toBe(404);
    expect(notTheirs.body.error).toMatchObject({ code: "NoSuchEntity", message: "MFA Device invalid for user." });
    const name = uniqueName("orphan");
    const missing = await admin.json<ApiError>("POST", mfaPath("no-such-user"), { VirtualMFADeviceName: name });
    expect(missing.body.error).toMatchObject({ code: "NoSuchEntity", message: "The user with name no-such-user cannot be found." });
    expect(await accountSerials()).not.toContain(`arn:aws:iam::111111111111:mfa/${name}`);
  });

  it("deletes a user together with its MFA devices", async () => {
    const user = await newUser();
    const device = await assignDevice(user);
    expect((await admin.json("DELETE", `/api/console/users/${user}`)).status).toBe(204);
    expect(await accountSerials()).not.toContain(device.serialNumber);
  });

  it("answers malformed input with a clear error and changes nothing", async () => {
    const user = await newUser();
    const bad = [
      [mfaPath(user), { VirtualMFADeviceName: "has space" }, "Member must satisfy regular expression pattern: [\\w+=,.@-]+"],
      [mfaPath(user), JSON.parse('{"__proto__": {"VirtualMFADeviceName": "smuggled"}}'), "Value null at 'virtualMFADeviceName' failed to satisfy constraint: Member must not be null"],
      [mfaPath(user, "/enable"), { SerialNumber: "arn:aws:iam::111111111111:mfa/x", AuthenticationCode1: "12ab56", AuthenticationCode2: "123456" }, "Value '12ab56' at 'authenticationCode1'"],
    ] as const;
    for (const [path, body, message] of bad) {
      const res = await admin.json<ApiError>("POST", path, body);
      expect(res.status, path).toBe(400);
      expect(res.body.error.code).toBe("ValidationError");
      expect(res.body.error.message).toContain(message);
    }
    // A form body is refused before anything is read: console changes are JSON only (the CSRF guard).
    const notJson = await admin.request("POST", mfaPath(user), { form: { VirtualMFADeviceName: "x" } });
    expect([notJson.status, ((await notJson.json()) as ApiError).error.code]).toEqual([403, "AccessDenied"]);
    const noSerial = await admin.json<ApiError>("DELETE", mfaPath(user));
    expect([noSerial.status, noSerial.body.error.code]).toEqual([400, "ValidationError"]);
    expect(await accountSerials()).not.toContain("arn:aws:iam::111111111111:mfa/smuggled");
  });
});

describe("the console's MFA routes for others", () => {
  it("lets a viewer read but refuses every change, and nothing changes", async () => {
    const user = await newUser();
    const device = await assignDevice(user);
    expect((await viewer.json<Device[]>("GET", mfaPath(user))).body).toHaveLength(1);
    const attempts = [
      ["POST", mfaPath(user), { VirtualMFADeviceName: uniqueName("viewer") }],
      ["POST", mfaPath(user, "/enable"), { SerialNumber: device.serialNumber, ...codes(device.base32StringSeed) }],
      ["DELETE", `${mfaPath(user)}?serialNumber=${encodeURIComponent(device.serialNumber)}`, undefined],
    ] as const;
    for (const [method, path, body] of attempts) {
      const res = await viewer.json<ApiError>(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body.error.code).toBe("AccessDenied");
    }
    expect((await admin.json<Device[]>("GET", mfaPath(user))).body.map((d) => d.serialNumber)).toEqual([device.serialNumber]);
  });

  it("refuses a request without a session with 401", async () => {
    const anon = new ConsoleClient();
    const user = await newUser();
    for (const [method, path] of [["GET", mfaPath(user)], ["POST", mfaPath(user)], ["POST", mfaPath(user, "/enable")], ["DELETE", `${mfaPath(user)}?serialNumber=x`]] as const) {
      const res = await anon.json<ApiError>(method, path, method === "POST" ? { VirtualMFADeviceName: "anon" } : undefined);
      expect(res.status, `${method} ${path}`).toBe(401);
      expect(res.body.error.code).toBe("MissingAuthenticationToken");
    }
  });
});
