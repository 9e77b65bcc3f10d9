import { describe, expect, inject, it } from "vitest";
import {
  AttachRolePolicyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  DeletePolicyCommand,
  DeleteRoleCommand,
  DetachRolePolicyCommand,
  GetRoleCommand,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
  ListRolesCommand,
  PutRolePolicyCommand,
  UpdateAssumeRolePolicyCommand,
  UpdateRoleCommand,
  type CreateRoleCommandInput,
} from "@aws-sdk/client-iam";
import { failure, iamClient, identityPolicy, rawRequest, trustPolicy, uniqueName } from "./support/aws";

const baseUrl = inject("baseUrl");
const credentials = { accessKeyId: inject("adminAccessKeyId"), secretAccessKey: inject("adminSecretAccessKey") };
const iam = iamClient(baseUrl, credentials);
const V = "2010-05-08";

async function assertNoRole(name: string) {
  expect((await failure(iam.send(new GetRoleCommand({ RoleName: name })))).code).toBe("NoSuchEntity");
}

describe("CreateRole refuses bad input with AWS's error and creates nothing", () => {
  const name = uniqueName("bad");
  const cases: { title: string; input: Partial<CreateRoleCommandInput>; code: string; status: number; message: string | RegExp }[] = [
    {
      title: "a name longer than 64 characters",
      input: { RoleName: "r".repeat(65) },
      code: "ValidationError",
      status: 400,
      message: `1 validation error detected: Value '${"r".repeat(65)}' at 'roleName' failed to satisfy constraint: Member must have length less than or equal to 64`,
    },
    {
      title: "a name with characters IAM does not allow",
      input: { RoleName: "bad name!" },
      code: "ValidationError",
      status: 400,
      message:
        "1 validation error detected: Value 'bad name!' at 'roleName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+",
    },
    {
      title: "a path without slashes",
      input: { Path: "team" },
      code: "ValidationError",
      status: 400,
      message: /^1 validation error detected: Value 'team' at 'path' failed to satisfy constraint: Member must satisfy regular expression pattern/,
    },
    {
      title: "the service-linked role path",
      input: { Path: "/aws-service-role/ecs.amazonaws.com/" },
      code: "InvalidInput",
      status: 400,
      message: "Path prefix '/aws-service-role/' can only be used for AWS Service linked Roles",
    },
    {
      title: "a description over 1000 characters",
      input: { Description: "d".repeat(1001) },
      code: "ValidationError",
      status: 400,
      message: /at 'description' failed to satisfy constraint: Member must have length less than or equal to 1000$/,
    },
    {
      title: "a session duration under an hour",
      input: { MaxSessionDuration: 3599 },
      code: "ValidationError",
      status: 400,
      message:
        "1 validation error detected: Value '3599' at 'maxSessionDuration' failed to satisfy constraint: Member must have value greater than or equal to 3600",
    },
    {
      title: "a session duration over 12 hours",
      input: { MaxSessionDuration: 43201 },
      code: "ValidationError",
      status: 400,
      message:
        "1 validation error detected: Value '43201' at 'maxSessionDuration' failed to satisfy constraint: Member must have value less than or equal to 43200",
    },
    {
      title: "a trust policy that is not JSON",
      input: { AssumeRolePolicyDocument: '{"Version": "2012-10-17", "Statement": [' },
      code: "MalformedPolicyDocument",
      status: 400,
      message: "This policy contains invalid Json",
    },
    {
      title: "a trust policy granting a non-STS action",
      input: {
        AssumeRolePolicyDocument: JSON.stringify({
          Version: "2012-10-17",
          Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "s3:GetObject" }],
        }),
      },
      code: "MalformedPolicyDocument",
      status: 400,
      message: "AssumeRole policy may only specify STS AssumeRole actions.",
    },
    {
      title: "more than 50 tags",
      input: { Tags: Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: "v" })) },
      code: "ValidationError",
      status: 400,
      message: /at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50$/,
    },
    {
      title: "tag keys that repeat ignoring case",
      input: {
        Tags: [
          { Key: "Team", Value: "a" },
          { Key: "team", Value: "b" },
        ],
      },
      code: "InvalidInput",
      status: 400,
      message: "Duplicate tag keys found. Please note that Tag keys are case insensitive.",
    },
    {
      title: "a boundary that does not exist",
      input: { PermissionsBoundary: "arn:aws:iam::111111111111:policy/does-not-exist" },
      code: "NoSuchEntity",
      status: 404,
      message: "Scope ARN: arn:aws:iam::111111111111:policy/does-not-exist does not exist or is not attachable.",
    },
  ];

  for (const c of cases) {
    it(`refuses ${c.title}`, async () => {
      const path = `/${uniqueName("bad")}/`;
      const input = { RoleName: name, Path: path, AssumeRolePolicyDocument: trustPolicy(), ...c.input } as CreateRoleCommandInput;
      const f = await failure(iam.send(new CreateRoleCommand(input)));
      expect(f.code).toBe(c.code);
      expect(f.status).toBe(c.status);
      if (typeof c.message === "string") expect(f.message).toBe(c.message);
      else expect(f.message).toMatch(c.message);
      // Nothing was created: not under the path we asked for, nor under the name (when the name is valid).
      expect((await iam.send(new ListRolesCommand({ PathPrefix: path }))).Roles).toEqual([]);
      if (input.RoleName === name) await assertNoRole(name);
    });
  }

  it("refuses a second role whose name differs only in case, and keeps the first", async () => {
    const first = uniqueName("dup");
    await iam.send(new CreateRoleCommand({ RoleName: first, Path: "/one/", AssumeRolePolicyDocument: trustPolicy() }));
    const f = await failure(
      iam.send(new CreateRoleCommand({ RoleName: first.toUpperCase(), Path: "/two/", AssumeRolePolicyDocument: trustPolicy() })),
    );
    expect(f).toEqual({ code: "EntityAlreadyExists", status: 409, message: `Role with name ${first.toUpperCase()} already exists.` });
    const kept = (await iam.send(new GetRoleCommand({ RoleName: first }))).Role!;
    expect(kept).toMatchObject({ RoleName: first, Path: "/one/" });
    await iam.send(new DeleteRoleCommand({ RoleName: first }));
  });
});

describe("the Query protocol's own refusals", () => {
  it("answers a missing required parameter with ValidationError naming it null", async () => {
    const name = uniqueName("missing");
    const r = await rawRequest({
      baseUrl,
      credentials,
      params: { Action: "CreateRole", Version: V, AssumeRolePolicyDocument: trustPolicy(), Path: `/${name}/` },
    });
    expect(r.status).toBe(400);
    expect(r.code).toBe("ValidationError");
    expect(r.message).toBe("1 validation error detected: Value null at 'roleName' failed to satisfy constraint: Member must not be null");
    expect((await iam.send(new ListRolesCommand({ PathPrefix: `/${name}/` }))).Roles).toEqual([]);

    const both = await rawRequest({ baseUrl, credentials, params: { Action: "CreateRole", Version: V } });
    expect(both.message).toBe(
      "2 validation errors detected: Value null at 'roleName' failed to satisfy constraint: Member must not be null; " +
        "Value null at 'assumeRolePolicyDocument' failed to satisfy constraint: Member must not be null",
    );
  });

  it("answers an unknown action, a wrong version and no action at all", async () => {
    const unknown = await rawRequest({ baseUrl, credentials, params: { Action: "DescribeRoles", Version: V } });
    expect(unknown).toMatchObject({
      status: 400,
      code: "InvalidAction",
      message: "Could not find operation DescribeRoles for version 2010-05-08",
    });
    const version = await rawRequest({ baseUrl, credentials, params: { Action: "ListRoles", Version: "2011-06-15" } });
    expect(version).toMatchObject({ status: 400, code: "InvalidAction", message: "Could not find operation ListRoles for version 2011-06-15" });
    const noVersion = await rawRequest({ baseUrl, credentials, params: { Action: "ListRoles" } });
    expect(noVersion.message).toBe("Could not find operation ListRoles for version NO_VERSION_SPECIFIED");
    const none = await rawRequest({ baseUrl, credentials, params: { Version: V } });
    expect(none).toMatchObject({ status: 400, code: "MissingAction" });
  });

  it("renders errors in the XML envelope with a request id", async () => {
    const r = await rawRequest({ baseUrl, credentials, params: { Action: "GetRole", Version: V, RoleName: "no-such-role-here" } });
    expect(r.status).toBe(404);
    expect(r.body).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<ErrorResponse xmlns="https:\/\/iam.amazonaws.com\/doc\/2010-05-08\/"><Error><Type>Sender<\/Type><Code>NoSuchEntity<\/Code><Message>The role with name no-such-role-here cannot be found.<\/Message><\/Error><RequestId>[0-9a-f-]{36}<\/RequestId><\/ErrorResponse>$/,
    );
  });

  it("accepts GET with the parameters in the query string, as AWS does", async () => {
    const r = await rawRequest({ baseUrl, credentials, method: "GET", params: { Action: "ListRoles", Version: V, MaxItems: "1" } });
    expect(r.status).toBe(200);
    expect(r.body).toContain("<ListRolesResponse");
  });

  it("refuses a malformed MaxItems", async () => {
    const zero = await failure(iam.send(new ListRolesCommand({ MaxItems: 0 })));
    expect(zero).toEqual({
      code: "ValidationError",
      status: 400,
      message: "1 validation error detected: Value '0' at 'maxItems' failed to satisfy constraint: Member must have value greater than or equal to 1",
    });
    const text = await rawRequest({ baseUrl, credentials, params: { Action: "ListRoles", Version: V, MaxItems: "ten" } });
    expect(text).toMatchObject({ status: 400, code: "ValidationError" });
  });
});

describe("changes to an existing role that IAM refuses leave it as it was", () => {
  it("keeps the role through refused updates, policy documents and quotas", async () => {
    const name = uniqueName("keep");
    const trust = trustPolicy();
    await iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: trust, MaxSessionDuration: 7200 }));

    const update = await failure(iam.send(new UpdateRoleCommand({ RoleName: name, MaxSessionDuration: 50000 })));
    expect(update.code).toBe("ValidationError");
    const badTrust = await failure(iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: name, PolicyDocument: "not json" })));
    expect(badTrust).toMatchObject({ code: "MalformedPolicyDocument", status: 400 });
    const role = (await iam.send(new GetRoleCommand({ RoleName: name }))).Role!;
    expect(role.MaxSessionDuration).toBe(7200);
    expect(decodeURIComponent(role.AssumeRolePolicyDocument!)).toBe(trust);

    const badInline = await failure(
      iam.send(new PutRolePolicyCommand({ RoleName: name, PolicyName: "p", PolicyDocument: '{"Version":"2012-10-17"' })),
    );
    expect(badInline).toMatchObject({ code: "MalformedPolicyDocument", status: 400 });
    // Aggregate inline policy size per role is 10,240 characters, whitespace not counted.
    const big = JSON.stringify({
      Version: "2012-10-17",
      Statement: Array.from({ length: 200 }, (_, i) => ({ Sid: `S${i}`, Effect: "Allow", Action: "s3:GetObject", Resource: `arn:aws:s3:::bucket-${i}/*` })),
    });
    const tooBig = await failure(iam.send(new PutRolePolicyCommand({ RoleName: name, PolicyName: "big", PolicyDocument: big })));
    expect(tooBig).toEqual({ code: "LimitExceeded", status: 409, message: `Maximum policy size of 10240 bytes exceeded for role ${name}` });
    expect((await iam.send(new ListRolePoliciesCommand({ RoleName: name }))).PolicyNames).toEqual([]);

    const missingPolicy = await failure(
      iam.send(new AttachRolePolicyCommand({ RoleName: name, PolicyArn: "arn:aws:iam::aws:policy/NoSuchPolicyAnywhere" })),
    );
    expect(missingPolicy).toEqual({
      code: "NoSuchEntity",
      status: 404,
      message: "Policy arn:aws:iam::aws:policy/NoSuchPolicyAnywhere does not exist or is not attachable.",
    });
    await iam.send(new DeleteRoleCommand({ RoleName: name }));
  });

  it("refuses an eleventh managed policy with LimitExceeded", async () => {
    const name = uniqueName("quota");
    await iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: trustPolicy() }));
    const arns: string[] = [];
    for (let i = 0; i < 11; i++) {
      const p = await iam.send(new CreatePolicyCommand({ PolicyName: uniqueName(`q${i}`), PolicyDocument: identityPolicy() }));
      arns.push(p.Policy!.Arn!);
    }
    for (const arn of arns.slice(0, 10)) await iam.send(new AttachRolePolicyCommand({ RoleName: name, PolicyArn: arn }));
    const f = await failure(iam.send(new AttachRolePolicyCommand({ RoleName: name, PolicyArn: arns[10] })));
    expect(f).toEqual({ code: "LimitExceeded", status: 409, message: "Cannot exceed quota for PoliciesPerRole: 10" });
    const attached = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: name }));
    expect(attached.AttachedPolicies!.map((a) => a.PolicyArn).sort()).toEqual(arns.slice(0, 10).sort());

    for (const arn of arns.slice(0, 10)) await iam.send(new DetachRolePolicyCommand({ RoleName: name, PolicyArn: arn }));
    for (const arn of arns) await iam.send(new DeletePolicyCommand({ PolicyArn: arn }));
    await iam.send(new DeleteRoleCommand({ RoleName: name }));
  });

  it("answers NoSuchEntity for every action on a role that does not exist", async () => {
    const ghost = uniqueName("ghost");
    const calls = [
      iam.send(new UpdateRoleCommand({ RoleName: ghost, Description: "x" })),
      iam.send(new DeleteRoleCommand({ RoleName: ghost })),
      iam.send(new PutRolePolicyCommand({ RoleName: ghost, PolicyName: "p", PolicyDocument: identityPolicy() })),
      iam.send(new AttachRolePolicyCommand({ RoleName: ghost, PolicyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" })),
    ];
    // Awaited together: a call that fails while an earlier one is still awaited would be an unhandled rejection.
    for (const f of await Promise.all(calls.map(failure)))
      expect(f).toEqual({ code: "NoSuchEntity", status: 404, message: `The role with name ${ghost} cannot be found.` });
  });
});
