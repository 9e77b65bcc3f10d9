import { beforeAll, describe, expect, it } from "vitest";
import { useFreshTestDb } from "@/lib/db/test-db";
import * as policies from "./policies";
import * as roles from "./roles";
import type { RequestContext } from "./context";
import { refusal } from "./test-helpers";

const ctx: RequestContext = { accountId: "111111111111", actor: "tester@example.com", source: "api", requestId: "r-3" };
const doc = (action: string) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: action, Resource: "*" }] });


beforeAll(useFreshTestDb);

describe("customer managed policies", () => {
  it("creates a policy with an ANPA id and version v1", async () => {
    const p = await policies.createPolicy(ctx, { PolicyName: "read-logs", PolicyDocument: doc("logs:GetLogEvents") });
    expect(p.id).toMatch(/^ANPA[A-Z0-9]{17}$/);
    expect(p.arn).toBe("arn:aws:iam::111111111111:policy/read-logs");
    expect(p.defaultVersionId).toBe("v1");
    expect(p.awsManaged).toBe(false);
  });

  it("refuses a policy naming a principal, with IAM's message", async () => {
    const bad = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "*" }] });
    const err = await refusal(policies.createPolicy(ctx, { PolicyName: "bad", PolicyDocument: bad }));
    expect(err.code).toBe("MalformedPolicyDocument");
    expect(err.message).toBe("Policy document should not specify a principal.");
  });

  it("keeps at most five versions", async () => {
    const { arn } = await policies.createPolicy(ctx, { PolicyName: "versioned", PolicyDocument: doc("logs:GetLogEvents") });
    for (let i = 2; i <= 5; i++) await policies.createPolicyVersion(ctx, arn, doc("logs:GetLogEvents"), i === 5);
    expect((await policies.getPolicy(ctx, arn)).defaultVersionId).toBe("v5");
    expect((await refusal(policies.createPolicyVersion(ctx, arn, doc("logs:*"), true))).code).toBe("LimitExceeded");
    const saved = await policies.savePolicyDocument(ctx, arn, doc("logs:*"));
    expect(saved.versionId).toBe("v6");
    expect((await policies.listPolicyVersions(ctx, arn)).map((v) => v.versionId)).toEqual(["v6", "v5", "v4", "v3", "v2"]);
  });

  it("refuses to delete a policy that is attached", async () => {
    await policies.createPolicy(ctx, { PolicyName: "attached", PolicyDocument: doc("s3:GetObject") });
    await roles.createRole(ctx, {
      RoleName: "holder",
      AssumeRolePolicyDocument: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }] }),
    });
    const arn = "arn:aws:iam::111111111111:policy/attached";
    await roles.rolePermissions.attachPolicy(ctx, "holder", arn);
    expect((await refusal(policies.deletePolicyWithVersions(ctx, arn))).message).toBe("Cannot delete a policy attached to entities.");
    expect((await policies.listEntitiesForPolicy(ctx, arn)).roles.map((r) => r.name)).toEqual(["holder"]);
    await roles.rolePermissions.detachPolicy(ctx, "holder", arn);
    await policies.deletePolicyWithVersions(ctx, arn);
    expect((await refusal(policies.getPolicy(ctx, arn))).code).toBe("NoSuchEntity");
  });

  it("never lets an account modify the AWS-managed catalogue", async () => {
    const err = await refusal(policies.savePolicyDocument(ctx, "arn:aws:iam::aws:policy/ReadOnlyAccess", doc("*")));
    expect(err.code).toBe("UnmodifiableEntity");
  });

  it("lists by scope", async () => {
    const local = await policies.listPolicies(ctx, { scope: "Local" });
    expect(local.items.every((p) => !p.awsManaged)).toBe(true);
    const aws = await policies.listPolicies(ctx, { scope: "AWS", search: "readonly" });
    expect(aws.items.map((p) => p.name)).toEqual(["AmazonS3ReadOnlyAccess", "ReadOnlyAccess"]);
  });
});

describe("listPolicies sorting", () => {
  const other = { ...ctx, accountId: "222222222222" };
  const listed = async (o: Parameters<typeof policies.listPolicies>[1]) =>
    (await policies.listPolicies(other, { search: "readonly", ...o })).items.map((p) => `${p.awsManaged ? "aws" : "customer"}:${p.name}`);

  beforeAll(async () => {
    // A customer policy may share its name with an AWS managed one.
    for (const name of ["ReadOnlyAccess", "BucketReadOnly"]) await policies.createPolicy(other, { PolicyName: name, PolicyDocument: doc("s3:GetObject") });
  });

  it("orders by name by default, the same name in one order every time", async () => {
    const byName = ["aws:AmazonS3ReadOnlyAccess", "customer:BucketReadOnly", "customer:ReadOnlyAccess", "aws:ReadOnlyAccess"];
    expect(await listed({})).toEqual(byName);
    expect(await listed({ sort: "name", order: "desc" })).toEqual(["customer:ReadOnlyAccess", "aws:ReadOnlyAccess", "customer:BucketReadOnly", "aws:AmazonS3ReadOnlyAccess"]);
  });

  it("orders by type, AWS managed first when ascending, then by name ascending", async () => {
    expect(await listed({ sort: "type" })).toEqual(["aws:AmazonS3ReadOnlyAccess", "aws:ReadOnlyAccess", "customer:BucketReadOnly", "customer:ReadOnlyAccess"]);
    expect(await listed({ sort: "type", order: "desc" })).toEqual(["customer:BucketReadOnly", "customer:ReadOnlyAccess", "aws:AmazonS3ReadOnlyAccess", "aws:ReadOnlyAccess"]);
  });
});

describe("AWS-managed policies seen from two accounts", () => {
  it("count only the caller's own attachments and boundaries, as IAM's GetPolicy does", async () => {
    const partner: RequestContext = { ...ctx, accountId: "222222222222" };
    const trust = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }] });
    const arn = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    await roles.createRole(ctx, { RoleName: "reader-here", AssumeRolePolicyDocument: trust });
    await roles.rolePermissions.attachPolicy(ctx, "reader-here", arn);
    await roles.createRole(partner, { RoleName: "reader-there", AssumeRolePolicyDocument: trust, PermissionsBoundary: arn });
    await roles.rolePermissions.attachPolicy(partner, "reader-there", arn);
    await roles.createRole(partner, { RoleName: "reader-there-2", AssumeRolePolicyDocument: trust });
    await roles.rolePermissions.attachPolicy(partner, "reader-there-2", arn);

    const here = await policies.getPolicy(ctx, arn);
    expect([here.attachmentCount, here.permissionsBoundaryUsageCount]).toEqual([1, 0]);
    const there = await policies.getPolicy(partner, arn);
    expect([there.attachmentCount, there.permissionsBoundaryUsageCount]).toEqual([2, 1]);

    // The list answers the same, and OnlyAttached means attached in the caller's account.
    await roles.rolePermissions.attachPolicy(ctx, "reader-here", "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess");
    const listed = async (c: RequestContext) =>
      (await policies.listPolicies(c, { scope: "AWS", onlyAttached: true })).items.map((p) => [p.name, p.attachmentCount, p.permissionsBoundaryUsageCount]);
    expect(await listed(ctx)).toContainEqual(["ReadOnlyAccess", 1, 0]);
    expect(await listed(partner)).toEqual([["ReadOnlyAccess", 2, 1]]);
  });
});
