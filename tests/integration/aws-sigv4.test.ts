import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  PutUserPolicyCommand,
  DeleteAccessKeyCommand,
  DeleteUserCommand,
  DeleteUserPolicyCommand,
  GetAccessKeyLastUsedCommand,
  GetRoleCommand,
  GetUserCommand,
  ListAccessKeysCommand,
  UpdateAccessKeyCommand,
} from "@aws-sdk/client-iam";
import { failure, iamClient, rawRequest, trustPolicy, uniqueName, type Credentials } from "./support/aws";

const baseUrl = inject("baseUrl");
const admin = { accessKeyId: inject("adminAccessKeyId"), secretAccessKey: inject("adminSecretAccessKey") };
const iam = iamClient(baseUrl, admin);
const V = "2010-05-08";

const MISMATCH =
  "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";
const INVALID_TOKEN = "The security token included in the request is invalid.";

/** A CreateRole whose success or failure we can observe afterwards. */
const createRoleParams = (name: string) => ({ Action: "CreateRole", Version: V, RoleName: name, AssumeRolePolicyDocument: trustPolicy() });

async function assertNoRole(name: string) {
  expect((await failure(iam.send(new GetRoleCommand({ RoleName: name })))).code).toBe("NoSuchEntity");
}

describe("SigV4 authentication at /api/aws", () => {
  const userName = uniqueName("signer");
  let userKey: Credentials;

  beforeAll(async () => {
    await iam.send(new CreateUserCommand({ UserName: userName }));
    // As in IAM, a user may read itself only when a policy says so.
    await iam.send(
      new PutUserPolicyCommand({
        UserName: userName,
        PolicyName: "read-self",
        PolicyDocument: JSON.stringify({
          Version: "2012-10-17",
          Statement: [{ Effect: "Allow", Action: "iam:GetUser", Resource: "arn:aws:iam::*:user/${aws:username}" }],
        }),
      }),
    );
    const created = await iam.send(new CreateAccessKeyCommand({ UserName: userName }));
    userKey = { accessKeyId: created.AccessKey!.AccessKeyId!, secretAccessKey: created.AccessKey!.SecretAccessKey! };
  });

  afterAll(async () => {
    const keys = await iam.send(new ListAccessKeysCommand({ UserName: userName }));
    for (const k of keys.AccessKeyMetadata ?? [])
      await iam.send(new DeleteAccessKeyCommand({ UserName: userName, AccessKeyId: k.AccessKeyId }));
    await iam.send(new DeleteUserPolicyCommand({ UserName: userName, PolicyName: "read-self" }));
    await iam.send(new DeleteUserCommand({ UserName: userName }));
  });

  it("accepts a key created through the API, and knows who signed", async () => {
    const asUser = iamClient(baseUrl, userKey);
    const me = (await asUser.send(new GetUserCommand({}))).User!;
    expect(me.UserName).toBe(userName);
    expect(me.Arn).toBe(`arn:aws:iam::111111111111:user/${userName}`);
  });

  it("records when and where a key was last used", async () => {
    const before = Date.now() - 1000;
    await rawRequest({ baseUrl, credentials: userKey, params: { Action: "GetUser", Version: V } });
    const used = await iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: userKey.accessKeyId }));
    expect(used.UserName).toBe(userName);
    expect(used.AccessKeyLastUsed).toMatchObject({ ServiceName: "iam", Region: "us-east-1" });
    expect(used.AccessKeyLastUsed!.LastUsedDate!.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it("refuses a wrong secret and changes nothing", async () => {
    const name = uniqueName("wrong-secret");
    const r = await rawRequest({
      baseUrl,
      credentials: { accessKeyId: admin.accessKeyId, secretAccessKey: "not-the-secret-not-the-secret-not-the-se" },
      params: createRoleParams(name),
    });
    expect(r).toMatchObject({ status: 403, code: "SignatureDoesNotMatch", message: MISMATCH });
    await assertNoRole(name);
  });

  it("refuses an unknown access key", async () => {
    const name = uniqueName("unknown-key");
    const r = await rawRequest({
      baseUrl,
      credentials: { accessKeyId: "AKIAUNKNOWNKEY000000", secretAccessKey: admin.secretAccessKey },
      params: createRoleParams(name),
    });
    expect(r).toMatchObject({ status: 403, code: "InvalidClientTokenId", message: INVALID_TOKEN });
    await assertNoRole(name);
  });

  it("refuses an inactive key, and accepts it again once reactivated", async () => {
    await iam.send(new UpdateAccessKeyCommand({ UserName: userName, AccessKeyId: userKey.accessKeyId, Status: "Inactive" }));
    const asUser = iamClient(baseUrl, userKey);
    const f = await failure(asUser.send(new GetUserCommand({})));
    expect(f).toEqual({ code: "InvalidClientTokenId", status: 403, message: INVALID_TOKEN });
    await iam.send(new UpdateAccessKeyCommand({ UserName: userName, AccessKeyId: userKey.accessKeyId, Status: "Active" }));
    expect((await asUser.send(new GetUserCommand({}))).User!.UserName).toBe(userName);
  });

  it("refuses a request signed more than 15 minutes ago", async () => {
    const name = uniqueName("expired");
    const signedAt = new Date(Date.now() - 20 * 60_000);
    const r = await rawRequest({ baseUrl, credentials: admin, params: createRoleParams(name), signingDate: signedAt });
    expect(r.status).toBe(403);
    expect(r.code).toBe("SignatureDoesNotMatch");
    expect(r.message).toMatch(/^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 15 min\.\)$/);
    await assertNoRole(name);
  });

  it("refuses a request dated more than 15 minutes ahead", async () => {
    const r = await rawRequest({
      baseUrl,
      credentials: admin,
      params: { Action: "ListRoles", Version: V },
      signingDate: new Date(Date.now() + 20 * 60_000),
    });
    expect(r).toMatchObject({ status: 403, code: "SignatureDoesNotMatch" });
    expect(r.message).toMatch(/^Signature not yet current: /);
  });

  it("refuses a request with no authentication", async () => {
    const name = uniqueName("anonymous");
    const r = await rawRequest({ baseUrl, params: createRoleParams(name) });
    expect(r).toMatchObject({ status: 403, code: "MissingAuthenticationToken", message: "Request is missing Authentication Token" });
    await assertNoRole(name);
  });

  it("refuses a body changed after signing", async () => {
    const name = uniqueName("tampered");
    const other = uniqueName("injected");
    const r = await rawRequest({
      baseUrl,
      credentials: admin,
      params: createRoleParams(name),
      tamperBody: (body) => body.replace(name, other),
    });
    expect(r).toMatchObject({ status: 403, code: "SignatureDoesNotMatch", message: MISMATCH });
    await assertNoRole(name);
    await assertNoRole(other);
  });

  it("refuses a credential scoped to another service", async () => {
    const r = await rawRequest({ baseUrl, credentials: admin, service: "s3", params: { Action: "ListRoles", Version: V } });
    expect(r).toMatchObject({ status: 403, code: "SignatureDoesNotMatch", message: "Credential should be scoped to correct service: 'iam'." });
  });

  it("refuses a malformed Authorization header", async () => {
    const res = await fetch(`${baseUrl}/api/aws`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", authorization: "AWS4-HMAC-SHA256 Credential=AKIA", "x-amz-date": "20261128T000000Z" },
      body: "Action=ListRoles&Version=2010-05-08",
    });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text).toContain("<Code>IncompleteSignature</Code>");
    expect(text).toContain("Authorization header requires &apos;Signature&apos; parameter.");
  });
});
