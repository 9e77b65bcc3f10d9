import { beforeAll, describe, expect, inject, it } from "vitest";
import {
  CreateAccessKeyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  GetContextKeysForCustomPolicyCommand,
  GetContextKeysForPrincipalPolicyCommand,
  PutUserPermissionsBoundaryCommand,
  PutUserPolicyCommand,
  SimulateCustomPolicyCommand,
  SimulatePrincipalPolicyCommand,
} from "@aws-sdk/client-iam";
import { failure, iamClient, rawRequest, splitDenial, uniqueName } from "./support/aws";
import { ConsoleClient } from "./console-client";

/**
 * The policy simulator through the official IAM client against a real server: SimulatePrincipalPolicy,
 * SimulateCustomPolicy and GetContextKeysFor…Policy with AWS's parameters, result shapes, pagination and errors,
 * the trust policy taking part for sts:AssumeRole on a role Roleplane holds (beyond AWS), and hostile input.
 */

const baseUrl = inject("baseUrl");
const admin = { accessKeyId: inject("adminAccessKeyId"), secretAccessKey: inject("adminSecretAccessKey") };
const iam = iamClient(baseUrl, admin);
const ACCT = "111111111111";
const pretty = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement }, null, 2);

const ALLOW_S3_DENY_DELETE = pretty({ Effect: "Allow", Action: "s3:*", Resource: "*" }, { Sid: "NoDelete", Effect: "Deny", Action: "s3:DeleteObject", Resource: "*" });

describe("SimulateCustomPolicy", () => {
  it("decides each action over the resources, with the deciding statement's position", async () => {
    const out = await iam.send(
      new SimulateCustomPolicyCommand({
        PolicyInputList: [ALLOW_S3_DENY_DELETE],
        ActionNames: ["s3:GetObject", "s3:DeleteObject", "iam:ListRoles"],
        ResourceArns: ["arn:aws:s3:::reports/2026.csv", "arn:aws:s3:::reports/2025.csv"],
      }),
    );
    expect(out.IsTruncated).toBe(false);
    const [get, del, list] = out.EvaluationResults!;
    expect(get).toMatchObject({ EvalActionName: "s3:GetObject", EvalDecision: "allowed", EvalResourceName: "arn:${Partition}:s3:::${BucketName}/${ObjectName}" });
    expect(get.MatchedStatements).toEqual([
      { SourcePolicyId: "PolicyInputList.1", SourcePolicyType: "none", StartPosition: { Line: 4, Column: 5 }, EndPosition: { Line: 8, Column: 6 } },
    ]);
    expect(get.ResourceSpecificResults?.map((r) => [r.EvalResourceName, r.EvalResourceDecision])).toEqual([
      ["arn:aws:s3:::reports/2026.csv", "allowed"],
      ["arn:aws:s3:::reports/2025.csv", "allowed"],
    ]);
    expect(del).toMatchObject({ EvalDecision: "explicitDeny" });
    // Only the deny decides an explicit deny; it sits on lines 9–14 of the pretty-printed policy.
    expect(del.MatchedStatements).toEqual([
      { SourcePolicyId: "PolicyInputList.1", SourcePolicyType: "none", StartPosition: { Line: 9, Column: 5 }, EndPosition: { Line: 14, Column: 6 } },
    ]);
    expect(list).toMatchObject({ EvalDecision: "implicitDeny", MatchedStatements: [] });
  });

  it("uses typed context entries and reports the keys a policy wanted and did not get", async () => {
    const policy = pretty({
      Effect: "Allow",
      Action: "s3:GetObject",
      Resource: "*",
      Condition: { IpAddress: { "aws:SourceIp": "10.0.0.0/8" }, "ForAllValues:StringEquals": { "aws:TagKeys": ["team", "env"] }, NumericLessThan: { "s3:max-keys": "10" } },
    });
    const missing = await iam.send(new SimulateCustomPolicyCommand({ PolicyInputList: [policy], ActionNames: ["s3:GetObject"] }));
    expect(missing.EvaluationResults![0]).toMatchObject({ EvalDecision: "implicitDeny", EvalResourceName: "*" });
    expect(missing.EvaluationResults![0].MissingContextValues?.sort()).toEqual(["aws:SourceIp", "aws:TagKeys", "s3:max-keys"]);
    const entries = (ip: string) => [
      { ContextKeyName: "aws:SourceIp", ContextKeyValues: [ip], ContextKeyType: "ip" as const },
      { ContextKeyName: "aws:TagKeys", ContextKeyValues: ["team", "env"], ContextKeyType: "stringList" as const },
      { ContextKeyName: "s3:max-keys", ContextKeyValues: ["5"], ContextKeyType: "numeric" as const },
    ];
    const inside = await iam.send(new SimulateCustomPolicyCommand({ PolicyInputList: [policy], ActionNames: ["s3:GetObject"], ContextEntries: entries("10.1.2.3") }));
    expect(inside.EvaluationResults![0]).toMatchObject({ EvalDecision: "allowed", MissingContextValues: [] });
    const outside = await iam.send(new SimulateCustomPolicyCommand({ PolicyInputList: [policy], ActionNames: ["s3:GetObject"], ContextEntries: entries("192.0.2.1") }));
    expect(outside.EvaluationResults![0].EvalDecision).toBe("implicitDeny");
    const bad = await failure(iam.send(new SimulateCustomPolicyCommand({ PolicyInputList: [policy], ActionNames: ["s3:GetObject"], ContextEntries: entries("not-an-ip") })));
    expect(bad).toMatchObject({ code: "InvalidInput", status: 400 });
  });

  it("evaluates a resource policy across accounts, each side in EvalDecisionDetails", async () => {
    const resourcePolicy = pretty({ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCT}:root` }, Action: "s3:GetObject", Resource: "arn:aws:s3:::partner-bucket/*" });
    const run = (policy: string) =>
      iam.send(
        new SimulateCustomPolicyCommand({
          PolicyInputList: [policy],
          ActionNames: ["s3:GetObject"],
          ResourceArns: ["arn:aws:s3:::partner-bucket/a.txt"],
          ResourcePolicy: resourcePolicy,
          ResourceOwner: "arn:aws:iam::222222222222:root",
          CallerArn: `arn:aws:iam::${ACCT}:user/sim-caller`,
        }),
      );
    const both = (await run(pretty({ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }))).EvaluationResults![0];
    expect(both.EvalDecision).toBe("allowed");
    expect(both.EvalDecisionDetails).toEqual({ "IAM Policy": "allowed", "Resource Policy": "allowed" });
    expect(both.MatchedStatements?.map((m) => m.SourcePolicyId).sort()).toEqual(["PolicyInputList.1", "ResourcePolicy"]);
    const oneSide = (await run(pretty({ Effect: "Allow", Action: "s3:PutObject", Resource: "*" }))).EvaluationResults![0];
    expect(oneSide.EvalDecision).toBe("implicitDeny");
    expect(oneSide.EvalDecisionDetails).toEqual({ "IAM Policy": "implicitDeny", "Resource Policy": "allowed" });
  });

  it("pages over the actions with MaxItems and Marker", async () => {
    const actions = ["s3:GetObject", "s3:PutObject", "s3:ListBucket", "iam:ListRoles", "iam:GetRole"];
    const seen: string[] = [];
    let Marker: string | undefined;
    do {
      const page = await iam.send(new SimulateCustomPolicyCommand({ PolicyInputList: [ALLOW_S3_DENY_DELETE], ActionNames: actions, MaxItems: 2, Marker }));
      expect(page.EvaluationResults!.length).toBeLessThanOrEqual(2);
      seen.push(...page.EvaluationResults!.map((r) => r.EvalActionName!));
      Marker = page.IsTruncated ? page.Marker : undefined;
    } while (Marker);
    expect(seen).toEqual(actions);
  });

  it("refuses what IAM refuses", async () => {
    const run = (input: Partial<ConstructorParameters<typeof SimulateCustomPolicyCommand>[0]>) =>
      failure(iam.send(new SimulateCustomPolicyCommand({ PolicyInputList: [ALLOW_S3_DENY_DELETE], ActionNames: ["s3:GetObject"], ...input })));
    expect(await run({ PolicyInputList: ["{not json"] })).toMatchObject({ code: "InvalidInput", status: 400 });
    expect(await run({ ActionNames: ["s3:Get*"] })).toMatchObject({ code: "InvalidInput" });
    expect(await run({ ActionNames: ["GetObject"] })).toMatchObject({ code: "InvalidInput" });
    expect(await run({ ResourcePolicy: pretty({ Effect: "Allow", Principal: "*", Action: "s3:*", Resource: "*" }) })).toMatchObject({ code: "InvalidInput" });
    expect(await run({ CallerArn: `arn:aws:sts::${ACCT}:assumed-role/r/s` })).toMatchObject({ code: "InvalidInput" });
    expect(await run({ ContextEntries: [{ ContextKeyName: "aws:SourceIp", ContextKeyValues: ["10.0.0.1", "10.0.0.2"], ContextKeyType: "ip" }] })).toMatchObject({ code: "InvalidInput" });
    expect(await run({ MaxItems: 0 })).toMatchObject({ code: "ValidationError" });
    expect(await run({ Marker: "garbage" })).toMatchObject({ status: 400 });
  });
});

describe("SimulatePrincipalPolicy", () => {
  let user: { name: string; arn: string };

  beforeAll(async () => {
    const name = uniqueName("sim-user");
    const created = await iam.send(new CreateUserCommand({ UserName: name }));
    user = { name, arn: created.User!.Arn! };
    await iam.send(new PutUserPolicyCommand({ UserName: name, PolicyName: "everything-s3-and-iam", PolicyDocument: pretty({ Effect: "Allow", Action: ["s3:*", "iam:*", "sts:AssumeRole"], Resource: "*" }) }));
    const boundary = await iam.send(new CreatePolicyCommand({ PolicyName: uniqueName("s3-only"), PolicyDocument: pretty({ Effect: "Allow", Action: ["s3:*", "sts:AssumeRole"], Resource: "*" }) }));
    await iam.send(new PutUserPermissionsBoundaryCommand({ UserName: name, PermissionsBoundary: boundary.Policy!.Arn! }));
  });

  it("evaluates the user's own policies within its permissions boundary", async () => {
    const out = await iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: user.arn, ActionNames: ["s3:GetObject", "iam:CreateRole"] }));
    const [s3, createRole] = out.EvaluationResults!;
    expect(s3).toMatchObject({ EvalDecision: "allowed", PermissionsBoundaryDecisionDetail: { AllowedByPermissionsBoundary: true } });
    expect(s3.MatchedStatements?.[0]).toMatchObject({ SourcePolicyId: "everything-s3-and-iam", SourcePolicyType: "user" });
    expect(createRole).toMatchObject({ EvalDecision: "implicitDeny", PermissionsBoundaryDecisionDetail: { AllowedByPermissionsBoundary: false } });
    // PolicyInputList adds to the principal's policies; PermissionsBoundaryPolicyInputList replaces its boundary.
    const replaced = await iam.send(
      new SimulatePrincipalPolicyCommand({ PolicySourceArn: user.arn, ActionNames: ["iam:CreateRole"], PermissionsBoundaryPolicyInputList: [pretty({ Effect: "Allow", Action: "iam:*", Resource: "*" })] }),
    );
    expect(replaced.EvaluationResults![0]).toMatchObject({ EvalDecision: "allowed", PermissionsBoundaryDecisionDetail: { AllowedByPermissionsBoundary: true } });
  });

  it("evaluates the role's trust policy for sts:AssumeRole on a role Roleplane holds (beyond AWS)", async () => {
    const trusting = await iam.send(
      new CreateRoleCommand({ RoleName: uniqueName("trusts-user"), AssumeRolePolicyDocument: pretty({ Effect: "Allow", Principal: { AWS: user.arn }, Action: "sts:AssumeRole", Condition: { StringEquals: { "sts:ExternalId": "ext-7" } } }) }),
    );
    const closed = await iam.send(new CreateRoleCommand({ RoleName: uniqueName("trusts-ec2"), AssumeRolePolicyDocument: pretty({ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }) }));
    const run = (ContextEntries?: { ContextKeyName: string; ContextKeyValues: string[]; ContextKeyType: "string" }[]) =>
      iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: user.arn, ActionNames: ["sts:AssumeRole"], ResourceArns: [trusting.Role!.Arn!, closed.Role!.Arn!], ContextEntries }));
    const withId = (await run([{ ContextKeyName: "sts:ExternalId", ContextKeyValues: ["ext-7"], ContextKeyType: "string" }])).EvaluationResults![0];
    expect(withId.ResourceSpecificResults?.map((r) => r.EvalResourceDecision)).toEqual(["allowed", "implicitDeny"]);
    expect(withId.ResourceSpecificResults![0].MatchedStatements).toContainEqual(expect.objectContaining({ SourcePolicyId: "AssumeRolePolicyDocument", SourcePolicyType: "resource" }));
    expect(withId.EvalDecision).toBe("implicitDeny");
    const without = (await run()).EvaluationResults![0];
    expect(without.ResourceSpecificResults![0]).toMatchObject({ EvalResourceDecision: "implicitDeny", MissingContextValues: ["sts:ExternalId"] });
  });

  it("answers NoSuchEntity for a principal that does not exist, and InvalidInput for one that cannot be a source", async () => {
    expect(await failure(iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: `arn:aws:iam::${ACCT}:user/no-such-${Date.now()}`, ActionNames: ["s3:GetObject"] })))).toMatchObject({
      code: "NoSuchEntity",
      status: 404,
    });
    expect(await failure(iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: `arn:aws:iam::222222222222:user/${user.name}`, ActionNames: ["s3:GetObject"] })))).toMatchObject({ code: "NoSuchEntity" });
    expect(await failure(iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: `arn:aws:sts::${ACCT}:assumed-role/r/s`, ActionNames: ["s3:GetObject"] })))).toMatchObject({ code: "InvalidInput" });
  });

  it("is authorized as iam:SimulatePrincipalPolicy on the principal it reads", async () => {
    const name = uniqueName("sim-nobody");
    const nobody = await iam.send(new CreateUserCommand({ UserName: name }));
    const key = await iam.send(new CreateAccessKeyCommand({ UserName: name }));
    const client = iamClient(baseUrl, { accessKeyId: key.AccessKey!.AccessKeyId!, secretAccessKey: key.AccessKey!.SecretAccessKey! });
    const err = await failure(client.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: user.arn, ActionNames: ["s3:GetObject"] })));
    expect(err.code).toBe("AccessDenied");
    expect(splitDenial(err.message).reason).toBe(
      `User: ${nobody.User!.Arn} is not authorized to perform: iam:SimulatePrincipalPolicy on resource: ${user.arn} because no identity-based policy allows the iam:SimulatePrincipalPolicy action`,
    );
  });

  it("lists the context keys of the principal's policies and of given ones", async () => {
    const keyed = pretty({ Effect: "Allow", Action: "s3:*", Resource: "arn:aws:s3:::home/${aws:username}/*", Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } });
    const custom = await iam.send(new GetContextKeysForCustomPolicyCommand({ PolicyInputList: [keyed] }));
    expect(custom.ContextKeyNames).toEqual(["aws:MultiFactorAuthPresent", "aws:username"]);
    const principal = await iam.send(
      new GetContextKeysForPrincipalPolicyCommand({ PolicySourceArn: user.arn, PolicyInputList: [pretty({ Effect: "Allow", Action: "s3:*", Resource: "*", Condition: { StringEquals: { "aws:PrincipalTag/team": "x" } } })] }),
    );
    expect(principal.ContextKeyNames).toEqual(["aws:PrincipalTag/team"]);
    expect((await failure(iam.send(new GetContextKeysForCustomPolicyCommand({ PolicyInputList: ["[]"] })))).code).toBe("InvalidInput");
  });
});

describe("hostile input to the simulator", () => {
  const params = (extra: Record<string, string>) => ({
    Action: "SimulateCustomPolicy",
    Version: "2010-05-08",
    "PolicyInputList.member.1": ALLOW_S3_DENY_DELETE,
    "ActionNames.member.1": "s3:GetObject",
    ...extra,
  });

  it("refuses an unsigned request", async () => {
    const res = await rawRequest({ baseUrl, params: params({}) });
    expect(res.status).toBe(403);
    expect(res.code).toBe("MissingAuthenticationToken");
  });

  it("keeps a __proto__ context key as data and does not pollute objects", async () => {
    const res = await rawRequest({
      baseUrl,
      credentials: admin,
      params: params({
        "ContextEntries.member.1.ContextKeyName": "__proto__",
        "ContextEntries.member.1.ContextKeyValues.member.1": "x",
        "ContextEntries.member.1.ContextKeyType": "stringList",
        "ContextEntries.member.1.__proto__.polluted": "yes",
      }),
    });
    expect([200, 400]).toContain(res.status);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const ok = await rawRequest({
      baseUrl,
      credentials: admin,
      params: params({ "ContextEntries.member.1.ContextKeyName": "__proto__", "ContextEntries.member.1.ContextKeyValues.member.1": "x", "ContextEntries.member.1.ContextKeyType": "stringList" }),
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toContain("<EvalDecision>allowed</EvalDecision>");
  });

  it("refuses deeply nested and oversized parameters", async () => {
    const nested = await rawRequest({ baseUrl, credentials: admin, params: params({ [`ContextEntries${".member.1".repeat(40)}.ContextKeyName`]: "aws:x" }) });
    expect(nested.status).toBe(400);
    const many: Record<string, string> = {};
    for (let i = 1; i <= 2000; i++) many[`ActionNames.member.${i}`] = "s3:GetObject";
    const tooMany = await rawRequest({ baseUrl, credentials: admin, params: params(many) });
    expect(tooMany.status).toBe(400);
    const huge = await rawRequest({ baseUrl, credentials: admin, params: params({ "PolicyInputList.member.1": `{"Version":"2012-10-17","Statement":[${"{}".padEnd(2_000_000, " ")}]}` }) });
    expect([400, 413]).toContain(huge.status);
    const pairs: Record<string, string> = {};
    for (let i = 1; i <= 200; i++) pairs[`ResourceArns.member.${i}`] = `arn:aws:s3:::b/${i}`;
    for (let i = 2; i <= 60; i++) pairs[`ActionNames.member.${i}`] = "s3:PutObject";
    const tooManyPairs = await rawRequest({ baseUrl, credentials: admin, params: params(pairs) });
    expect(tooManyPairs).toMatchObject({ status: 400, code: "InvalidInput" });
  });
});

describe("the console's simulator route", () => {
  const body = { PolicyInputList: [ALLOW_S3_DENY_DELETE], ActionNames: ["s3:DeleteObject"], ResourceArns: ["arn:aws:s3:::b/k"] };
  type View = { results: { decision: string; resources: { matched: { documentId: string; start: { line: number } }[]; reasons: string[] }[] }[]; documents: { id: string; text: string }[] };

  it("answers any signed-in console user, viewers too (it changes nothing), with reasons and the documents", async () => {
    const viewer = await ConsoleClient.signIn(inject("viewerEmail"), inject("viewerPassword"));
    const res = await viewer.json<View>("POST", "/api/console/simulations", body);
    expect(res.status).toBe(200);
    const [result] = res.body.results;
    expect(result.decision).toBe("explicitDeny");
    expect(result.resources[0].matched[0]).toMatchObject({ documentId: "PolicyInputList.1", start: { line: 9 } });
    expect(result.resources[0].reasons[0]).toMatch(/^Explicitly denied/);
    expect(res.body.documents).toEqual([expect.objectContaining({ id: "PolicyInputList.1", text: ALLOW_S3_DENY_DELETE })]);
  });

  it("refuses the signed-out and bad input in AWS's terms", async () => {
    const signedOut = await fetch(`${baseUrl}/api/console/simulations`, { method: "POST", headers: { "content-type": "application/json", origin: baseUrl }, body: JSON.stringify(body) });
    expect(signedOut.status).toBe(401);
    const admin = await ConsoleClient.signIn(inject("adminEmail"), inject("adminPassword"));
    expect((await admin.json<{ error: { code: string } }>("POST", "/api/console/simulations", { ...body, ActionNames: "s3:GetObject" })).body.error.code).toBe("ValidationError");
    expect((await admin.json<{ error: { code: string } }>("POST", "/api/console/simulations", { ...body, ActionNames: ["s3:*"] })).body.error.code).toBe("InvalidInput");
    const proto = await admin.json<View>("POST", "/api/console/simulations", JSON.parse(`{"__proto__":{"polluted":1},"PolicyInputList":${JSON.stringify([ALLOW_S3_DENY_DELETE])},"ActionNames":["s3:GetObject"]}`));
    expect(proto.status).toBe(200);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
