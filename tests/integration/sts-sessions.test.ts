import { beforeAll, describe, expect, inject, it } from "vitest";
import { randomBytes } from "node:crypto";
import {
  CreateAccessKeyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  EnableMFADeviceCommand,
  GetRoleCommand,
  ListRolesCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
} from "@aws-sdk/client-iam";
import { AssumeRoleCommand, GetCallerIdentityCommand, GetSessionTokenCommand } from "@aws-sdk/client-sts";
import { Secret, TOTP } from "otpauth";
import { ConsoleClient } from "./console-client";
import { failure, iamClient, splitDenial, uniqueName } from "./support/aws";
import { asCredentials, iamClientWith, stsClient, type SessionCredentials } from "./support/sts";

/** Sessions through the SDK: MFA, session tags and chains, source identity, session policies, revocation, accounts. */

const baseUrl = inject("baseUrl");
const admin = { accessKeyId: inject("adminAccessKeyId"), secretAccessKey: inject("adminSecretAccessKey") };
const iam = iamClient(baseUrl, admin);
const ACCT = "111111111111";
const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const allow = (Action: string | string[], extra: object = {}) => ({ Effect: "Allow", Action, Resource: "*", ...extra });

async function newUser(prefix: string, ...policy: object[]) {
  const name = uniqueName(prefix);
  const user = await iam.send(new CreateUserCommand({ UserName: name }));
  await iam.send(new PutUserPolicyCommand({ UserName: name, PolicyName: "p", PolicyDocument: doc(allow("sts:AssumeRole"), ...policy) }));
  const key = await iam.send(new CreateAccessKeyCommand({ UserName: name }));
  return { arn: user.User!.Arn!, name, key: { accessKeyId: key.AccessKey!.AccessKeyId!, secretAccessKey: key.AccessKey!.SecretAccessKey! } as SessionCredentials };
}

async function newRole(prefix: string, trust: object[], inline?: object[]) {
  const name = uniqueName(prefix);
  const r = await iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: doc(...trust) }));
  if (inline) await iam.send(new PutRolePolicyCommand({ RoleName: name, PolicyName: "perms", PolicyDocument: doc(...inline) }));
  return { name, arn: r.Role!.Arn! };
}

const trusting = (arn: string, Action: string | string[] = "sts:AssumeRole", extra: object = {}) => ({ Effect: "Allow", Principal: { AWS: arn }, Action, ...extra });
const assume = (creds: SessionCredentials, input: ConstructorParameters<typeof AssumeRoleCommand>[0]) => stsClient(baseUrl, creds).send(new AssumeRoleCommand(input));

describe("MFA", () => {
  const code = (seed: string, steps = 0) => TOTP.generate({ secret: Secret.fromBase32(seed), timestamp: Date.now() + steps * 30_000 });

  async function userWithDevice(prefix: string, ...policy: object[]) {
    const u = await newUser(prefix, ...policy);
    const d = (await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: uniqueName("phone") }))).VirtualMFADevice!;
    const seed = new TextDecoder().decode(d.Base32StringSeed);
    await iam.send(new EnableMFADeviceCommand({ UserName: u.name, SerialNumber: d.SerialNumber!, AuthenticationCode1: code(seed, -1), AuthenticationCode2: code(seed) }));
    return { ...u, serial: d.SerialNumber!, seed };
  }

  it("a role that requires MFA is assumed only with a fresh code, which works once", async () => {
    const u = await userWithDevice("mfa-assumer");
    const role = await newRole("mfa-only", [trusting(u.arn, "sts:AssumeRole", { Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } })]);
    expect((await failure(assume(u.key, { RoleArn: role.arn, RoleSessionName: "no-mfa" }))).code).toBe("AccessDenied");
    expect(await failure(assume(u.key, { RoleArn: role.arn, RoleSessionName: "half", SerialNumber: u.serial }))).toMatchObject({
      code: "AccessDenied",
      message: "MultiFactorAuthentication failed, must provide both MFA serial number and one time pass code.",
    });
    expect(await failure(assume(u.key, { RoleArn: role.arn, RoleSessionName: "wrong", SerialNumber: u.serial, TokenCode: "000000" }))).toMatchObject({
      code: "AccessDenied",
      message: "MultiFactorAuthentication failed with invalid MFA one time pass code.",
    });
    // Enabling the device spent the current step; the next one is within AWS's window.
    const next = code(u.seed, 1);
    const ok = await assume(u.key, { RoleArn: role.arn, RoleSessionName: "with-mfa", SerialNumber: u.serial, TokenCode: next });
    expect(ok.Credentials?.AccessKeyId).toMatch(/^ASIA/);
    expect((await failure(assume(u.key, { RoleArn: role.arn, RoleSessionName: "replay", SerialNumber: u.serial, TokenCode: next }))).message).toBe(
      "MultiFactorAuthentication failed with invalid MFA one time pass code.",
    );
  });

  it("GetSessionToken with MFA gives credentials IAM accepts", async () => {
    const u = await userWithDevice("mfa-session", allow("iam:ListRoles"));
    expect(await failure(stsClient(baseUrl, u.key).send(new GetSessionTokenCommand({ SerialNumber: u.serial, TokenCode: "123456" })))).toMatchObject({
      code: "AccessDenied",
      message: "MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA serial number is valid and associated with this user.",
    });
    const s = await stsClient(baseUrl, u.key).send(new GetSessionTokenCommand({ SerialNumber: u.serial, TokenCode: code(u.seed, 1), DurationSeconds: 900 }));
    const listed = await iamClientWith(baseUrl, asCredentials(s.Credentials)).send(new ListRolesCommand({ MaxItems: 1 }));
    expect(listed.$metadata.httpStatusCode).toBe(200);
  });
});

describe("session tags", () => {
  const tagGated = (value: string) => [allow("iam:GetRole", { Condition: { StringEquals: { "aws:PrincipalTag/team": value } } }), allow("sts:AssumeRole")];

  it("need sts:TagSession in the trust policy, and become the session's principal tags", async () => {
    const u = await newUser("tagger");
    const untaggable = await newRole("no-tags", [trusting(u.arn)]);
    const untagged = await failure(assume(u.key, { RoleArn: untaggable.arn, RoleSessionName: "t1", Tags: [{ Key: "team", Value: "blue" }] }));
    expect(untagged.code).toBe("AccessDenied");
    expect(splitDenial(untagged.message).reason).toBe(`User: ${u.arn} is not authorized to perform: sts:TagSession on resource: ${untaggable.arn}`);
    const role = await newRole("tagged", [trusting(u.arn, ["sts:AssumeRole", "sts:TagSession"])], tagGated("blue"));
    const blue = asCredentials((await assume(u.key, { RoleArn: role.arn, RoleSessionName: "blue", Tags: [{ Key: "team", Value: "blue" }] })).Credentials);
    await expect(iamClientWith(baseUrl, blue).send(new GetRoleCommand({ RoleName: role.name }))).resolves.toBeTruthy();
    const red = asCredentials((await assume(u.key, { RoleArn: role.arn, RoleSessionName: "red", Tags: [{ Key: "team", Value: "red" }] })).Credentials);
    expect((await failure(iamClientWith(baseUrl, red).send(new GetRoleCommand({ RoleName: role.name })))).code).toBe("AccessDenied");
  });

  it("pass on through a chain when transitive, and cannot be changed there", async () => {
    const u = await newUser("chainer");
    const first = await newRole("chain-1", [trusting(u.arn, ["sts:AssumeRole", "sts:TagSession"])], [allow("sts:AssumeRole")]);
    const second = await newRole("chain-2", [trusting(first.arn, ["sts:AssumeRole", "sts:TagSession"])], tagGated("blue"));
    const s1 = asCredentials(
      (await assume(u.key, { RoleArn: first.arn, RoleSessionName: "one", Tags: [{ Key: "team", Value: "blue" }], TransitiveTagKeys: ["team"] })).Credentials,
    );
    const s2 = asCredentials((await assume(s1, { RoleArn: second.arn, RoleSessionName: "two" })).Credentials);
    await expect(iamClientWith(baseUrl, s2).send(new GetRoleCommand({ RoleName: second.name }))).resolves.toBeTruthy();
    expect((await failure(assume(s1, { RoleArn: second.arn, RoleSessionName: "three", Tags: [{ Key: "Team", Value: "red" }] }))).code).toBe("InvalidParameterValue");
  });

  it("are refused when they pack too large", async () => {
    const u = await newUser("packer");
    const role = await newRole("packed", [trusting(u.arn, ["sts:AssumeRole", "sts:TagSession"])]);
    const Tags = Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}-${randomBytes(40).toString("hex")}`.slice(0, 128), Value: randomBytes(128).toString("hex") }));
    const refused = await failure(assume(u.key, { RoleArn: role.arn, RoleSessionName: "big", Tags }));
    expect(refused.code).toBe("PackedPolicyTooLarge");
    expect(refused.message).toMatch(/^Packed policy consumes \d+% of allotted space, please use smaller policy\.$/);
    const small = await assume(u.key, { RoleArn: role.arn, RoleSessionName: "small", Tags: [{ Key: "a", Value: "b" }] });
    expect(small.PackedPolicySize).toBeGreaterThan(0);
    expect(small.PackedPolicySize).toBeLessThan(10);
  });
});

describe("source identity", () => {
  it("needs sts:SetSourceIdentity, stays through a chain and cannot be changed", async () => {
    const u = await newUser("sourcer");
    const plain = await newRole("no-source", [trusting(u.arn)]);
    expect(splitDenial((await failure(assume(u.key, { RoleArn: plain.arn, RoleSessionName: "s1", SourceIdentity: "alice" }))).message).reason).toBe(
      `User: ${u.arn} is not authorized to perform: sts:SetSourceIdentity on resource: ${plain.arn}`,
    );
    const first = await newRole("source-1", [trusting(u.arn, ["sts:AssumeRole", "sts:SetSourceIdentity"])], [allow("sts:AssumeRole")]);
    const second = await newRole("source-2", [trusting(first.arn, ["sts:AssumeRole"], { Condition: { StringEquals: { "sts:SourceIdentity": "alice" } } })]);
    const one = await assume(u.key, { RoleArn: first.arn, RoleSessionName: "one", SourceIdentity: "alice" });
    expect(one.SourceIdentity).toBe("alice");
    const s1 = asCredentials(one.Credentials);
    const two = await assume(s1, { RoleArn: second.arn, RoleSessionName: "two" });
    expect(two.SourceIdentity).toBe("alice");
    expect((await failure(assume(s1, { RoleArn: second.arn, RoleSessionName: "three", SourceIdentity: "mallory" }))).code).toBe("AccessDenied");
  });
});

describe("session policies", () => {
  it("narrow the session to what both the role and the session policy allow", async () => {
    const u = await newUser("narrower");
    const role = await newRole("broad", [trusting(u.arn)], [allow(["iam:GetRole", "iam:ListRoles"])]);
    const narrowed = asCredentials(
      (await assume(u.key, { RoleArn: role.arn, RoleSessionName: "narrow", Policy: doc(allow(["iam:GetRole", "iam:CreateRole"])) })).Credentials,
    );
    const client = iamClientWith(baseUrl, narrowed);
    await expect(client.send(new GetRoleCommand({ RoleName: role.name }))).resolves.toBeTruthy();
    const list = await failure(client.send(new ListRolesCommand({})));
    expect(list.message).toContain("because no session policy allows the iam:ListRoles action");
    const create = await failure(client.send(new CreateRoleCommand({ RoleName: uniqueName("x"), AssumeRolePolicyDocument: doc(trusting(u.arn)) })));
    expect(create.message).toContain("because no identity-based policy allows the iam:CreateRole action");

    const managed = await iam.send(new CreatePolicyCommand({ PolicyName: uniqueName("session-managed"), PolicyDocument: doc(allow("iam:ListRoles")) }));
    const viaArn = asCredentials((await assume(u.key, { RoleArn: role.arn, RoleSessionName: "arn", PolicyArns: [{ arn: managed.Policy!.Arn! }] })).Credentials);
    await expect(iamClientWith(baseUrl, viaArn).send(new ListRolesCommand({ MaxItems: 1 }))).resolves.toBeTruthy();
    expect((await failure(iamClientWith(baseUrl, viaArn).send(new GetRoleCommand({ RoleName: role.name })))).code).toBe("AccessDenied");

    expect((await failure(assume(u.key, { RoleArn: role.arn, RoleSessionName: "bad", Policy: "{not json" }))).code).toBe("MalformedPolicyDocument");
  });
});

describe("revocation", () => {
  it("AWSRevokeOlderSessions denies sessions issued before it; later ones work", async () => {
    const u = await newUser("revoker");
    const role = await newRole("revocable", [trusting(u.arn)], [allow("iam:GetRole")]);
    const old = asCredentials((await assume(u.key, { RoleArn: role.arn, RoleSessionName: "old" })).Credentials);
    await expect(iamClientWith(baseUrl, old).send(new GetRoleCommand({ RoleName: role.name }))).resolves.toBeTruthy();
    const cutoff = new Date(Math.floor(Date.now() / 1000) * 1000 + 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: role.name,
        PolicyName: "AWSRevokeOlderSessions",
        PolicyDocument: doc({ Effect: "Deny", Action: ["*"], Resource: ["*"], Condition: { DateLessThan: { "aws:TokenIssueTime": cutoff } } }),
      }),
    );
    const refused = await failure(iamClientWith(baseUrl, old).send(new GetRoleCommand({ RoleName: role.name })));
    expect(refused.message).toContain("with an explicit deny in an identity-based policy");
    // GetCallerIdentity needs no permission, so a revoked session still learns who it is, as in AWS.
    await expect(stsClient(baseUrl, old).send(new GetCallerIdentityCommand({}))).resolves.toBeTruthy();
    await new Promise((r) => setTimeout(r, Date.parse(cutoff) - Date.now() + 50));
    const fresh = asCredentials((await assume(u.key, { RoleArn: role.arn, RoleSessionName: "fresh" })).Credentials);
    await expect(iamClientWith(baseUrl, fresh).send(new GetRoleCommand({ RoleName: role.name }))).resolves.toBeTruthy();
  });
});

describe("across accounts", () => {
  let partner: SessionCredentials;
  let partnerArn: string;

  beforeAll(async () => {
    const console = await ConsoleClient.signIn(inject("adminEmail"), inject("adminPassword"));
    await console.json("PUT", "/api/console/account", { accountId: "222222222222" });
    const name = uniqueName("partner-user");
    const created = await console.json<{ arn: string }>("POST", "/api/console/users", { UserName: name });
    partnerArn = created.body.arn;
    const key = await console.json<{ accessKeyId: string; secretAccessKey: string }>("POST", `/api/console/users/${name}/access-keys`);
    partner = { accessKeyId: key.body.accessKeyId, secretAccessKey: key.body.secretAccessKey };
    await console.json("POST", `/api/console/users/${name}/attached-policies`, { PolicyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" });
    await console.json("PUT", `/api/console/users/${name}/inline-policies/assume`, { PolicyDocument: doc(allow("sts:AssumeRole", { Resource: `arn:aws:iam::${ACCT}:role/*` })) });
  });

  it("needs the trust policy and the caller's own policy both", async () => {
    const role = await newRole("cross", [trusting("arn:aws:iam::222222222222:root")]);
    const ok = await assume(partner, { RoleArn: role.arn, RoleSessionName: "partner" });
    expect(await stsClient(baseUrl, asCredentials(ok.Credentials)).send(new GetCallerIdentityCommand({}))).toMatchObject({ Account: ACCT });
    const closed = await newRole("closed", [trusting(`arn:aws:iam::${ACCT}:root`)]);
    // Across accounts the refusal carries no encoded message: it would describe the other account's trust policy.
    expect((await failure(assume(partner, { RoleArn: closed.arn, RoleSessionName: "partner" }))).message).toBe(
      `User: ${partnerArn} is not authorized to perform: sts:AssumeRole on resource: ${closed.arn}`,
    );
  });
});
