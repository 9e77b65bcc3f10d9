import { describe, expect, inject, it } from "vitest";
import {
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreateInstanceProfileCommand,
  AddRoleToInstanceProfileCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeleteRoleCommand,
  GetAccountAuthorizationDetailsCommand,
  PutGroupPolicyCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
  type GetAccountAuthorizationDetailsCommandInput,
  type GetAccountAuthorizationDetailsCommandOutput,
} from "@aws-sdk/client-iam";
import { failure, splitDenial, iamClient, rawRequest, uniqueName } from "./support/aws";

/** GetAccountAuthorizationDetails through the SDK: the snapshot tools such as PMapper and cloudsplaining collect. */

const baseUrl = inject("baseUrl");
const admin = { accessKeyId: inject("adminAccessKeyId"), secretAccessKey: inject("adminSecretAccessKey") };
const iam = iamClient(baseUrl, admin);
const ACCT = "111111111111";
const doc = (Action: string) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action, Resource: "*" }] });
const trust = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }] });

/** Every page, followed by its Marker, merged into one result. */
async function allPages(input: GetAccountAuthorizationDetailsCommandInput, client = iam) {
  const merged: Required<Pick<GetAccountAuthorizationDetailsCommandOutput, "UserDetailList" | "GroupDetailList" | "RoleDetailList" | "Policies">> = {
    UserDetailList: [],
    GroupDetailList: [],
    RoleDetailList: [],
    Policies: [],
  };
  let marker: string | undefined;
  let pages = 0;
  do {
    const page = await client.send(new GetAccountAuthorizationDetailsCommand({ ...input, Marker: marker }));
    const size = (page.UserDetailList?.length ?? 0) + (page.GroupDetailList?.length ?? 0) + (page.RoleDetailList?.length ?? 0) + (page.Policies?.length ?? 0);
    if (input.MaxItems) expect(size).toBeLessThanOrEqual(input.MaxItems);
    for (const k of Object.keys(merged) as (keyof typeof merged)[]) merged[k].push(...((page[k] ?? []) as never[]));
    marker = page.IsTruncated ? page.Marker : undefined;
    pages++;
  } while (marker);
  return { ...merged, pages };
}

describe("GetAccountAuthorizationDetails", () => {
  it("describes users, groups, roles and policies with their relationships, across pages", async () => {
    const user = uniqueName("gaad-user");
    const group = uniqueName("gaad-group");
    const role = uniqueName("gaad-role");
    const policy = uniqueName("gaad-policy");
    const profile = uniqueName("gaad-profile");
    const created = await iam.send(new CreatePolicyCommand({ PolicyName: policy, Path: "/gaad/", PolicyDocument: doc("s3:GetObject"), Description: "read objects" }));
    const policyArn = created.Policy!.Arn!;
    await iam.send(new CreatePolicyVersionCommand({ PolicyArn: policyArn, PolicyDocument: doc("s3:ListBucket"), SetAsDefault: true }));
    await iam.send(new CreateUserCommand({ UserName: user, Tags: [{ Key: "team", Value: "audit" }], PermissionsBoundary: policyArn }));
    await iam.send(new PutUserPolicyCommand({ UserName: user, PolicyName: "inline-user", PolicyDocument: doc("iam:ListRoles") }));
    await iam.send(new AttachUserPolicyCommand({ UserName: user, PolicyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }));
    await iam.send(new CreateGroupCommand({ GroupName: group }));
    await iam.send(new AddUserToGroupCommand({ GroupName: group, UserName: user }));
    await iam.send(new PutGroupPolicyCommand({ GroupName: group, PolicyName: "inline-group", PolicyDocument: doc("sts:AssumeRole") }));
    await iam.send(new AttachGroupPolicyCommand({ GroupName: group, PolicyArn: policyArn }));
    await iam.send(new CreateRoleCommand({ RoleName: role, AssumeRolePolicyDocument: trust, Tags: [{ Key: "env", Value: "prod" }] }));
    await iam.send(new PutRolePolicyCommand({ RoleName: role, PolicyName: "inline-role", PolicyDocument: doc("ec2:Describe*") }));
    await iam.send(new AttachRolePolicyCommand({ RoleName: role, PolicyArn: policyArn }));
    await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: profile }));
    await iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: profile, RoleName: role }));

    const all = await allPages({ MaxItems: 4 });
    expect(all.pages).toBeGreaterThan(1);

    const u = all.UserDetailList.find((d) => d.UserName === user)!;
    expect(u.Arn).toBe(`arn:aws:iam::${ACCT}:user/${user}`);
    expect(u.UserPolicyList?.map((p) => [p.PolicyName, decodeURIComponent(p.PolicyDocument!)])).toEqual([["inline-user", doc("iam:ListRoles")]]);
    expect(u.GroupList).toEqual([group]);
    expect(u.AttachedManagedPolicies).toEqual([{ PolicyName: "ReadOnlyAccess", PolicyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }]);
    expect(u.PermissionsBoundary).toEqual({ PermissionsBoundaryType: "Policy", PermissionsBoundaryArn: policyArn });
    expect(u.Tags).toEqual([{ Key: "team", Value: "audit" }]);

    const g = all.GroupDetailList.find((d) => d.GroupName === group)!;
    expect(g.GroupPolicyList?.map((p) => p.PolicyName)).toEqual(["inline-group"]);
    expect(g.AttachedManagedPolicies).toEqual([{ PolicyName: policy, PolicyArn: policyArn }]);

    const r = all.RoleDetailList.find((d) => d.RoleName === role)!;
    expect(decodeURIComponent(r.AssumeRolePolicyDocument!)).toBe(trust);
    expect(r.RolePolicyList?.map((p) => p.PolicyName)).toEqual(["inline-role"]);
    expect(r.AttachedManagedPolicies).toEqual([{ PolicyName: policy, PolicyArn: policyArn }]);
    expect(r.InstanceProfileList?.map((p) => [p.InstanceProfileName, p.Roles?.map((x) => x.RoleName)])).toEqual([[profile, [role]]]);
    expect(r.Tags).toEqual([{ Key: "env", Value: "prod" }]);

    const p = all.Policies.find((d) => d.PolicyName === policy)!;
    expect(p).toMatchObject({ Arn: policyArn, Path: "/gaad/", DefaultVersionId: "v2", AttachmentCount: 2, PermissionsBoundaryUsageCount: 1, IsAttachable: true, Description: "read objects" });
    expect(p.PolicyVersionList?.map((v) => [v.VersionId, v.IsDefaultVersion, decodeURIComponent(v.Document!)])).toEqual([
      ["v2", true, doc("s3:ListBucket")],
      ["v1", false, doc("s3:GetObject")],
    ]);
    // AWS managed policies appear where the account uses them, not the whole catalogue.
    expect(all.Policies.some((d) => d.Arn === "arn:aws:iam::aws:policy/ReadOnlyAccess")).toBe(true);
    expect(all.Policies.some((d) => d.Arn === "arn:aws:iam::aws:policy/AWSDenyAll")).toBe(false);

    // Names are unique in a snapshot: pages neither repeat nor skip.
    const names = all.RoleDetailList.map((d) => d.RoleName);
    expect(new Set(names).size).toBe(names.length);
  });

  it("pages through many roles with roles created and deleted between pages, giving each remaining role once", async () => {
    // AWS does not say what a change between pages does; Roleplane's Marker names the last entity given, so every
    // entity that exists throughout is given exactly once, in order, and one created or deleted meanwhile at most once.
    // A leading digit sorts these roles before the other tests' roles, so the first page holds some of them.
    const base = `0${uniqueName("gaad-paging")}`;
    const names = Array.from({ length: 120 }, (_, i) => `${base}-${String(i).padStart(3, "0")}`);
    for (let i = 0; i < names.length; i += 12)
      await Promise.all(names.slice(i, i + 12).map((RoleName) => iam.send(new CreateRoleCommand({ RoleName, AssumeRolePolicyDocument: trust }))));
    const ours = (page: GetAccountAuthorizationDetailsCommandOutput) => (page.RoleDetailList ?? []).map((r) => r.RoleName!).filter((n) => n.startsWith(base));

    const first = await iam.send(new GetAccountAuthorizationDetailsCommand({ Filter: ["Role"], MaxItems: 50 }));
    expect(first.IsTruncated).toBe(true);
    const given = ours(first);
    // Between pages: a role already given and one not yet given are deleted, and a new one is created.
    expect(given.length).toBeGreaterThan(0);
    const goneBefore = given[0];
    const goneAfter = names[110];
    await iam.send(new DeleteRoleCommand({ RoleName: goneBefore }));
    await iam.send(new DeleteRoleCommand({ RoleName: goneAfter }));
    await iam.send(new CreateRoleCommand({ RoleName: `${base}-050a`, AssumeRolePolicyDocument: trust }));

    let marker = first.Marker;
    while (marker) {
      const page = await iam.send(new GetAccountAuthorizationDetailsCommand({ Filter: ["Role"], MaxItems: 50, Marker: marker }));
      given.push(...ours(page));
      marker = page.IsTruncated ? page.Marker : undefined;
    }
    expect(new Set(given).size).toBe(given.length);
    expect(given).toEqual([...given].sort());
    const throughout = names.filter((n) => n !== goneBefore && n !== goneAfter);
    expect(throughout.filter((n) => !given.includes(n))).toEqual([]);
    expect(given).not.toContain(goneAfter);
  });

  it("keeps to the entity types the Filter names", async () => {
    const roles = await allPages({ Filter: ["Role"] });
    expect(roles.RoleDetailList.length).toBeGreaterThan(0);
    expect([roles.UserDetailList, roles.GroupDetailList, roles.Policies].map((l) => l.length)).toEqual([0, 0, 0]);
    const policies = await allPages({ Filter: ["LocalManagedPolicy", "AWSManagedPolicy"] });
    expect(policies.Policies.some((d) => d.Arn!.startsWith("arn:aws:iam::aws:policy/"))).toBe(true);
    expect(policies.Policies.some((d) => d.Arn!.startsWith(`arn:aws:iam::${ACCT}:policy/`))).toBe(true);
    const local = await allPages({ Filter: ["LocalManagedPolicy"] });
    expect(local.Policies.every((d) => d.Arn!.startsWith(`arn:aws:iam::${ACCT}:policy/`))).toBe(true);
  });

  it("refuses an unknown entity type and a marker it did not issue", async () => {
    const bad = await rawRequest({ baseUrl, credentials: admin, params: { Action: "GetAccountAuthorizationDetails", Version: "2010-05-08", "Filter.member.1": "Robot" } });
    expect(bad.status).toBe(400);
    expect(bad.body).toContain("<Code>ValidationError</Code>");
    expect((await failure(iam.send(new GetAccountAuthorizationDetailsCommand({ Marker: "not-a-marker" })))).code).toBe("InvalidInput");
  });

  it("needs iam:GetAccountAuthorizationDetails, and refuses unsigned callers", async () => {
    const name = uniqueName("gaad-nobody");
    await iam.send(new CreateUserCommand({ UserName: name }));
    await iam.send(new PutUserPolicyCommand({ UserName: name, PolicyName: "p", PolicyDocument: doc("iam:ListRoles") }));
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: name }))).AccessKey!;
    const denied = await failure(iamClient(baseUrl, { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! }).send(new GetAccountAuthorizationDetailsCommand({})));
    expect(denied.code).toBe("AccessDenied");
    expect(splitDenial(denied.message).reason).toBe(
      `User: arn:aws:iam::${ACCT}:user/${name} is not authorized to perform: iam:GetAccountAuthorizationDetails because no identity-based policy allows the iam:GetAccountAuthorizationDetails action`,
    );
    const unsigned = await fetch(`${baseUrl}/api/aws`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "Action=GetAccountAuthorizationDetails&Version=2010-05-08" });
    expect(unsigned.status).toBe(403);
  });
});
