import { describe, expect, inject, it } from "vitest";
import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  DeactivateMFADeviceCommand,
  DeleteAccessKeyCommand,
  DeleteUserCommand,
  DeleteVirtualMFADeviceCommand,
  EnableMFADeviceCommand,
  ListMFADevicesCommand,
  ListMFADeviceTagsCommand,
  ListVirtualMFADevicesCommand,
  PutUserPolicyCommand,
  ResyncMFADeviceCommand,
  TagMFADeviceCommand,
  UntagMFADeviceCommand,
  type IAMClient,
} from "@aws-sdk/client-iam";
import { Secret, TOTP } from "otpauth";
import { failure, iamClient, rawRequest, splitDenial, uniqueName } from "./support/aws";

const baseUrl = inject("baseUrl");
const credentials = { accessKeyId: inject("adminAccessKeyId"), secretAccessKey: inject("adminSecretAccessKey") };
const iam = iamClient(baseUrl, credentials);
const ACCOUNT = "111111111111";
const V = "2010-05-08";

/** What an authenticator app shows for `seed`, `offsetSteps` time steps from now (computed here, not by Roleplane). */
const code = (seed: string, offsetSteps = 0) => TOTP.generate({ secret: Secret.fromBase32(seed), timestamp: Date.now() + offsetSteps * 30_000 });
const consecutiveCodes = (seed: string, offsetSteps = 0) => ({ AuthenticationCode1: code(seed, offsetSteps - 1), AuthenticationCode2: code(seed, offsetSteps) });

async function newDevice(client: IAMClient = iam, name = uniqueName("phone")) {
  const d = (await client.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: name }))).VirtualMFADevice!;
  return { serialNumber: d.SerialNumber!, seed: new TextDecoder().decode(d.Base32StringSeed), png: d.QRCodePNG! };
}

async function newUser() {
  const name = uniqueName("mfa-user");
  await iam.send(new CreateUserCommand({ UserName: name }));
  return name;
}

async function enable(userName: string, device: { serialNumber: string; seed: string }) {
  await iam.send(new EnableMFADeviceCommand({ UserName: userName, SerialNumber: device.serialNumber, ...consecutiveCodes(device.seed) }));
}

const serials = async (status?: "Assigned" | "Unassigned" | "Any") =>
  ((await iam.send(new ListVirtualMFADevicesCommand({ AssignmentStatus: status, MaxItems: 1000 }))).VirtualMFADevices ?? []).map((d) => d.SerialNumber);

describe("virtual MFA devices through the AWS SDK", () => {
  it("creates, enables with two real codes, lists, refuses a replayed code, deactivates and deletes", async () => {
    const user = await newUser();
    const name = uniqueName("phone");
    const created = (await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: name, Path: "/team/", Tags: [{ Key: "kind", Value: "app" }] })))
      .VirtualMFADevice!;
    const serialNumber = `arn:aws:iam::${ACCOUNT}:mfa/team/${name}`;
    expect(created.SerialNumber).toBe(serialNumber);
    const seed = new TextDecoder().decode(created.Base32StringSeed);
    expect(seed).toMatch(/^[A-Z2-7]{64}$/);
    expect(Buffer.from(created.QRCodePNG!).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(await serials("Unassigned")).toContain(serialNumber);

    const codes = consecutiveCodes(seed);
    await iam.send(new EnableMFADeviceCommand({ UserName: user, SerialNumber: serialNumber, ...codes }));
    const listed = await iam.send(new ListMFADevicesCommand({ UserName: user }));
    expect(listed.MFADevices).toEqual([{ UserName: user, SerialNumber: serialNumber, EnableDate: expect.any(Date) }]);
    expect(listed.IsTruncated).toBe(false);
    const assigned = (await iam.send(new ListVirtualMFADevicesCommand({ AssignmentStatus: "Assigned", MaxItems: 1000 }))).VirtualMFADevices!;
    const mine = assigned.find((d) => d.SerialNumber === serialNumber)!;
    expect(mine.User).toMatchObject({ UserName: user, Arn: `arn:aws:iam::${ACCOUNT}:user/${user}` });
    expect(mine.EnableDate).toBeInstanceOf(Date);
    expect(mine.Base32StringSeed).toBeUndefined();
    expect(mine.QRCodePNG).toBeUndefined();
    expect(await serials("Unassigned")).not.toContain(serialNumber);

    // The enabling codes were accepted once; offered again they are refused.
    const replay = await failure(iam.send(new ResyncMFADeviceCommand({ UserName: user, SerialNumber: serialNumber, ...codes })));
    expect(replay).toEqual({ code: "InvalidAuthenticationCode", status: 403, message: "Authentication code for device is not valid." });
    // A device whose clock runs a minute ahead resynchronises with the codes it shows, once.
    const ahead = consecutiveCodes(seed, 2);
    await iam.send(new ResyncMFADeviceCommand({ UserName: user, SerialNumber: serialNumber, ...ahead }));
    expect((await failure(iam.send(new ResyncMFADeviceCommand({ UserName: user, SerialNumber: serialNumber, ...ahead })))).code).toBe("InvalidAuthenticationCode");

    const inUse = await failure(iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: serialNumber })));
    expect(inUse).toEqual({ code: "DeleteConflict", status: 409, message: "MFA VirtualDevice in use. Must deactivate first." });
    const userInUse = await failure(iam.send(new DeleteUserCommand({ UserName: user })));
    expect(userInUse).toEqual({ code: "DeleteConflict", status: 409, message: "Cannot delete entity, must delete MFA device first." });

    await iam.send(new DeactivateMFADeviceCommand({ UserName: user, SerialNumber: serialNumber }));
    expect((await iam.send(new ListMFADevicesCommand({ UserName: user }))).MFADevices).toEqual([]);
    const reEnable = await failure(iam.send(new EnableMFADeviceCommand({ UserName: user, SerialNumber: serialNumber, ...codes })));
    expect(reEnable.code).toBe("InvalidAuthenticationCode");

    await iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: serialNumber }));
    expect(await serials()).not.toContain(serialNumber);
    const gone = await failure(iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: serialNumber })));
    expect(gone).toEqual({ code: "NoSuchEntity", status: 404, message: `VirtualMFADevice with serial number ${serialNumber} does not exist.` });
    await iam.send(new DeleteUserCommand({ UserName: user }));
  });

  it("refuses wrong codes, a device in use, another user's device and a duplicate name with AWS's errors", async () => {
    const [ann, bob] = [await newUser(), await newUser()];
    const device = await newDevice();
    const wrong = await failure(iam.send(new EnableMFADeviceCommand({ UserName: ann, SerialNumber: device.serialNumber, AuthenticationCode1: "123456", AuthenticationCode2: "654321" })));
    expect(wrong).toEqual({ code: "InvalidAuthenticationCode", status: 403, message: "Authentication code for device is not valid." });
    const stale = await failure(iam.send(new EnableMFADeviceCommand({ UserName: ann, SerialNumber: device.serialNumber, ...consecutiveCodes(device.seed, -10) })));
    expect(stale.code).toBe("InvalidAuthenticationCode");
    expect((await iam.send(new ListMFADevicesCommand({ UserName: ann }))).MFADevices).toEqual([]);

    await enable(ann, device);
    const taken = await failure(iam.send(new EnableMFADeviceCommand({ UserName: bob, SerialNumber: device.serialNumber, ...consecutiveCodes(device.seed, 1) })));
    expect(taken).toEqual({ code: "EntityAlreadyExists", status: 409, message: "MFA Device is already in use." });
    const notBobs = await failure(iam.send(new DeactivateMFADeviceCommand({ UserName: bob, SerialNumber: device.serialNumber })));
    expect(notBobs).toEqual({ code: "NoSuchEntity", status: 404, message: "MFA Device invalid for user." });
    const dup = await failure(iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: device.serialNumber.split("/").pop()!.toUpperCase() })));
    expect(dup).toEqual({ code: "EntityAlreadyExists", status: 409, message: "MFADevice entity at the same path and name already exists." });
    const noUser = await failure(iam.send(new EnableMFADeviceCommand({ UserName: "no-such-user", SerialNumber: device.serialNumber, ...consecutiveCodes(device.seed) })));
    expect(noUser).toEqual({ code: "NoSuchEntity", status: 404, message: "The user with name no-such-user cannot be found." });
  });

  it("allows eight devices per user and refuses a ninth with LimitExceeded", async () => {
    const user = await newUser();
    for (let i = 0; i < 8; i++) await enable(user, await newDevice());
    const ninth = await newDevice();
    const err = await failure(iam.send(new EnableMFADeviceCommand({ UserName: user, SerialNumber: ninth.serialNumber, ...consecutiveCodes(ninth.seed) })));
    expect(err).toEqual({ code: "LimitExceeded", status: 409, message: "Cannot exceed quota limit for MFADevicesPerUser." });
    const page1 = await iam.send(new ListMFADevicesCommand({ UserName: user, MaxItems: 5 }));
    const page2 = await iam.send(new ListMFADevicesCommand({ UserName: user, Marker: page1.Marker }));
    expect([page1.IsTruncated, page1.MFADevices!.length, page2.IsTruncated, page2.MFADevices!.length]).toEqual([true, 5, false, 3]);
  });

  it("pages ListVirtualMFADevices and filters by assignment status", async () => {
    const user = await newUser();
    const [a, b] = [await newDevice(), await newDevice()];
    await enable(user, a);
    const all: string[] = [];
    let marker: string | undefined;
    do {
      const page = await iam.send(new ListVirtualMFADevicesCommand({ MaxItems: 2, Marker: marker }));
      expect(page.VirtualMFADevices!.length).toBeLessThanOrEqual(2);
      all.push(...page.VirtualMFADevices!.map((d) => d.SerialNumber!));
      marker = page.IsTruncated ? page.Marker : undefined;
    } while (marker);
    expect(all).toEqual(expect.arrayContaining([a.serialNumber, b.serialNumber]));
    expect(new Set(all).size).toBe(all.length);
    expect(await serials("Assigned")).toContain(a.serialNumber);
    expect(await serials("Assigned")).not.toContain(b.serialNumber);
    expect(await serials("Unassigned")).toContain(b.serialNumber);
  });

  it("tags, untags and lists a device's tags", async () => {
    const device = await newDevice();
    await iam.send(new TagMFADeviceCommand({ SerialNumber: device.serialNumber, Tags: [{ Key: "owner", Value: "ops" }, { Key: "tier", Value: "1" }] }));
    await iam.send(new UntagMFADeviceCommand({ SerialNumber: device.serialNumber, TagKeys: ["tier"] }));
    expect((await iam.send(new ListMFADeviceTagsCommand({ SerialNumber: device.serialNumber }))).Tags).toEqual([{ Key: "owner", Value: "ops" }]);
    const missing = await failure(iam.send(new ListMFADeviceTagsCommand({ SerialNumber: `arn:aws:iam::${ACCOUNT}:mfa/none` })));
    expect(missing.code).toBe("NoSuchEntity");
  });
});

describe("self-service MFA with AWS's policy variables", () => {
  it("lets a user manage only their own device, and refuses anything else in AWS's words", async () => {
    const name = uniqueName("self");
    const { User } = await iam.send(new CreateUserCommand({ UserName: name }));
    await iam.send(new PutUserPolicyCommand({
      UserName: name,
      PolicyName: "manage-own-mfa",
      PolicyDocument: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          { Effect: "Allow", Action: "iam:CreateVirtualMFADevice", Resource: "arn:aws:iam::*:mfa/${aws:username}" },
          { Effect: "Allow", Action: ["iam:EnableMFADevice", "iam:ListMFADevices", "iam:DeactivateMFADevice"], Resource: "arn:aws:iam::*:user/${aws:username}" },
        ],
      }),
    }));
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: name }))).AccessKey!;
    const self = iamClient(baseUrl, { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! });

    const device = await newDevice(self, name);
    await self.send(new EnableMFADeviceCommand({ UserName: name, SerialNumber: device.serialNumber, ...consecutiveCodes(device.seed) }));
    expect((await self.send(new ListMFADevicesCommand({}))).MFADevices!.map((d) => d.SerialNumber)).toEqual([device.serialNumber]);

    const other = uniqueName("not-mine");
    const denied = await failure(self.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: other })));
    expect({ ...denied, message: splitDenial(denied.message).reason }).toEqual({
      code: "AccessDenied",
      status: 403,
      message: `User: ${User!.Arn} is not authorized to perform: iam:CreateVirtualMFADevice on resource: arn:aws:iam::${ACCOUNT}:mfa/${other} because no identity-based policy allows the iam:CreateVirtualMFADevice action`,
    });
    const noDelete = await failure(self.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: device.serialNumber })));
    expect(splitDenial(noDelete.message).reason).toBe(
      `User: ${User!.Arn} is not authorized to perform: iam:DeleteVirtualMFADevice on resource: ${device.serialNumber} because no identity-based policy allows the iam:DeleteVirtualMFADevice action`,
    );
    expect(await serials()).not.toContain(`arn:aws:iam::${ACCOUNT}:mfa/${other}`);

    await self.send(new DeactivateMFADeviceCommand({ SerialNumber: device.serialNumber }));
    await iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: device.serialNumber }));
    await iam.send(new DeleteAccessKeyCommand({ UserName: name, AccessKeyId: key.AccessKeyId }));
  });
});

describe("malformed and unsigned MFA requests", () => {
  const send = (params: Record<string, string>, signed = true) =>
    rawRequest({ baseUrl, params: { Version: V, ...params }, credentials: signed ? credentials : undefined });

  it("refuses an unsigned request and creates nothing", async () => {
    const name = uniqueName("anon");
    const r = await send({ Action: "CreateVirtualMFADevice", VirtualMFADeviceName: name }, false);
    expect(r).toMatchObject({ status: 403, code: "MissingAuthenticationToken" });
    expect(await serials()).not.toContain(`arn:aws:iam::${ACCOUNT}:mfa/${name}`);
  });

  it("answers malformed members with IAM's ValidationError", async () => {
    const serial = `arn:aws:iam::${ACCOUNT}:mfa/x`;
    const cases: [Record<string, string>, string][] = [
      [{ Action: "CreateVirtualMFADevice" }, "1 validation error detected: Value null at 'virtualMFADeviceName' failed to satisfy constraint: Member must not be null"],
      [{ Action: "CreateVirtualMFADevice", VirtualMFADeviceName: "bad name" }, "1 validation error detected: Value 'bad name' at 'virtualMFADeviceName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+"],
      [{ Action: "CreateVirtualMFADevice", VirtualMFADeviceName: "d".repeat(129) }, `1 validation error detected: Value '${"d".repeat(129)}' at 'virtualMFADeviceName' failed to satisfy constraint: Member must have length less than or equal to 128`],
      [{ Action: "EnableMFADevice", UserName: "u", SerialNumber: serial, AuthenticationCode1: "12345", AuthenticationCode2: "123456" }, "1 validation error detected: Value '12345' at 'authenticationCode1' failed to satisfy constraint: Member must have length greater than or equal to 6"],
      [{ Action: "EnableMFADevice", UserName: "u", SerialNumber: serial, AuthenticationCode1: "12345a", AuthenticationCode2: "123456" }, "1 validation error detected: Value '12345a' at 'authenticationCode1' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\d]+"],
      [{ Action: "EnableMFADevice", UserName: "u", AuthenticationCode1: "123456", AuthenticationCode2: "123456" }, "1 validation error detected: Value null at 'serialNumber' failed to satisfy constraint: Member must not be null"],
      [{ Action: "DeleteVirtualMFADevice", SerialNumber: "short" }, "1 validation error detected: Value 'short' at 'serialNumber' failed to satisfy constraint: Member must have length greater than or equal to 9"],
      [{ Action: "ListVirtualMFADevices", AssignmentStatus: "Everything" }, "1 validation error detected: Value 'Everything' at 'assignmentStatus' failed to satisfy constraint: Member must satisfy enum value set: [Assigned, Unassigned, Any]"],
    ];
    for (const [params, message] of cases) expect(await send(params), params.Action).toMatchObject({ status: 400, code: "ValidationError", message });
  });

  it("keeps __proto__ parameters out of the server's objects", async () => {
    const victim = await newUser();
    const device = await newDevice();
    await enable(victim, device);
    const r = await send({ Action: "ListMFADevices", "__proto__.UserName": victim, "Tags.member.1.__proto__.UserName": victim });
    expect(r.status).toBe(200);
    // Had the parameter reached Object.prototype, every input without a UserName would now name the victim.
    expect((await iam.send(new ListMFADevicesCommand({}))).MFADevices).toEqual([]);
    const name = uniqueName("proto");
    expect((await send({ Action: "CreateVirtualMFADevice", VirtualMFADeviceName: name, "Tags.member.1.Key": "__proto__", "Tags.member.1.Value": "x" })).status).toBe(200);
    const tags = await iam.send(new ListMFADeviceTagsCommand({ SerialNumber: `arn:aws:iam::${ACCOUNT}:mfa/${name}` }));
    expect(tags.Tags).toEqual([{ Key: "__proto__", Value: "x" }]);
  });
});
