import { describe, expect, inject, it } from "vitest";
import {
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeleteAccessKeyCommand,
  DeletePolicyCommand,
  DeletePolicyVersionCommand,
  DeleteRoleCommand,
  DeleteUserCommand,
  DeleteUserPolicyCommand,
  DetachRolePolicyCommand,
  DetachUserPolicyCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetUserCommand,
  GetUserPolicyCommand,
  ListAccessKeysCommand,
  ListAttachedUserPoliciesCommand,
  ListEntitiesForPolicyCommand,
  ListPoliciesCommand,
  ListPolicyVersionsCommand,
  ListUserPoliciesCommand,
  ListUsersCommand,
  ListUserTagsCommand,
  PutUserPolicyCommand,
  SetDefaultPolicyVersionCommand,
  TagUserCommand,
  UntagUserCommand,
} from "@aws-sdk/client-iam";
import { failure, iamClient, identityPolicy, trustPolicy, uniqueName } from "./support/aws";

const iam = iamClient(inject("baseUrl"), {
  accessKeyId: inject("adminAccessKeyId"),
  secretAccessKey: inject("adminSecretAccessKey"),
});
const ACCOUNT = "111111111111";

describe("IAM users through the AWS SDK", () => {
  it("creates, tags, lists and deletes users", async () => {
    const path = `/${uniqueName("people")}/`;
    const name = uniqueName("alice");
    const created = (await iam.send(new CreateUserCommand({ UserName: name, Path: path, Tags: [{ Key: "team", Value: "data" }] }))).User!;
    expect(created).toMatchObject({ UserName: name, Path: path, Arn: `arn:aws:iam::${ACCOUNT}:user${path}${name}` });
    expect(created.UserId).toMatch(/^AIDA[A-Z0-9]{17}$/);

    const got = (await iam.send(new GetUserCommand({ UserName: name }))).User!;
    expect(got).toMatchObject({ UserName: name, UserId: created.UserId, Tags: [{ Key: "team", Value: "data" }] });

    const second = uniqueName("bob");
    await iam.send(new CreateUserCommand({ UserName: second, Path: path }));
    const page1 = await iam.send(new ListUsersCommand({ PathPrefix: path, MaxItems: 1 }));
    expect(page1).toMatchObject({ IsTruncated: true });
    const page2 = await iam.send(new ListUsersCommand({ PathPrefix: path, Marker: page1.Marker }));
    expect(page2.IsTruncated).toBe(false);
    expect([...page1.Users!, ...page2.Users!].map((u) => u.UserName).sort()).toEqual([name, second].sort());

    await iam.send(new TagUserCommand({ UserName: name, Tags: [{ Key: "level", Value: "3" }] }));
    await iam.send(new UntagUserCommand({ UserName: name, TagKeys: ["team"] }));
    expect((await iam.send(new ListUserTagsCommand({ UserName: name }))).Tags).toEqual([{ Key: "level", Value: "3" }]);

    const dup = await failure(iam.send(new CreateUserCommand({ UserName: name })));
    expect(dup).toEqual({ code: "EntityAlreadyExists", status: 409, message: `User with name ${name} already exists.` });

    await iam.send(new DeleteUserCommand({ UserName: name }));
    await iam.send(new DeleteUserCommand({ UserName: second }));
    const gone = await failure(iam.send(new GetUserCommand({ UserName: name })));
    expect(gone).toEqual({ code: "NoSuchEntity", status: 404, message: `The user with name ${name} cannot be found.` });
  });

  it("returns the caller when GetUser names no one", async () => {
    const me = (await iam.send(new GetUserCommand({}))).User!;
    expect(me).toMatchObject({ UserName: "admin", Arn: `arn:aws:iam::${ACCOUNT}:user/admin` });
  });

  it("manages access keys: secret once, at most two, deletion refused while keys remain", async () => {
    const name = uniqueName("keys");
    await iam.send(new CreateUserCommand({ UserName: name }));
    const k1 = (await iam.send(new CreateAccessKeyCommand({ UserName: name }))).AccessKey!;
    expect(k1).toMatchObject({ UserName: name, Status: "Active" });
    expect(k1.AccessKeyId).toMatch(/^AKIA[A-Z0-9]{16}$/);
    expect(k1.SecretAccessKey).toHaveLength(40);
    await iam.send(new CreateAccessKeyCommand({ UserName: name }));

    const third = await failure(iam.send(new CreateAccessKeyCommand({ UserName: name })));
    expect(third).toEqual({ code: "LimitExceeded", status: 409, message: "Cannot exceed quota for AccessKeysPerUser: 2" });
    const listed = await iam.send(new ListAccessKeysCommand({ UserName: name }));
    expect(listed.AccessKeyMetadata).toHaveLength(2);
    for (const k of listed.AccessKeyMetadata!) expect(k).not.toHaveProperty("SecretAccessKey");

    const conflict = await failure(iam.send(new DeleteUserCommand({ UserName: name })));
    expect(conflict).toEqual({ code: "DeleteConflict", status: 409, message: "Cannot delete entity, must delete access keys first." });

    const missing = await failure(iam.send(new DeleteAccessKeyCommand({ UserName: name, AccessKeyId: "AKIANOSUCHKEY0000000" })));
    expect(missing).toEqual({ code: "NoSuchEntity", status: 404, message: "The Access Key with id AKIANOSUCHKEY0000000 cannot be found." });

    for (const k of listed.AccessKeyMetadata!) await iam.send(new DeleteAccessKeyCommand({ UserName: name, AccessKeyId: k.AccessKeyId }));
    await iam.send(new DeleteUserCommand({ UserName: name }));
  });

  it("manages a user's inline and attached policies", async () => {
    const name = uniqueName("perm-user");
    await iam.send(new CreateUserCommand({ UserName: name }));
    const doc = identityPolicy("sqs:SendMessage");
    await iam.send(new PutUserPolicyCommand({ UserName: name, PolicyName: "send", PolicyDocument: doc }));
    const got = await iam.send(new GetUserPolicyCommand({ UserName: name, PolicyName: "send" }));
    expect(got).toMatchObject({ UserName: name, PolicyName: "send" });
    expect(decodeURIComponent(got.PolicyDocument!)).toBe(doc);
    expect((await iam.send(new ListUserPoliciesCommand({ UserName: name }))).PolicyNames).toEqual(["send"]);

    const arn = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    await iam.send(new AttachUserPolicyCommand({ UserName: name, PolicyArn: arn }));
    expect((await iam.send(new ListAttachedUserPoliciesCommand({ UserName: name }))).AttachedPolicies).toEqual([
      { PolicyName: "ReadOnlyAccess", PolicyArn: arn },
    ]);
    await iam.send(new DetachUserPolicyCommand({ UserName: name, PolicyArn: arn }));
    await iam.send(new DeleteUserPolicyCommand({ UserName: name, PolicyName: "send" }));
    await iam.send(new DeleteUserCommand({ UserName: name }));
  });
});

describe("managed policies through the AWS SDK", () => {
  it("creates a policy, versions it and deletes it once detached", async () => {
    const name = uniqueName("policy");
    const v1 = identityPolicy("s3:GetObject");
    const created = (
      await iam.send(new CreatePolicyCommand({ PolicyName: name, Path: "/app/", PolicyDocument: v1, Description: "reads objects" }))
    ).Policy!;
    expect(created).toMatchObject({
      PolicyName: name,
      Path: "/app/",
      Arn: `arn:aws:iam::${ACCOUNT}:policy/app/${name}`,
      DefaultVersionId: "v1",
      AttachmentCount: 0,
      IsAttachable: true,
    });
    expect(created.PolicyId).toMatch(/^ANPA[A-Z0-9]{17}$/);
    const arn = created.Arn!;

    const got = (await iam.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy!;
    expect(got).toMatchObject({ PolicyName: name, Description: "reads objects" });
    const version = (await iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: "v1" }))).PolicyVersion!;
    expect(version).toMatchObject({ VersionId: "v1", IsDefaultVersion: true });
    expect(decodeURIComponent(version.Document!)).toBe(v1);

    const v2 = identityPolicy("s3:PutObject");
    const made = (await iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: v2, SetAsDefault: true }))).PolicyVersion!;
    expect(made).toMatchObject({ VersionId: "v2", IsDefaultVersion: true });
    expect(made.Document).toBeUndefined();
    expect((await iam.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy!.DefaultVersionId).toBe("v2");
    const versions = await iam.send(new ListPolicyVersionsCommand({ PolicyArn: arn }));
    expect(versions.Versions!.map((v) => [v.VersionId, v.IsDefaultVersion]).sort()).toEqual([
      ["v1", false],
      ["v2", true],
    ]);

    await iam.send(new SetDefaultPolicyVersionCommand({ PolicyArn: arn, VersionId: "v1" }));
    const defaultRefused = await failure(iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: "v1" })));
    expect(defaultRefused).toMatchObject({ code: "DeleteConflict", status: 409 });
    await iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: "v2" }));

    const roleName = uniqueName("holder");
    await iam.send(new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: trustPolicy() }));
    await iam.send(new AttachRolePolicyCommand({ RoleName: roleName, PolicyArn: arn }));
    const entities = await iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: arn }));
    expect(entities.PolicyRoles!.map((r) => r.RoleName)).toEqual([roleName]);
    expect(entities.PolicyUsers).toEqual([]);
    const local = await iam.send(new ListPoliciesCommand({ Scope: "Local", OnlyAttached: true, PathPrefix: "/app/" }));
    expect(local.Policies!.map((p) => p.PolicyName)).toContain(name);

    const attached = await failure(iam.send(new DeletePolicyCommand({ PolicyArn: arn })));
    expect(attached).toMatchObject({ code: "DeleteConflict", status: 409 });
    await iam.send(new DetachRolePolicyCommand({ RoleName: roleName, PolicyArn: arn }));
    await iam.send(new DeletePolicyCommand({ PolicyArn: arn }));
    await iam.send(new DeleteRoleCommand({ RoleName: roleName }));
    const gone = await failure(iam.send(new GetPolicyCommand({ PolicyArn: arn })));
    expect(gone).toEqual({ code: "NoSuchEntity", status: 404, message: `Policy ${arn} was not found.` });
  });

  it("lists the AWS-managed catalogue and refuses to change it", async () => {
    const aws = await iam.send(new ListPoliciesCommand({ Scope: "AWS", MaxItems: 1000 }));
    expect(aws.Policies!.map((p) => p.Arn)).toContain("arn:aws:iam::aws:policy/AdministratorAccess");
    const refused = await failure(iam.send(new DeletePolicyCommand({ PolicyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" })));
    expect(refused).toMatchObject({ code: "UnmodifiableEntity", status: 400 });
  });
});
