import { beforeAll, describe, expect, it } from "vitest";
import { useFreshTestDb } from "@/lib/db/test-db";
import { getDb } from "@/lib/db/client";
import { listAuditEvents } from "./audit";
import type { RequestContext } from "./context";
import * as profiles from "./instance-profiles";
import { PERMISSIONS } from "./principals";
import * as roles from "./roles";
import { refusal } from "./test-helpers";

const ctx: RequestContext = { accountId: "111111111111", actor: "tester@example.com", source: "console", requestId: "r-ip" };
const ec2Trust = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }] });

let seq = 0;
async function fresh() {
  const n = ++seq;
  const role = await roles.createRole(ctx, { RoleName: `ip-role-${n}`, AssumeRolePolicyDocument: ec2Trust });
  const profile = await profiles.createInstanceProfile(ctx, { InstanceProfileName: `ip-${n}`, Path: "/web/" });
  return { role, profile };
}

beforeAll(useFreshTestDb);

describe("instance profiles", () => {
  it("are created with AWS's identifiers, empty, and found ignoring case", async () => {
    const { profile } = await fresh();
    expect(profile.id).toMatch(/^AIPA[A-Z0-9]{17}$/);
    expect(profile.arn).toBe(`arn:aws:iam::111111111111:instance-profile/web/${profile.name}`);
    expect(profile.roles).toEqual([]);
    expect((await profiles.getInstanceProfile(ctx, profile.name.toUpperCase())).id).toBe(profile.id);
    const dup = await refusal(profiles.createInstanceProfile(ctx, { InstanceProfileName: profile.name.toUpperCase() }));
    expect([dup.code, dup.message]).toEqual(["EntityAlreadyExists", `Instance Profile ${profile.name.toUpperCase()} already exists.`]);
    const missing = await refusal(profiles.getInstanceProfile(ctx, "nope"));
    expect([missing.code, missing.message]).toEqual(["NoSuchEntity", "Instance Profile nope cannot be found."]);
  });

  it("hold one role, listed for the role", async () => {
    const { role, profile } = await fresh();
    await profiles.addRoleToInstanceProfile(ctx, profile.name, role.name);
    expect((await profiles.getInstanceProfile(ctx, profile.name)).roles.map((r) => r.name)).toEqual([role.name]);
    const other = await roles.createRole(ctx, { RoleName: `other-${seq}`, AssumeRolePolicyDocument: ec2Trust });
    for (const name of [other.name, role.name]) {
      const full = await refusal(profiles.addRoleToInstanceProfile(ctx, profile.name, name));
      expect([full.code, full.message]).toEqual(["LimitExceeded", "Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1"]);
    }
    const forRole = await profiles.listInstanceProfilesForRole(ctx, role.name);
    expect(forRole.items.map((p) => p.name)).toEqual([profile.name]);
    expect((await profiles.listInstanceProfilesForRole(ctx, other.name)).items).toEqual([]);
    expect((await refusal(profiles.listInstanceProfilesForRole(ctx, "no-role"))).message).toBe("The role with name no-role cannot be found.");
  });

  it("let a role be in several profiles, and remove it from one", async () => {
    const { role, profile } = await fresh();
    const second = await profiles.createInstanceProfile(ctx, { InstanceProfileName: `second-${seq}`, RoleName: role.name });
    await profiles.addRoleToInstanceProfile(ctx, profile.name, role.name);
    expect((await profiles.listInstanceProfilesForRole(ctx, role.name)).items).toHaveLength(2);
    await profiles.removeRoleFromInstanceProfile(ctx, second.name, role.name);
    expect((await profiles.getInstanceProfile(ctx, second.name)).roles).toEqual([]);
    const notIn = await refusal(profiles.removeRoleFromInstanceProfile(ctx, second.name, role.name));
    expect(notIn.code).toBe("NoSuchEntity");
  });

  it("refuse DeleteInstanceProfile while holding a role; the console's delete anyway removes it in one change", async () => {
    const { role, profile } = await fresh();
    await profiles.addRoleToInstanceProfile(ctx, profile.name, role.name);
    const err = await refusal(profiles.deleteInstanceProfile(ctx, profile.name));
    expect([err.code, err.message]).toEqual(["DeleteConflict", "Cannot delete entity, must remove roles from instance profile first."]);
    await profiles.deleteInstanceProfile(ctx, profile.name, { removeRole: true });
    expect((await refusal(profiles.getInstanceProfile(ctx, profile.name))).code).toBe("NoSuchEntity");
    expect((await roles.getRole(ctx, role.name)).name).toBe(role.name);
  });

  it("keep their role from being deleted; delete anyway takes the role out of them", async () => {
    const { role, profile } = await fresh();
    await profiles.addRoleToInstanceProfile(ctx, profile.name, role.name);
    const err = await refusal(roles.deleteRole(ctx, role.name));
    expect([err.code, err.message]).toEqual(["DeleteConflict", "Cannot delete entity, must remove roles from instance profile first."]);
    await PERMISSIONS.role.attachPolicy(ctx, role.name, "arn:aws:iam::aws:policy/ReadOnlyAccess");
    await roles.deleteRoleAnyway(ctx, role.name);
    expect((await refusal(roles.getRole(ctx, role.name))).code).toBe("NoSuchEntity");
    expect((await profiles.getInstanceProfile(ctx, profile.name)).roles).toEqual([]);
  });

  it("carry tags: merged, removed, listed, within the quota", async () => {
    const { profile } = await fresh();
    await profiles.tagInstanceProfile(ctx, profile.name, [{ Key: "team", Value: "web" }, { Key: "env", Value: "prod" }]);
    await profiles.tagInstanceProfile(ctx, profile.name, [{ Key: "TEAM", Value: "api" }]);
    await profiles.untagInstanceProfile(ctx, profile.name, ["ENV"]);
    expect((await profiles.listInstanceProfileTags(ctx, profile.name)).items).toEqual([{ Key: "team", Value: "api" }]);
    const many = Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: "" }));
    const err = await refusal(profiles.tagInstanceProfile(ctx, profile.name, many));
    expect([err.code, err.message]).toEqual(["LimitExceeded", "Cannot exceed quota for TagsPerInstanceProfile: 50"]);
    const dup = await refusal(profiles.createInstanceProfile(ctx, { InstanceProfileName: "dup-tags", Tags: [{ Key: "a", Value: "" }, { Key: "A", Value: "" }] }));
    expect(dup.code).toBe("InvalidInput");
  });

  it("list by path prefix and name, with the total", async () => {
    await fresh();
    const page = await profiles.listInstanceProfiles(ctx, { pathPrefix: "/web/", maxItems: 2 });
    expect(page.items).toHaveLength(2);
    expect(page.isTruncated).toBe(true);
    expect(page.items.every((p) => p.path === "/web/")).toBe(true);
    const searched = await profiles.listInstanceProfiles(ctx, { search: `IP-${seq}` });
    expect(searched.items.map((p) => p.name)).toEqual([`ip-${seq}`]);
  });

  it("audit each change with the profile's ARN", async () => {
    const { role, profile } = await fresh();
    await profiles.addRoleToInstanceProfile(ctx, profile.name, role.name);
    const events = await listAuditEvents({ target: profile.arn });
    expect(events.map((e) => e.action)).toEqual(["AddRoleToInstanceProfile", "CreateInstanceProfile"]);
  });
});

describe("the console's create role with an instance profile (EC2)", () => {
  const inline = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] });
  const everything = (name: string) => ({
    RoleName: name,
    Path: "/fleet/",
    AssumeRolePolicyDocument: ec2Trust,
    Description: "Web servers",
    PermissionsBoundary: "arn:aws:iam::aws:policy/AdministratorAccess",
    Tags: [{ Key: "team", Value: "web" }],
    PolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"],
    InlinePolicies: [{ PolicyName: "read-objects", PolicyDocument: inline }],
  });

  it("makes the role, its policies, boundary, tags and the profile holding it in one CreateRole change", async () => {
    const role = await profiles.createRoleWithInstanceProfile(ctx, everything("fleet-web"));
    expect([role.path, role.description, role.permissionsBoundaryArn, role.tags]).toEqual(["/fleet/", "Web servers", "arn:aws:iam::aws:policy/AdministratorAccess", [{ Key: "team", Value: "web" }]]);
    expect((await roles.rolePermissions.listAttachedPolicies(ctx, role.name)).items.map((p) => p.policyName)).toEqual(["ReadOnlyAccess"]);
    expect((await roles.rolePermissions.getPolicy(ctx, role.name, "read-objects")).document).toBe(inline);
    const profile = await profiles.getInstanceProfile(ctx, role.name);
    expect([profile.arn, profile.roles.map((r) => r.name)]).toEqual([`arn:aws:iam::111111111111:instance-profile/fleet/${role.name}`, [role.name]]);
    expect((await listAuditEvents({ target: role.arn })).map((e) => e.action)).toEqual(["CreateRole"]);
  });

  it("leaves nothing behind when the profile's name is taken, and blames the role name", async () => {
    await profiles.createInstanceProfile(ctx, { InstanceProfileName: "fleet-taken" });
    const err = await refusal(profiles.createRoleWithInstanceProfile(ctx, everything("fleet-taken")));
    expect([err.code, err.message, err.field]).toEqual(["EntityAlreadyExists", "Instance Profile fleet-taken already exists.", "RoleName"]);
    expect((await refusal(roles.getRole(ctx, "fleet-taken"))).code).toBe("NoSuchEntity");
    expect(await getDb().rolePolicyAttachment.count({ where: { role: { name: "fleet-taken" } } })).toBe(0);
    expect(await getDb().roleInlinePolicy.count({ where: { role: { name: "fleet-taken" } } })).toBe(0);
    expect((await profiles.getInstanceProfile(ctx, "fleet-taken")).roles).toEqual([]);
  });

  it("leaves nothing behind when an inline policy is refused, the profile included", async () => {
    const err = await refusal(
      profiles.createRoleWithInstanceProfile(ctx, { ...everything("fleet-bad"), InlinePolicies: [{ PolicyName: "wide", PolicyDocument: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*"}]}' }] }),
    );
    expect([err.code, err.field]).toEqual(["MalformedPolicyDocument", "InlinePolicies.0.PolicyDocument"]);
    expect((await refusal(roles.getRole(ctx, "fleet-bad"))).code).toBe("NoSuchEntity");
    expect((await refusal(profiles.getInstanceProfile(ctx, "fleet-bad"))).code).toBe("NoSuchEntity");
  });
});
