import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  AttachRolePolicyCommand,
  CreateAccessKeyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  GetRoleCommand,
  ListRolesCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
} from "@aws-sdk/client-iam";
import { AssumeRoleCommand, GetAccessKeyInfoCommand, GetCallerIdentityCommand, GetSessionTokenCommand } from "@aws-sdk/client-sts";
import { failure, iamClient, splitDenial, uniqueName } from "./support/aws";
import { asCredentials, iamClientWith, stsClient, type SessionCredentials } from "./support/sts";

/**
 * STS through the official SDK clients against a real server: credentials that really authenticate, and every
 * refusal in AWS's words.
 */

const baseUrl = inject("baseUrl");
const admin = { accessKeyId: inject("adminAccessKeyId"), secretAccessKey: inject("adminSecretAccessKey") };
const iam = iamClient(baseUrl, admin);
const ACCT = "111111111111";
const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });

async function newUser(prefix: string, policy?: object[]): Promise<{ arn: string; name: string; key: SessionCredentials }> {
  const name = uniqueName(prefix);
  const user = await iam.send(new CreateUserCommand({ UserName: name }));
  if (policy) await iam.send(new PutUserPolicyCommand({ UserName: name, PolicyName: "p", PolicyDocument: doc(...policy) }));
  const key = await iam.send(new CreateAccessKeyCommand({ UserName: name }));
  return { arn: user.User!.Arn!, name, key: { accessKeyId: key.AccessKey!.AccessKeyId!, secretAccessKey: key.AccessKey!.SecretAccessKey! } };
}

async function newRole(prefix: string, trust: object[], opts: { maxSessionDuration?: number; path?: string } = {}) {
  const name = uniqueName(prefix);
  const r = await iam.send(new CreateRoleCommand({ RoleName: name, Path: opts.path, AssumeRolePolicyDocument: doc(...trust), MaxSessionDuration: opts.maxSessionDuration }));
  return { name, arn: r.Role!.Arn!, id: r.Role!.RoleId! };
}

const trustUser = (arn: string, extra: object = {}) => ({ Effect: "Allow", Principal: { AWS: arn }, Action: "sts:AssumeRole", ...extra });

describe("AssumeRole", () => {
  let alice: Awaited<ReturnType<typeof newUser>>;

  beforeAll(async () => {
    alice = await newUser("alice", [{ Effect: "Allow", Action: "sts:AssumeRole", Resource: "*" }]);
  });

  it("issues credentials that authenticate as the assumed role and carry its permissions", async () => {
    const role = await newRole("reader", [trustUser(alice.arn)], { path: "/team/" });
    await iam.send(new AttachRolePolicyCommand({ RoleName: role.name, PolicyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }));
    const out = await stsClient(baseUrl, alice.key).send(new AssumeRoleCommand({ RoleArn: role.arn, RoleSessionName: "alice-session" }));
    expect(out.Credentials?.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(out.Credentials?.Expiration!.getTime()).toBeGreaterThan(Date.now() + 3500_000);
    expect(out.AssumedRoleUser).toEqual({ AssumedRoleId: `${role.id}:alice-session`, Arn: `arn:aws:sts::${ACCT}:assumed-role/${role.name}/alice-session` });

    const creds = asCredentials(out.Credentials);
    const me = await stsClient(baseUrl, creds).send(new GetCallerIdentityCommand({}));
    expect(me).toMatchObject({ UserId: `${role.id}:alice-session`, Account: ACCT, Arn: `arn:aws:sts::${ACCT}:assumed-role/${role.name}/alice-session` });
    const asRole = iamClientWith(baseUrl, creds);
    expect((await asRole.send(new GetRoleCommand({ RoleName: role.name }))).Role?.RoleName).toBe(role.name);
    const refused = await failure(asRole.send(new CreateRoleCommand({ RoleName: uniqueName("nope"), AssumeRolePolicyDocument: doc(trustUser(alice.arn)) })));
    expect(refused.code).toBe("AccessDenied");
    expect(refused.message).toMatch(new RegExp(`^User: arn:aws:sts::${ACCT}:assumed-role/${role.name}/alice-session is not authorized to perform: iam:CreateRole`));
    expect((await iam.send(new GetRoleCommand({ RoleName: role.name }))).Role?.RoleLastUsed?.LastUsedDate).toBeInstanceOf(Date);
  });

  it("refuses a missing role, and a trust policy that does not name the caller, in AWS's words", async () => {
    const sts = stsClient(baseUrl, alice.key);
    const missing = `arn:aws:iam::${ACCT}:role/no-such-role-${Date.now()}`;
    const absent = await failure(sts.send(new AssumeRoleCommand({ RoleArn: missing, RoleSessionName: "s1" })));
    expect({ ...absent, message: splitDenial(absent.message).reason }).toEqual({
      code: "AccessDenied",
      message: `User: ${alice.arn} is not authorized to perform: sts:AssumeRole on resource: ${missing}`,
      status: 403,
    });
    const other = await newRole("other", [trustUser(`arn:aws:iam::${ACCT}:root`, { Condition: { StringEquals: { "aws:PrincipalTag/team": "x" } } })]);
    expect(splitDenial((await failure(sts.send(new AssumeRoleCommand({ RoleArn: other.arn, RoleSessionName: "s1" })))).message).reason).toBe(
      `User: ${alice.arn} is not authorized to perform: sts:AssumeRole on resource: ${other.arn}`,
    );
  });

  it("needs the caller's own permission when the trust policy names only the account", async () => {
    const role = await newRole("account-trust", [trustUser(ACCT)]);
    const bob = await newUser("bob");
    const refused = await failure(stsClient(baseUrl, bob.key).send(new AssumeRoleCommand({ RoleArn: role.arn, RoleSessionName: "bob" })));
    expect(refused.code).toBe("AccessDenied");
    const ok = await stsClient(baseUrl, alice.key).send(new AssumeRoleCommand({ RoleArn: role.arn, RoleSessionName: "alice" }));
    expect(ok.Credentials?.AccessKeyId).toMatch(/^ASIA/);
  });

  it("checks the external ID a third-party trust requires", async () => {
    const role = await newRole("third-party", [trustUser(alice.arn, { Condition: { StringEquals: { "sts:ExternalId": "ext-123" } } })]);
    const sts = stsClient(baseUrl, alice.key);
    expect((await failure(sts.send(new AssumeRoleCommand({ RoleArn: role.arn, RoleSessionName: "s1" })))).code).toBe("AccessDenied");
    expect((await failure(sts.send(new AssumeRoleCommand({ RoleArn: role.arn, RoleSessionName: "s1", ExternalId: "wrong" })))).code).toBe("AccessDenied");
    await expect(sts.send(new AssumeRoleCommand({ RoleArn: role.arn, RoleSessionName: "s1", ExternalId: "ext-123" }))).resolves.toBeTruthy();
  });

  it("caps DurationSeconds at the role's MaxSessionDuration, and role chaining at one hour", async () => {
    const first = await newRole("first", [trustUser(alice.arn)], { maxSessionDuration: 7200 });
    const sts = stsClient(baseUrl, alice.key);
    expect(await failure(sts.send(new AssumeRoleCommand({ RoleArn: first.arn, RoleSessionName: "s1", DurationSeconds: 7201 })))).toEqual({
      code: "ValidationError",
      message: "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.",
      status: 400,
    });
    const long = await sts.send(new AssumeRoleCommand({ RoleArn: first.arn, RoleSessionName: "s1", DurationSeconds: 7200 }));
    await iam.send(new PutRolePolicyCommand({ RoleName: first.name, PolicyName: "chain", PolicyDocument: doc({ Effect: "Allow", Action: "sts:AssumeRole", Resource: "*" }) }));
    const second = await newRole("second", [{ Effect: "Allow", Principal: { AWS: first.arn }, Action: "sts:AssumeRole" }], { maxSessionDuration: 43200 });
    const chained = stsClient(baseUrl, asCredentials(long.Credentials));
    expect(await failure(chained.send(new AssumeRoleCommand({ RoleArn: second.arn, RoleSessionName: "hop", DurationSeconds: 3601 })))).toEqual({
      code: "ValidationError",
      message: "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.",
      status: 400,
    });
    const hop = await chained.send(new AssumeRoleCommand({ RoleArn: second.arn, RoleSessionName: "hop" }));
    expect(hop.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${ACCT}:assumed-role/${second.name}/hop`);
    expect(await stsClient(baseUrl, asCredentials(hop.Credentials)).send(new GetCallerIdentityCommand({}))).toMatchObject({ Arn: hop.AssumedRoleUser?.Arn });
  });

  it("validates its input as AWS does", async () => {
    const sts = stsClient(baseUrl, alice.key);
    const bad = await failure(sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCT}:role/x`, RoleSessionName: "a b" })));
    expect(bad.code).toBe("ValidationError");
    expect(bad.message).toContain("Value 'a b' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*");
    expect((await failure(sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCT}:role/x`, RoleSessionName: "s1", DurationSeconds: 899 })))).code).toBe("ValidationError");
  });
});

describe("GetSessionToken, GetCallerIdentity, GetAccessKeyInfo", () => {
  it("answer who the caller is and which account a key belongs to", async () => {
    const carol = await newUser("carol");
    const sts = stsClient(baseUrl, carol.key);
    expect(await sts.send(new GetCallerIdentityCommand({}))).toMatchObject({ Account: ACCT, Arn: carol.arn });
    const adminSts = stsClient(baseUrl, admin);
    expect((await adminSts.send(new GetAccessKeyInfoCommand({ AccessKeyId: carol.key.accessKeyId }))).Account).toBe(ACCT);
    const session = await sts.send(new GetSessionTokenCommand({ DurationSeconds: 900 }));
    const creds = asCredentials(session.Credentials);
    expect(await stsClient(baseUrl, creds).send(new GetCallerIdentityCommand({}))).toMatchObject({ Arn: carol.arn, Account: ACCT });
    // Without MFA, IAM refuses GetSessionToken credentials outright.
    expect((await failure(iamClientWith(baseUrl, creds).send(new ListRolesCommand({})))).code).toBe("InvalidClientTokenId");
    expect(await failure(stsClient(baseUrl, creds).send(new GetSessionTokenCommand({})))).toMatchObject({
      code: "AccessDenied",
      message: "Cannot call GetSessionToken with session credentials",
    });
  });

  it("refuses a tampered or borrowed session token", async () => {
    const dave = await newUser("dave");
    const creds = asCredentials((await stsClient(baseUrl, dave.key).send(new GetSessionTokenCommand({ DurationSeconds: 900 }))).Credentials);
    const flipped = creds.sessionToken!.slice(0, 20) + (creds.sessionToken![20] === "A" ? "B" : "A") + creds.sessionToken!.slice(21);
    expect((await failure(stsClient(baseUrl, { ...creds, sessionToken: flipped }).send(new GetCallerIdentityCommand({})))).code).toBe("InvalidClientTokenId");
    const other = asCredentials((await stsClient(baseUrl, dave.key).send(new GetSessionTokenCommand({ DurationSeconds: 900 }))).Credentials);
    expect((await failure(stsClient(baseUrl, { ...creds, sessionToken: other.sessionToken }).send(new GetCallerIdentityCommand({})))).code).toBe("InvalidClientTokenId");
    expect((await failure(stsClient(baseUrl, { ...creds, sessionToken: undefined }).send(new GetCallerIdentityCommand({})))).code).toBe("InvalidClientTokenId");
  });
});

afterAll(() => undefined);
