import { beforeAll, describe, expect, it } from "vitest";
import { useFreshTestDb } from "@/lib/db/test-db";
import { getDb } from "@/lib/db/client";
import * as roles from "./roles";
import { listAuditEvents } from "./audit";
import type { RequestContext } from "./context";
import { refusal } from "./test-helpers";

const ctx: RequestContext = { accountId: "111111111111", actor: "tester@example.com", source: "console", requestId: "r-1" };
const trust = (principal: object, extra: object = {}) =>
  JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: principal, Action: "sts:AssumeRole", ...extra }] });
const ec2Trust = trust({ Service: "ec2.amazonaws.com" });


beforeAll(useFreshTestDb);

describe("createRole", () => {
  it("creates a role with AWS identifiers and defaults", async () => {
    const role = await roles.createRole(ctx, { RoleName: "plain", AssumeRolePolicyDocument: ec2Trust });
    expect(role.id).toMatch(/^AROA[A-Z0-9]{17}$/);
    expect(role.arn).toBe("arn:aws:iam::111111111111:role/plain");
    expect(role.maxSessionDuration).toBe(3600);
    expect(role.description).toBeNull();
    expect(role.path).toBe("/");
  });

  it("includes the path in the ARN", async () => {
    const role = await roles.createRole(ctx, { RoleName: "deep", Path: "/a/b/", AssumeRolePolicyDocument: ec2Trust });
    expect(role.arn).toBe("arn:aws:iam::111111111111:role/a/b/deep");
  });

  it("treats names as equal ignoring case", async () => {
    await roles.createRole(ctx, { RoleName: "web", AssumeRolePolicyDocument: ec2Trust });
    const err = await refusal(roles.createRole(ctx, { RoleName: "WEB", AssumeRolePolicyDocument: ec2Trust }));
    expect(err.code).toBe("EntityAlreadyExists");
    expect(err.message).toBe("Role with name WEB already exists.");
    expect((await roles.getRole(ctx, "Web")).name).toBe("web");
  });

  it("reserves the service-linked path", async () => {
    const err = await refusal(roles.createRole(ctx, { RoleName: "x", Path: "/aws-service-role/ecs.amazonaws.com/", AssumeRolePolicyDocument: ec2Trust }));
    expect(err.message).toBe("Path prefix '/aws-service-role/' can only be used for AWS Service linked Roles");
  });

  it("refuses duplicate tag keys ignoring case and writes nothing", async () => {
    const err = await refusal(
      roles.createRole(ctx, { RoleName: "tagged", AssumeRolePolicyDocument: ec2Trust, Tags: [{ Key: "a", Value: "1" }, { Key: "A", Value: "2" }] }),
    );
    expect(err.code).toBe("InvalidInput");
    expect((await refusal(roles.getRole(ctx, "tagged"))).code).toBe("NoSuchEntity");
  });

  it("refuses a malformed trust policy with IAM's words", async () => {
    const err = await refusal(roles.createRole(ctx, { RoleName: "bad", AssumeRolePolicyDocument: "not json" }));
    expect(err.code).toBe("MalformedPolicyDocument");
  });

  it("refuses a boundary that is not a policy ARN", async () => {
    const err = await refusal(
      roles.createRole(ctx, { RoleName: "bounded", AssumeRolePolicyDocument: ec2Trust, PermissionsBoundary: "arn:aws:iam::123456789:not_a_boundary" }),
    );
    expect(err.message).toBe("Value (arn:aws:iam::123456789:not_a_boundary) for parameter PermissionsBoundary is invalid.");
    expect(err.field).toBe("PermissionsBoundary");
  });

  it("names the member each refusal is about, so the console can show it beside its field", async () => {
    const fieldOf = async (input: Partial<Parameters<typeof roles.createRole>[1]>) =>
      (await refusal(roles.createRole(ctx, { RoleName: "blamed", AssumeRolePolicyDocument: ec2Trust, ...input }))).field;
    await roles.createRole(ctx, { RoleName: "taken", AssumeRolePolicyDocument: ec2Trust });
    expect(await fieldOf({ RoleName: "TAKEN" })).toBe("RoleName");
    expect(await fieldOf({ Path: "/aws-service-role/x/" })).toBe("Path");
    expect(await fieldOf({ Tags: [{ Key: "a", Value: "" }, { Key: "A", Value: "" }] })).toBe("Tags");
    expect(await fieldOf({ AssumeRolePolicyDocument: trust({ AWS: "arn:aws:iam::111111111111:user/nobody" }) })).toBe("AssumeRolePolicyDocument");
    expect(await fieldOf({ PolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::aws:policy/NoSuchPolicy"] })).toBe("PolicyArns.1");
  });
});

describe("createRole with its permissions, as the console sends it", () => {
  const inline = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] });

  it("attaches the managed policies and puts the inline ones in the one CreateRole change", async () => {
    const role = await roles.createRole(ctx, {
      RoleName: "complete",
      AssumeRolePolicyDocument: ec2Trust,
      PermissionsBoundary: "arn:aws:iam::aws:policy/AdministratorAccess",
      Tags: [{ Key: "team", Value: "a" }],
      PolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"],
      InlinePolicies: [{ PolicyName: "read-objects", PolicyDocument: inline }],
    });
    expect(role.tags).toEqual([{ Key: "team", Value: "a" }]);
    expect(role.permissionsBoundaryArn).toBe("arn:aws:iam::aws:policy/AdministratorAccess");
    expect((await roles.rolePermissions.listAttachedPolicies(ctx, "complete")).items.map((p) => p.policyName)).toEqual(["ReadOnlyAccess", "AmazonS3ReadOnlyAccess"]);
    expect((await roles.rolePermissions.getPolicy(ctx, "complete", "read-objects")).document).toBe(inline);
    expect((await listAuditEvents({ target: role.arn })).map((e) => e.action)).toEqual(["CreateRole"]);
  });

  it("leaves no role behind when the last step is refused", async () => {
    const err = await refusal(
      roles.createRole(ctx, {
        RoleName: "half-made",
        AssumeRolePolicyDocument: ec2Trust,
        Tags: [{ Key: "team", Value: "a" }],
        PolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"],
        InlinePolicies: [{ PolicyName: "fine", PolicyDocument: inline }, { PolicyName: "broken", PolicyDocument: '{"Version": "2012-10-17", "Statement": [' }],
      }),
    );
    expect(err.code).toBe("MalformedPolicyDocument");
    expect(err.field).toBe("InlinePolicies.1.PolicyDocument");
    expect((await refusal(roles.getRole(ctx, "half-made"))).code).toBe("NoSuchEntity");
    expect(await getDb().rolePolicyAttachment.count({ where: { role: { name: "half-made" } } })).toBe(0);
    expect(await getDb().roleInlinePolicy.count({ where: { role: { name: "half-made" } } })).toBe(0);
    const events = await listAuditEvents({ target: "arn:aws:iam::111111111111:role/half-made" });
    expect(events.map((e) => [e.action, e.outcome, e.errorCode])).toEqual([["CreateRole", "Failure", "MalformedPolicyDocument"]]);
  });
});

describe("policies on a role", () => {
  it("attaches a policy once however often it is asked, and refuses one that does not exist", async () => {
    await roles.createRole(ctx, { RoleName: "twice", AssumeRolePolicyDocument: ec2Trust });
    await roles.rolePermissions.attachPolicy(ctx, "twice", "arn:aws:iam::aws:policy/ReadOnlyAccess");
    await roles.rolePermissions.attachPolicy(ctx, "twice", "arn:aws:iam::aws:policy/ReadOnlyAccess"); // idempotent, as in IAM
    const listed = await roles.rolePermissions.listAttachedPolicies(ctx, "twice");
    expect(listed.items.map((p) => p.policyName)).toEqual(["ReadOnlyAccess"]);
    const missing = await refusal(roles.rolePermissions.attachPolicy(ctx, "twice", "arn:aws:iam::aws:policy/Nope"));
    expect(missing.code).toBe("NoSuchEntity");
  });

  it("refuses DeleteRole while policies remain, and deletes after detaching", async () => {
    await roles.createRole(ctx, { RoleName: "doomed", AssumeRolePolicyDocument: ec2Trust });
    await roles.rolePermissions.attachPolicy(ctx, "doomed", "arn:aws:iam::aws:policy/ReadOnlyAccess");
    await roles.rolePermissions.putPolicy(ctx, "doomed", "inline", JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] }));
    expect((await refusal(roles.deleteRole(ctx, "doomed"))).message).toBe("Cannot delete entity, must detach all policies first.");
    await roles.rolePermissions.detachPolicy(ctx, "doomed", "arn:aws:iam::aws:policy/ReadOnlyAccess");
    expect((await refusal(roles.deleteRole(ctx, "doomed"))).message).toBe("Cannot delete entity, must delete policies first.");
    await roles.rolePermissions.deletePolicy(ctx, "doomed", "inline");
    await roles.deleteRole(ctx, "doomed");
    expect((await refusal(roles.getRole(ctx, "doomed"))).message).toBe("The role with name doomed cannot be found.");
  });

  it("enforces the aggregate inline size of 10,240 characters without whitespace", async () => {
    await roles.createRole(ctx, { RoleName: "big", AssumeRolePolicyDocument: ec2Trust });
    const resources = Array.from({ length: 160 }, (_, i) => `arn:aws:s3:::bucket-number-${i}/*`);
    const doc = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: resources }] });
    await roles.rolePermissions.putPolicy(ctx, "big", "one", doc);
    const err = await refusal(roles.rolePermissions.putPolicy(ctx, "big", "two", doc));
    expect(err.code).toBe("LimitExceeded");
    expect(err.message).toBe("Maximum policy size of 10240 bytes exceeded for role big");
    expect((await roles.rolePermissions.listPolicyNames(ctx, "big")).items).toEqual(["one"]);
  });
});

describe("trust policy edits", () => {
  it("refuses a save based on a stale version, and records both in the audit trail", async () => {
    const role = await roles.createRole(ctx, { RoleName: "edited", AssumeRolePolicyDocument: ec2Trust });
    const lambda = trust({ Service: "lambda.amazonaws.com" });
    const saved = await roles.updateAssumeRolePolicy(ctx, "edited", lambda, role.version);
    expect(saved.version).toBe(role.version + 1);
    const err = await refusal(roles.updateAssumeRolePolicy(ctx, "edited", ec2Trust, role.version));
    expect(err.code).toBe("ConcurrentModification");
    expect((await roles.getRole(ctx, "edited")).trustPolicy).toBe(lambda);

    const events = await listAuditEvents({ target: role.arn });
    expect(events.map((e) => [e.action, e.outcome])).toEqual(
      expect.arrayContaining([["UpdateAssumeRolePolicy", "Success"], ["UpdateAssumeRolePolicy", "Failure"], ["CreateRole", "Success"]]),
    );
  });
});

describe("listRoles", () => {
  it("searches, filters by path and pages with a marker", async () => {
    for (let i = 0; i < 5; i++) await roles.createRole(ctx, { RoleName: `page-${i}`, Path: "/paged/", AssumeRolePolicyDocument: ec2Trust });
    const first = await roles.listRoles(ctx, { pathPrefix: "/paged/", maxItems: 2 });
    expect(first.items.map((r) => r.name)).toEqual(["page-0", "page-1"]);
    expect(first.isTruncated).toBe(true);
    expect(first.total).toBe(5);
    const second = await roles.listRoles(ctx, { pathPrefix: "/paged/", maxItems: 2, marker: first.marker });
    expect(second.items.map((r) => r.name)).toEqual(["page-2", "page-3"]);
    const search = await roles.listRoles(ctx, { search: "GE-4" });
    expect(search.items.map((r) => r.name)).toEqual(["page-4"]);
  });

  it("sorts by creation and last use, never-used first when ascending, ties by name", async () => {
    for (const [name, createdAt, lastUsedAt] of [["sort-a", "2024-01-02", null], ["sort-b", "2024-01-01", "2024-02-02"], ["sort-c", "2024-01-02", "2024-02-01"]] as const) {
      const r = await roles.createRole(ctx, { RoleName: name, Path: "/sorted/", AssumeRolePolicyDocument: ec2Trust });
      await getDb().role.update({ where: { id: r.id }, data: { createdAt: new Date(createdAt), lastUsedAt: lastUsedAt && new Date(lastUsedAt) } });
    }
    const names = async (sort: "createdAt" | "lastUsedAt", order: "asc" | "desc") =>
      (await roles.listRoles(ctx, { pathPrefix: "/sorted/", sort, order })).items.map((r) => r.name);
    expect(await names("createdAt", "asc")).toEqual(["sort-b", "sort-a", "sort-c"]);
    expect(await names("createdAt", "desc")).toEqual(["sort-a", "sort-c", "sort-b"]);
    expect(await names("lastUsedAt", "asc")).toEqual(["sort-a", "sort-c", "sort-b"]);
    expect(await names("lastUsedAt", "desc")).toEqual(["sort-b", "sort-c", "sort-a"]);
  });
});
