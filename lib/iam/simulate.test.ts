import { beforeAll, describe, expect, it } from "vitest";
import { useFreshTestDb } from "@/lib/db/test-db";
import type { RequestContext } from "./context";
import * as roles from "./roles";
import * as users from "./users";
import { contextKeysOf, simulatePolicies, type SimulationRequest } from "./simulate";
import { contextOfEntries } from "./simulation-input";
import { refusal } from "./test-helpers";

const ACCT = "111111111111";
const ctx: RequestContext = { accountId: ACCT, actor: "tester@example.com", source: "console", requestId: "r-sim" };
const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement }, null, 2);
const base: SimulationRequest = { accountId: ACCT, policyInputList: [], actionNames: [] };

beforeAll(useFreshTestDb);

describe("simulatePolicies", () => {
  it("explains a denial with the deciding statement's position in its policy", async () => {
    const policy = doc({ Effect: "Allow", Action: "s3:*", Resource: "*" }, { Sid: "NoDelete", Effect: "Deny", Action: "s3:DeleteObject", Resource: "*" });
    const out = await simulatePolicies({ ...base, policyInputList: [policy], actionNames: ["s3:GetObject", "s3:DeleteObject"], resourceArns: ["arn:aws:s3:::b/k"] });
    expect(out.results.map((r) => [r.action, r.decision])).toEqual([
      ["s3:GetObject", "allowed"],
      ["s3:DeleteObject", "explicitDeny"],
    ]);
    const deny = out.results[1];
    expect(deny.matched).toEqual([{ documentId: "PolicyInputList.1", sourcePolicyId: "PolicyInputList.1", sourcePolicyType: "none", start: { line: 9, column: 5 }, end: { line: 14, column: 6 } }]);
    expect(deny.resourceName).toBe("arn:${Partition}:s3:::${BucketName}/${ObjectName}");
    expect(deny.resources[0]).toMatchObject({ resource: "arn:aws:s3:::b/k", decision: "explicitDeny", details: {} });
  });

  it("lists the context keys a condition wanted and did not get, and uses the typed ones it got", async () => {
    const policy = doc({ Effect: "Allow", Action: "s3:GetObject", Resource: "*", Condition: { IpAddress: { "aws:SourceIp": "10.0.0.0/8" }, NumericLessThan: { "s3:max-keys": "10" } } });
    const missing = await simulatePolicies({ ...base, policyInputList: [policy], actionNames: ["s3:GetObject"] });
    expect(missing.results[0]).toMatchObject({ decision: "implicitDeny", missing: ["aws:SourceIp", "s3:max-keys"], resourceName: "*", details: undefined });
    const given = await simulatePolicies({
      ...base,
      policyInputList: [policy],
      actionNames: ["s3:GetObject"],
      contextEntries: [
        { ContextKeyName: "aws:SourceIp", ContextKeyValues: ["10.1.2.3"], ContextKeyType: "ip" },
        { ContextKeyName: "s3:max-keys", ContextKeyValues: ["5"], ContextKeyType: "numeric" },
      ],
    });
    expect(given.results[0]).toMatchObject({ decision: "allowed", missing: [] });
    const bad = await refusal(simulatePolicies({ ...base, policyInputList: [policy], actionNames: ["s3:GetObject"], contextEntries: [{ ContextKeyName: "aws:SourceIp", ContextKeyValues: ["nope"], ContextKeyType: "ip" }] }));
    expect(bad.code).toBe("InvalidInput");
  });

  it("evaluates a role's trust policy for sts:AssumeRole on a role it holds, as STS does", async () => {
    const alice = await users.createUser(ctx, { UserName: "sim-alice" });
    const role = await roles.createRole(ctx, {
      RoleName: "sim-target",
      AssumeRolePolicyDocument: doc({ Effect: "Allow", Principal: { AWS: alice.arn }, Action: "sts:AssumeRole", Condition: { StringEquals: { "sts:ExternalId": "ext-1" } } }),
    });
    const run = (values: string[]) =>
      simulatePolicies({
        ...base,
        source: { kind: "arn", arn: alice.arn },
        trust: true,
        actionNames: ["sts:AssumeRole"],
        resourceArns: [role.arn],
        contextEntries: values.length ? [{ ContextKeyName: "sts:ExternalId", ContextKeyValues: values, ContextKeyType: "string" }] : [],
      });
    const allowed = await run(["ext-1"]);
    expect(allowed.results[0].resources[0]).toMatchObject({ decision: "allowed", trustEvaluated: true });
    expect(allowed.results[0].matched[0]).toMatchObject({ sourcePolicyId: "AssumeRolePolicyDocument", sourcePolicyType: "resource" });
    const refused = await run([]);
    expect(refused.results[0]).toMatchObject({ decision: "implicitDeny", missing: ["sts:ExternalId"] });
  });

  it("pages over actions and refuses what IAM refuses", async () => {
    const policy = doc({ Effect: "Allow", Action: "*", Resource: "*" });
    const first = await simulatePolicies({ ...base, policyInputList: [policy], actionNames: ["s3:GetObject", "s3:PutObject", "iam:ListRoles"], page: { maxItems: 2 } });
    expect(first.results).toHaveLength(2);
    expect(first.isTruncated).toBe(true);
    const rest = await simulatePolicies({ ...base, policyInputList: [policy], actionNames: ["s3:GetObject", "s3:PutObject", "iam:ListRoles"], page: { maxItems: 2, marker: first.marker } });
    expect(rest.results.map((r) => r.action)).toEqual(["iam:ListRoles"]);
    expect((await refusal(simulatePolicies({ ...base, source: { kind: "arn", arn: `arn:aws:iam::${ACCT}:user/nobody-here` }, actionNames: ["s3:GetObject"] }))).code).toBe("NoSuchEntity");
    expect((await refusal(simulatePolicies({ ...base, policyInputList: ["{"], actionNames: ["s3:GetObject"] }))).code).toBe("InvalidInput");
    expect((await refusal(simulatePolicies({ ...base, policyInputList: [policy], actionNames: ["s3:Get*"] }))).code).toBe("InvalidInput");
    expect((await refusal(simulatePolicies({ ...base, policyInputList: [policy], actionNames: ["s3:GetObject"], resourcePolicy: "[]", callerArn: `arn:aws:iam::${ACCT}:user/x` }))).code).toBe("PolicyEvaluation");
  });

  it("collects the context keys of a principal's policies", async () => {
    const keys = await contextKeysOf(ACCT, undefined, [doc({ Effect: "Allow", Action: "s3:*", Resource: "arn:aws:s3:::b/${aws:username}/*", Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } })]);
    expect(keys).toEqual(["aws:MultiFactorAuthPresent", "aws:username"]);
  });

  it("keeps a context key named __proto__ as a key, not as the context's prototype", () => {
    const context = contextOfEntries([
      { ContextKeyName: "__proto__", ContextKeyValues: ["x"], ContextKeyType: "stringList" },
      { ContextKeyName: "aws:SourceIp", ContextKeyValues: ["10.0.0.1"], ContextKeyType: "ip" },
    ]);
    expect(Object.getPrototypeOf(context)).toBe(Object.prototype);
    expect(Object.keys(context)).toEqual(["__proto__", "aws:SourceIp"]);
    expect(Object.getOwnPropertyDescriptor(context, "__proto__")?.value).toEqual(["x"]);
  });
});
