import { beforeAll, describe, expect, inject, it } from "vitest";
import { CreateAccessKeyCommand, CreateRoleCommand, CreateUserCommand, PutUserPolicyCommand } from "@aws-sdk/client-iam";
import { AssumeRoleCommand, DecodeAuthorizationMessageCommand } from "@aws-sdk/client-sts";
import { failure, iamClient, splitDenial, trustPolicy, uniqueName } from "./support/aws";
import { iamClientWith, stsClient, type SessionCredentials } from "./support/sts";
import { ConsoleClient } from "./console-client";

/**
 * Encoded authorization messages through the official SDK clients: an AccessDenied carries one, and STS
 * DecodeAuthorizationMessage opens it (for a caller allowed sts:DecodeAuthorizationMessage, in the same account)
 * as the JSON AWS documents: allowed, explicitDeny, matchedStatements, failures, context.
 */

const baseUrl = inject("baseUrl");
const admin = { accessKeyId: inject("adminAccessKeyId"), secretAccessKey: inject("adminSecretAccessKey") };
const iam = iamClient(baseUrl, admin);
const ACCT = "111111111111";
const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });

async function newUser(prefix: string, policy?: object[]): Promise<{ arn: string; key: SessionCredentials }> {
  const name = uniqueName(prefix);
  const user = await iam.send(new CreateUserCommand({ UserName: name }));
  if (policy) await iam.send(new PutUserPolicyCommand({ UserName: name, PolicyName: "p", PolicyDocument: doc(...policy) }));
  const key = await iam.send(new CreateAccessKeyCommand({ UserName: name }));
  return { arn: user.User!.Arn!, key: { accessKeyId: key.AccessKey!.AccessKeyId!, secretAccessKey: key.AccessKey!.SecretAccessKey! } };
}

const decode = (credentials: SessionCredentials, EncodedMessage: string) =>
  stsClient(baseUrl, credentials).send(new DecodeAuthorizationMessageCommand({ EncodedMessage }));

/** The encoded message of a refused call. */
async function encodedDenial(call: Promise<unknown>): Promise<string> {
  const err = await failure(call);
  expect(err.code).toBe("AccessDenied");
  const { encoded } = splitDenial(err.message);
  expect(encoded).toBeDefined();
  return encoded!;
}

describe("DecodeAuthorizationMessage", () => {
  let bare: Awaited<ReturnType<typeof newUser>>;
  let denied: Awaited<ReturnType<typeof newUser>>;

  beforeAll(async () => {
    bare = await newUser("bare");
    denied = await newUser("denied", [
      { Effect: "Allow", Action: "iam:*", Resource: "*" },
      { Sid: "NoRoles", Effect: "Deny", Action: "iam:CreateRole", Resource: "*" },
    ]);
  });

  it("opens an implicit denial's message as AWS's JSON for a caller allowed to decode", async () => {
    const role = uniqueName("nope");
    const encoded = await encodedDenial(iamClientWith(baseUrl, bare.key).send(new CreateRoleCommand({ RoleName: role, AssumeRolePolicyDocument: trustPolicy() })));
    const out = await decode(admin, encoded);
    const message = JSON.parse(out.DecodedMessage!);
    expect(message).toMatchObject({
      allowed: false,
      explicitDeny: false,
      matchedStatements: { items: [] },
      context: { principal: { arn: bare.arn }, action: "iam:CreateRole", resource: `arn:aws:iam::${ACCT}:role/${role}` },
    });
    expect(message.context.conditions.items).toContainEqual({ key: "aws:username", values: { items: [{ value: bare.arn.split("/").pop() }] } });
    expect(message.roleplaneExplanation[0]).toMatch(/^Implicitly denied/);
  });

  it("names the deny statement of an explicit denial", async () => {
    const encoded = await encodedDenial(iamClientWith(baseUrl, denied.key).send(new CreateRoleCommand({ RoleName: uniqueName("x"), AssumeRolePolicyDocument: trustPolicy() })));
    const message = JSON.parse((await decode(admin, encoded)).DecodedMessage!);
    expect(message).toMatchObject({ allowed: false, explicitDeny: true });
    expect(message.matchedStatements.items).toEqual([
      expect.objectContaining({ statementId: expect.stringMatching(/^NoRoles in /), effect: "DENY", actions: { items: [{ value: "iam:CreateRole" }] } }),
    ]);
  });

  it("carries a message on a refused AssumeRole in the caller's own account", async () => {
    const role = await iam.send(new CreateRoleCommand({ RoleName: uniqueName("closed"), AssumeRolePolicyDocument: trustPolicy() }));
    const encoded = await encodedDenial(stsClient(baseUrl, bare.key).send(new AssumeRoleCommand({ RoleArn: role.Role!.Arn!, RoleSessionName: "s1" })));
    const message = JSON.parse((await decode(admin, encoded)).DecodedMessage!);
    expect(message).toMatchObject({ allowed: false, context: { action: "sts:AssumeRole", resource: role.Role!.Arn! } });
  });

  it("needs sts:DecodeAuthorizationMessage", async () => {
    const encoded = await encodedDenial(iamClientWith(baseUrl, bare.key).send(new CreateRoleCommand({ RoleName: uniqueName("x"), AssumeRolePolicyDocument: trustPolicy() })));
    const err = await failure(decode(bare.key, encoded));
    expect(err.code).toBe("AccessDenied");
    expect(splitDenial(err.message).reason).toBe(
      `User: ${bare.arn} is not authorized to perform: sts:DecodeAuthorizationMessage because no identity-based policy allows the sts:DecodeAuthorizationMessage action`,
    );
    const decoder = await newUser("decoder", [{ Effect: "Allow", Action: "sts:DecodeAuthorizationMessage", Resource: "*" }]);
    expect(JSON.parse((await decode(decoder.key, encoded)).DecodedMessage!)).toMatchObject({ allowed: false });
  });

  it("refuses a changed, truncated or foreign message, and input outside the model", async () => {
    const encoded = await encodedDenial(iamClientWith(baseUrl, bare.key).send(new CreateRoleCommand({ RoleName: uniqueName("x"), AssumeRolePolicyDocument: trustPolicy() })));
    const flipped = encoded.slice(0, 40) + (encoded[40] === "A" ? "B" : "A") + encoded.slice(41);
    for (const bad of [flipped, encoded.slice(0, -4), "not-a-message", "__proto__"]) {
      expect(await failure(decode(admin, bad))).toMatchObject({ code: "InvalidAuthorizationMessageException", status: 400 });
    }
    expect((await failure(decode(admin, "x".repeat(10241)))).code).toBe("ValidationError");

    // A principal of another account cannot open this account's messages.
    const console = await ConsoleClient.signIn(inject("adminEmail"), inject("adminPassword"));
    await console.json("PUT", "/api/console/account", { accountId: "222222222222" });
    const name = uniqueName("partner-decoder");
    await console.json("POST", "/api/console/users", { UserName: name });
    const key = await console.json<{ accessKeyId: string; secretAccessKey: string }>("POST", `/api/console/users/${name}/access-keys`);
    await console.json("PUT", `/api/console/users/${name}/inline-policies/decode`, {
      PolicyDocument: doc({ Effect: "Allow", Action: "sts:DecodeAuthorizationMessage", Resource: "*" }),
    });
    await console.json("PUT", "/api/console/account", { accountId: ACCT });
    const partner = { accessKeyId: key.body.accessKeyId, secretAccessKey: key.body.secretAccessKey };
    expect((await failure(decode(partner, encoded))).code).toBe("InvalidAuthorizationMessageException");
  });
});
