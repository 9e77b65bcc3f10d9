import { beforeAll, describe, expect, it } from "vitest";
import { useFreshTestDb } from "@/lib/db/test-db";
import { getDb } from "@/lib/db/client";
import { loadPrincipalPolicies } from "@/lib/db/principal-tables";
import { evaluateRequest, explainDecision, type Decision } from "@/lib/policy";
import { decodeAuthorizationMessage } from "./authorization-message";
import { AccessDeniedError, accessDeniedMessage, authorizeApiCall, iamAuthorizationInput, iamResourceArn } from "./authorize";
import { loadCallerPolicies, requestPrincipal, type Caller } from "./callers";
import type { RequestContext } from "./context";
import * as groups from "./groups";
import * as profiles from "./instance-profiles";
import * as policies from "./policies";
import * as roles from "./roles";
import * as users from "./users";

const ACCT = "111111111111";
const ctx: RequestContext = { accountId: ACCT, actor: "tester@example.com", source: "console", requestId: "r-auth" };
const ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";
const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const roleArn = (name: string) => `arn:aws:iam::${ACCT}:role/${name}`;

async function callerFor(name: string, setup: (name: string) => Promise<unknown> = async () => undefined, tags?: { Key: string; Value: string }[]) {
  const u = await users.createUser(ctx, { UserName: name, Tags: tags });
  await setup(name);
  return { kind: "user", accountId: ACCT, arn: u.arn, userId: u.id, userName: u.name } satisfies Caller;
}

async function denial(p: Promise<unknown>): Promise<AccessDeniedError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AccessDeniedError) return e;
    throw e;
  }
  throw new Error("expected AccessDenied");
}

beforeAll(useFreshTestDb);

describe("authorizeApiCall", () => {
  it("allows a user with AdministratorAccess", async () => {
    const caller = await callerFor("admin", (n) => users.userPermissions.attachPolicy(ctx, n, ADMIN));
    const d = await authorizeApiCall(caller, "iam:CreateRole", roleArn("x"));
    expect(d).toEqual({ decision: "Allowed" });
  });

  it("denies a user without policies with AWS's implicit-deny message", async () => {
    const caller = await callerFor("nobody");
    const e = await denial(authorizeApiCall(caller, "iam:CreateRole", roleArn("x")));
    expect(e.code).toBe("AccessDenied");
    expect(e.status).toBe(403);
    expect(e.reason).toBe(
      `User: arn:aws:iam::${ACCT}:user/nobody is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::${ACCT}:role/x because no identity-based policy allows the iam:CreateRole action`,
    );
    expect(e.decision.decision).toBe("ImplicitlyDenied");
    // AWS's message, then the encoded authorization message STS DecodeAuthorizationMessage opens (same account only).
    const encoded = e.message.slice(e.reason.length).match(/^ Encoded authorization failure message: ([A-Za-z0-9_-]+)$/)?.[1];
    expect(encoded).toBeDefined();
    const decoded = decodeAuthorizationMessage(encoded!, ACCT);
    expect(decoded).toMatchObject({ allowed: false, explicitDeny: false, context: { action: "iam:CreateRole", principal: { arn: caller.arn, name: "nobody" } } });
    expect(() => decodeAuthorizationMessage(encoded!, "222222222222")).toThrow(/not issued to this account/);
  });

  it("omits the resource for actions authorized on *", async () => {
    const caller = await callerFor("nobody2");
    const e = await denial(authorizeApiCall(caller, "iam:GetAccountSummary", "*"));
    expect(e.reason).toBe(`User: ${caller.arn} is not authorized to perform: iam:GetAccountSummary because no identity-based policy allows the iam:GetAccountSummary action`);
  });

  it("lets an explicit inline Deny win over AdministratorAccess", async () => {
    const caller = await callerFor("guarded", async (n) => {
      await users.userPermissions.attachPolicy(ctx, n, ADMIN);
      await users.userPermissions.putPolicy(ctx, n, "NoDeletes", doc({ Effect: "Deny", Action: "iam:Delete*", Resource: "*" }));
    });
    const e = await denial(authorizeApiCall(caller, "iam:DeleteRole", roleArn("x")));
    expect(e.reason).toBe(
      `User: ${caller.arn} is not authorized to perform: iam:DeleteRole on resource: arn:aws:iam::${ACCT}:role/x with an explicit deny in an identity-based policy`,
    );
    expect(e.decision.decision).toBe("ExplicitlyDenied");
    await expect(authorizeApiCall(caller, "iam:GetRole", roleArn("x"))).resolves.toMatchObject({ decision: "Allowed" });
  });

  it("names the managed policy holding an explicit deny, as AWS does in the same account", async () => {
    const deny = await policies.createPolicy(ctx, { PolicyName: "DenyCreateRole", PolicyDocument: doc({ Effect: "Deny", Action: "iam:CreateRole", Resource: "*" }) });
    const caller = await callerFor("managed-deny", async (n) => {
      await users.userPermissions.attachPolicy(ctx, n, ADMIN);
      await users.userPermissions.attachPolicy(ctx, n, deny.arn);
    });
    const e = await denial(authorizeApiCall(caller, "iam:CreateRole", roleArn("x")));
    expect(e.reason).toMatch(new RegExp(`with an explicit deny in an identity-based policy: ${deny.arn.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
  });

  it("limits AdministratorAccess with a permissions boundary", async () => {
    const boundary = await policies.createPolicy(ctx, { PolicyName: "ReadRolesOnly", PolicyDocument: doc({ Effect: "Allow", Action: ["iam:Get*", "iam:List*"], Resource: "*" }) });
    const caller = await callerFor("bounded", async (n) => {
      await users.userPermissions.attachPolicy(ctx, n, ADMIN);
      await users.userPermissions.putBoundary(ctx, n, boundary.arn);
    });
    await expect(authorizeApiCall(caller, "iam:GetRole", roleArn("x"))).resolves.toMatchObject({ decision: "Allowed" });
    const e = await denial(authorizeApiCall(caller, "iam:CreateRole", roleArn("x")));
    expect(e.reason).toBe(
      `User: ${caller.arn} is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::${ACCT}:role/x because no permissions boundary allows the iam:CreateRole action`,
    );
  });

  it("allows a resource-scoped policy only on matching roles", async () => {
    const caller = await callerFor("team-lead", (n) =>
      users.userPermissions.putPolicy(ctx, n, "TeamRoles", doc({ Effect: "Allow", Action: "iam:*Role*", Resource: `arn:aws:iam::${ACCT}:role/team-*` })),
    );
    await expect(authorizeApiCall(caller, "iam:CreateRole", roleArn("team-a"))).resolves.toMatchObject({ decision: "Allowed" });
    const e = await denial(authorizeApiCall(caller, "iam:CreateRole", roleArn("prod-db")));
    expect(e.decision.reasons).toContainEqual(expect.objectContaining({ kind: "statement", failedOn: "resource" }));
  });

  it("evaluates conditions on aws:PrincipalTag from the user's tags", async () => {
    const tagged = doc({ Effect: "Allow", Action: "iam:GetRole", Resource: "*", Condition: { StringEquals: { "aws:PrincipalTag/team": "platform" } } });
    const insider = await callerFor("tagged-in", (n) => users.userPermissions.putPolicy(ctx, n, "ByTag", tagged), [{ Key: "team", Value: "platform" }]);
    const outsider = await callerFor("tagged-out", (n) => users.userPermissions.putPolicy(ctx, n, "ByTag", tagged), [{ Key: "team", Value: "data" }]);
    await expect(authorizeApiCall(insider, "iam:GetRole", roleArn("x"))).resolves.toMatchObject({ decision: "Allowed" });
    const e = await denial(authorizeApiCall(outsider, "iam:GetRole", roleArn("x")));
    expect(e.decision.reasons).toContainEqual(
      expect.objectContaining({ failedOn: "condition", conditions: [expect.objectContaining({ key: "aws:PrincipalTag/team", requestValues: ["data"] })] }),
    );
  });

  it("supplies aws:username for policy variables and aws:SourceIp from the transport", async () => {
    const self = doc({
      Effect: "Allow",
      Action: "iam:*AccessKey*",
      Resource: "arn:aws:iam::*:user/${aws:username}",
      Condition: { IpAddress: { "aws:SourceIp": "10.0.0.0/8" } },
    });
    const caller = await callerFor("self-service", (n) => users.userPermissions.putPolicy(ctx, n, "OwnKeys", self));
    const own = `arn:aws:iam::${ACCT}:user/self-service`;
    await expect(authorizeApiCall(caller, "iam:CreateAccessKey", own, { sourceIp: "10.1.2.3" })).resolves.toMatchObject({ decision: "Allowed" });
    await denial(authorizeApiCall(caller, "iam:CreateAccessKey", own, { sourceIp: "192.0.2.1" }));
    await denial(authorizeApiCall(caller, "iam:CreateAccessKey", `arn:aws:iam::${ACCT}:user/admin`, { sourceIp: "10.1.2.3" }));
  });

  it("denies a caller whose user no longer exists", async () => {
    const ghost: Caller = { kind: "user", accountId: ACCT, arn: `arn:aws:iam::${ACCT}:user/ghost`, userId: "AIDAGHOSTGHOSTGHOST01", userName: "ghost" };
    await denial(authorizeApiCall(ghost, "iam:ListRoles", "*"));
  });
});

describe("policies a user holds through its groups", () => {
  it("allow as the user's own, and the decision names the group the allowing policy came from", async () => {
    await groups.createGroup(ctx, { GroupName: "readers", Path: "/teams/" });
    await groups.groupPermissions.putPolicy(ctx, "readers", "ReadRoles", doc({ Effect: "Allow", Action: "iam:GetRole", Resource: "*" }));
    const caller = await callerFor("grouped", (n) => groups.addUserToGroup(ctx, "readers", n));
    await expect(authorizeApiCall(caller, "iam:GetRole", roleArn("x"))).resolves.toMatchObject({ decision: "Allowed" });
    // The API decides on the fast path; the explained evaluation of the same policies names the group.
    const held = await loadCallerPolicies(caller);
    const d = evaluateRequest({ action: "iam:GetRole", resource: roleArn("x"), principal: requestPrincipal(caller), context: {} }, held.policies);
    expect(d.reasons).toContainEqual(
      expect.objectContaining({ kind: "statement", applies: true, policy: expect.objectContaining({ name: "ReadRoles", group: { name: "readers", arn: `arn:aws:iam::${ACCT}:group/teams/readers` } }) }),
    );
    expect(explainDecision(d).join(" ")).toContain("the inline policy ReadRoles of group readers allows it");
    await groups.removeUserFromGroup(ctx, "readers", "grouped");
    await denial(authorizeApiCall(caller, "iam:GetRole", roleArn("x")));
  });

  it("let a group's explicit deny win, worded as AWS words a deny in an identity-based policy", async () => {
    const deny = await policies.createPolicy(ctx, { PolicyName: "GroupDenyDelete", PolicyDocument: doc({ Effect: "Deny", Action: "iam:DeleteRole", Resource: "*" }) });
    await groups.createGroup(ctx, { GroupName: "no-deletes" });
    await groups.groupPermissions.attachPolicy(ctx, "no-deletes", deny.arn);
    await groups.createGroup(ctx, { GroupName: "no-creates" });
    await groups.groupPermissions.putPolicy(ctx, "no-creates", "NoCreate", doc({ Effect: "Deny", Action: "iam:CreateRole", Resource: "*" }));
    const caller = await callerFor("restrained", async (n) => {
      await users.userPermissions.attachPolicy(ctx, n, ADMIN);
      await groups.addUserToGroup(ctx, "no-deletes", n);
      await groups.addUserToGroup(ctx, "no-creates", n);
    });
    const managed = await denial(authorizeApiCall(caller, "iam:DeleteRole", roleArn("x")));
    expect(managed.reason).toBe(`User: ${caller.arn} is not authorized to perform: iam:DeleteRole on resource: ${roleArn("x")} with an explicit deny in an identity-based policy: ${deny.arn}`);
    expect(explainDecision(managed.decision).join(" ")).toContain(`the managed policy GroupDenyDelete (${deny.arn}) of group no-deletes denies it`);
    const inline = await denial(authorizeApiCall(caller, "iam:CreateRole", roleArn("x")));
    expect(inline.reason).toBe(`User: ${caller.arn} is not authorized to perform: iam:CreateRole on resource: ${roleArn("x")} with an explicit deny in an identity-based policy`);
  });

  it("stay within the user's permissions boundary", async () => {
    await groups.createGroup(ctx, { GroupName: "admins" });
    await groups.groupPermissions.attachPolicy(ctx, "admins", ADMIN);
    const readOnly = await policies.createPolicy(ctx, { PolicyName: "BoundaryGetOnly", PolicyDocument: doc({ Effect: "Allow", Action: "iam:Get*", Resource: "*" }) });
    const caller = await callerFor("bounded-member", async (n) => {
      await groups.addUserToGroup(ctx, "admins", n);
      await users.userPermissions.putBoundary(ctx, n, readOnly.arn);
    });
    await expect(authorizeApiCall(caller, "iam:GetRole", roleArn("x"))).resolves.toMatchObject({ decision: "Allowed" });
    expect((await denial(authorizeApiCall(caller, "iam:CreateRole", roleArn("x")))).message).toContain("because no permissions boundary allows");
  });
});

describe("accessDeniedMessage", () => {
  it("words trust-policy refusals as AWS STS does", () => {
    const bob = `arn:aws:iam::${ACCT}:user/bob`;
    const request = { action: "sts:AssumeRole", resource: roleArn("target"), principal: { arn: bob, accountId: ACCT, type: "user" as const } };
    const trust = (effect: string) => ({
      kind: "trust" as const,
      ownerAccountId: ACCT,
      arn: roleArn("target"),
      document: doc({ Effect: effect, Principal: { AWS: bob }, Action: "sts:AssumeRole" }),
    });
    const denial = (d: Decision) => {
      if (d.decision === "Allowed") throw new Error("expected a denial");
      return d;
    };
    const head = `User: ${bob} is not authorized to perform: sts:AssumeRole on resource: ${roleArn("target")}`;
    expect(accessDeniedMessage(bob, denial(evaluateRequest(request, { identity: [], resource: trust("Deny") })))).toBe(`${head} with an explicit deny in the role trust policy`);
    const other = { ...request, principal: { ...request.principal, arn: `arn:aws:iam::${ACCT}:user/eve` } };
    expect(accessDeniedMessage(other.principal.arn, denial(evaluateRequest(other, { identity: [], resource: trust("Allow") })))).toBe(
      `User: ${other.principal.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn("target")} because no role trust policy allows the sts:AssumeRole action`,
    );
  });
});

describe("loadUserPolicies", () => {
  it("returns managed default versions, inline policies, the boundary and tags", async () => {
    const caller = await callerFor("loaded", async (n) => {
      await users.userPermissions.attachPolicy(ctx, n, ADMIN);
      await users.userPermissions.putPolicy(ctx, n, "inline", doc({ Effect: "Allow", Action: "s3:*", Resource: "*" }));
      await users.userPermissions.putBoundary(ctx, n, ADMIN);
    }, [{ Key: "k", Value: "v" }]);
    const p = await loadPrincipalPolicies(getDb(), "user", { id: caller.userId });
    expect(p?.identity.map((i) => [i.name, i.arn])).toEqual([["AdministratorAccess", ADMIN], ["inline", undefined]]);
    expect(p?.boundary?.arn).toBe(ADMIN);
    expect(p?.boundary?.document).toContain('"Action":"*"');
    expect(p?.tags).toEqual([{ Key: "k", Value: "v" }]);
  });
});

describe("iamResourceArn", () => {
  it("uses the group's stored path, else the CreateGroup Path", async () => {
    await groups.createGroup(ctx, { GroupName: "pathed-group", Path: "/org/" });
    expect(await iamResourceArn("AddUserToGroup", { GroupName: "PATHED-group", UserName: "u" }, ACCT)).toBe(`arn:aws:iam::${ACCT}:group/org/pathed-group`);
    expect(await iamResourceArn("CreateGroup", { GroupName: "new-group", Path: "/a/" }, ACCT)).toBe(`arn:aws:iam::${ACCT}:group/a/new-group`);
    const attach = await iamAuthorizationInput("AttachGroupPolicy", { GroupName: "pathed-group", PolicyArn: ADMIN }, ACCT);
    expect(attach).toEqual({ resourceArn: `arn:aws:iam::${ACCT}:group/org/pathed-group`, context: { "iam:PolicyARN": ADMIN } });
  });

  it("uses the role's stored path, else the CreateRole Path", async () => {
    const trust = doc({ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" });
    await roles.createRole(ctx, { RoleName: "pathed", Path: "/svc/", AssumeRolePolicyDocument: trust, Tags: [{ Key: "owner", Value: "ops" }] });
    expect(await iamResourceArn("DeleteRole", { RoleName: "PATHED" }, ACCT)).toBe(`arn:aws:iam::${ACCT}:role/svc/pathed`);
    expect(await iamResourceArn("CreateRole", { RoleName: "new", Path: "/a/" }, ACCT)).toBe(`arn:aws:iam::${ACCT}:role/a/new`);
    expect(await iamResourceArn("GetRole", { RoleName: "missing" }, ACCT)).toBe(`arn:aws:iam::${ACCT}:role/missing`);
    const input = await iamAuthorizationInput("TagRole", { RoleName: "pathed", Tags: [{ Key: "env", Value: "prod" }] }, ACCT);
    expect(input.context).toMatchObject({ "aws:ResourceTag/owner": "ops", "iam:ResourceTag/owner": "ops", "aws:RequestTag/env": "prod", "aws:TagKeys": ["env"] });
  });

  it("maps users, policies and list actions as IAM does", async () => {
    const me = `arn:aws:iam::${ACCT}:user/me`;
    expect(await iamResourceArn("CreateUser", { UserName: "u", Path: "/x/" }, ACCT)).toBe(`arn:aws:iam::${ACCT}:user/x/u`);
    expect(await iamResourceArn("CreateAccessKey", {}, ACCT, me)).toBe(me);
    expect(await iamResourceArn("GetPolicy", { PolicyArn: ADMIN }, ACCT)).toBe(ADMIN);
    expect(await iamResourceArn("CreatePolicy", { PolicyName: "p" }, ACCT)).toBe(`arn:aws:iam::${ACCT}:policy/p`);
    expect(await iamResourceArn("ListRoles", {}, ACCT)).toBe(`arn:aws:iam::${ACCT}:role/`);
    expect(await iamResourceArn("ListUsers", { PathPrefix: "/eng/" }, ACCT)).toBe(`arn:aws:iam::${ACCT}:user/eng/`);
    expect(await iamResourceArn("ListPolicies", {}, ACCT)).toBe("policy path /");
    expect(await iamResourceArn("GetAccountSummary", {}, ACCT)).toBe("*");
    expect(await iamResourceArn("ListGroups", { PathPrefix: "/eng/" }, ACCT)).toBe(`arn:aws:iam::${ACCT}:group/eng/`);
    expect(await iamResourceArn("ListGroupsForUser", { UserName: "someone" }, ACCT)).toBe(`arn:aws:iam::${ACCT}:user/someone`);
    const attach = await iamAuthorizationInput("AttachRolePolicy", { RoleName: "r", PolicyArn: ADMIN }, ACCT);
    expect(attach).toEqual({ resourceArn: `arn:aws:iam::${ACCT}:role/r`, context: { "iam:PolicyARN": ADMIN } });
  });

  it("maps instance profiles to their stored ARN and tags, and service-linked roles to the role they name", async () => {
    await profiles.createInstanceProfile(ctx, { InstanceProfileName: "web", Path: "/tier/", Tags: [{ Key: "team", Value: "web" }] });
    const add = await iamAuthorizationInput("AddRoleToInstanceProfile", { InstanceProfileName: "WEB", RoleName: "r" }, ACCT);
    expect(add).toEqual({ resourceArn: `arn:aws:iam::${ACCT}:instance-profile/tier/web`, context: { "aws:ResourceTag/team": "web" } });
    expect(await iamResourceArn("CreateInstanceProfile", { InstanceProfileName: "new", Path: "/a/" }, ACCT)).toBe(`arn:aws:iam::${ACCT}:instance-profile/a/new`);
    expect(await iamResourceArn("ListInstanceProfiles", { PathPrefix: "/tier/" }, ACCT)).toBe(`arn:aws:iam::${ACCT}:instance-profile/tier/`);
    expect(await iamResourceArn("ListInstanceProfilesForRole", { RoleName: "r" }, ACCT)).toBe(`arn:aws:iam::${ACCT}:role/r`);

    const create = await iamAuthorizationInput("CreateServiceLinkedRole", { AWSServiceName: "autoscaling.amazonaws.com", CustomSuffix: "web" }, ACCT);
    expect(create).toEqual({
      resourceArn: `arn:aws:iam::${ACCT}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling_web`,
      context: { "iam:AWSServiceName": "autoscaling.amazonaws.com" },
    });
    const task = "task/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS/00000000-0000-4000-8000-000000000000";
    expect(await iamResourceArn("GetServiceLinkedRoleDeletionStatus", { DeletionTaskId: task }, ACCT)).toBe(
      `arn:aws:iam::${ACCT}:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS`,
    );
    const pass = await iamAuthorizationInput("PassRole", { RoleName: "r", PassedToService: "ec2.amazonaws.com" }, ACCT);
    expect(pass).toEqual({ resourceArn: `arn:aws:iam::${ACCT}:role/r`, context: { "iam:PassedToService": "ec2.amazonaws.com" } });
  });
});
