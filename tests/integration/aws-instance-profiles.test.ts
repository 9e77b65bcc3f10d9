import { describe, expect, inject, it } from "vitest";
import {
  AddRoleToInstanceProfileCommand,
  CreateAccessKeyCommand,
  CreateInstanceProfileCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeleteInstanceProfileCommand,
  DeleteRoleCommand,
  GetInstanceProfileCommand,
  GetRoleCommand,
  ListInstanceProfileTagsCommand,
  ListInstanceProfilesCommand,
  ListInstanceProfilesForRoleCommand,
  paginateListRoles,
  PutUserPolicyCommand,
  RemoveRoleFromInstanceProfileCommand,
  TagInstanceProfileCommand,
  UntagInstanceProfileCommand,
  type Role,
} from "@aws-sdk/client-iam";
import { failure, splitDenial, iamClient, trustPolicy, uniqueName } from "./support/aws";

const baseUrl = inject("baseUrl");
const iam = iamClient(baseUrl, { accessKeyId: inject("adminAccessKeyId"), secretAccessKey: inject("adminSecretAccessKey") });
const ACCOUNT = "111111111111";

async function roleAndProfile(path = "/") {
  const RoleName = uniqueName("ip-role");
  const InstanceProfileName = uniqueName("ip");
  await iam.send(new CreateRoleCommand({ RoleName, AssumeRolePolicyDocument: trustPolicy() }));
  const profile = (await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName, Path: path }))).InstanceProfile!;
  return { RoleName, InstanceProfileName, profile };
}

describe("instance profiles through the AWS SDK", () => {
  it("are created, read and listed with AWS's shapes, the role inside as AWS shows it", async () => {
    const { RoleName, InstanceProfileName, profile } = await roleAndProfile("/web/");
    expect(profile).toMatchObject({ InstanceProfileName, Path: "/web/", Arn: `arn:aws:iam::${ACCOUNT}:instance-profile/web/${InstanceProfileName}`, Roles: [] });
    expect(profile.InstanceProfileId).toMatch(/^AIPA[A-Z0-9]{17}$/);
    expect(profile.CreateDate).toBeInstanceOf(Date);

    await iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName, RoleName }));
    const got = (await iam.send(new GetInstanceProfileCommand({ InstanceProfileName: InstanceProfileName.toUpperCase() }))).InstanceProfile!;
    const role = (await iam.send(new GetRoleCommand({ RoleName }))).Role!;
    expect(got.Roles).toEqual([
      { Path: "/", RoleName, RoleId: role.RoleId, Arn: role.Arn, CreateDate: role.CreateDate, AssumeRolePolicyDocument: role.AssumeRolePolicyDocument },
    ]);
    expect(JSON.parse(decodeURIComponent(got.Roles![0].AssumeRolePolicyDocument!))).toEqual(JSON.parse(trustPolicy()));

    const forRole = await iam.send(new ListInstanceProfilesForRoleCommand({ RoleName }));
    expect(forRole.InstanceProfiles!.map((p) => [p.InstanceProfileName, p.Roles![0].RoleName])).toEqual([[InstanceProfileName, RoleName]]);
    expect(forRole.IsTruncated).toBe(false);

    const listed = await iam.send(new ListInstanceProfilesCommand({ PathPrefix: "/web/" }));
    expect(listed.InstanceProfiles!.map((p) => p.InstanceProfileName)).toContain(InstanceProfileName);
    expect(listed.InstanceProfiles!.every((p) => p.Path === "/web/")).toBe(true);

    // GetRole and ListRoles keep AWS's shape: no instance profile members appear on a role.
    // Paged through: other tests on this server add many roles to the account, so it may not be on the first page.
    let listedRole: Role | undefined;
    for await (const page of paginateListRoles({ client: iam }, {})) listedRole ??= page.Roles!.find((r) => r.RoleName === RoleName);
    expect(listedRole).toBeDefined();
    expect(Object.keys(listedRole!).sort()).toEqual(["Arn", "AssumeRolePolicyDocument", "CreateDate", "MaxSessionDuration", "Path", "RoleId", "RoleName"]);
  });

  it("page with MaxItems and Marker", async () => {
    await roleAndProfile("/paged/");
    await roleAndProfile("/paged/");
    const first = await iam.send(new ListInstanceProfilesCommand({ PathPrefix: "/paged/", MaxItems: 1 }));
    expect(first.InstanceProfiles).toHaveLength(1);
    expect(first.IsTruncated).toBe(true);
    const second = await iam.send(new ListInstanceProfilesCommand({ PathPrefix: "/paged/", MaxItems: 1, Marker: first.Marker }));
    expect(second.InstanceProfiles![0].InstanceProfileName).not.toBe(first.InstanceProfiles![0].InstanceProfileName);
  });

  it("hold one role: a second is LimitExceeded in AWS's words", async () => {
    const { RoleName, InstanceProfileName } = await roleAndProfile();
    await iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName, RoleName }));
    const other = uniqueName("second");
    await iam.send(new CreateRoleCommand({ RoleName: other, AssumeRolePolicyDocument: trustPolicy() }));
    const err = await failure(iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName, RoleName: other })));
    expect(err).toEqual({ code: "LimitExceeded", status: 409, message: "Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1" });
  });

  it("refuse DeleteInstanceProfile while holding a role, and DeleteRole while the role is in one", async () => {
    const { RoleName, InstanceProfileName } = await roleAndProfile();
    await iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName, RoleName }));
    const conflict = { code: "DeleteConflict", status: 409, message: "Cannot delete entity, must remove roles from instance profile first." };
    expect(await failure(iam.send(new DeleteInstanceProfileCommand({ InstanceProfileName })))).toEqual(conflict);
    expect(await failure(iam.send(new DeleteRoleCommand({ RoleName })))).toEqual(conflict);

    await iam.send(new RemoveRoleFromInstanceProfileCommand({ InstanceProfileName, RoleName }));
    expect((await iam.send(new GetInstanceProfileCommand({ InstanceProfileName }))).InstanceProfile!.Roles).toEqual([]);
    const notIn = await failure(iam.send(new RemoveRoleFromInstanceProfileCommand({ InstanceProfileName, RoleName })));
    expect([notIn.code, notIn.status]).toEqual(["NoSuchEntity", 404]);
    await iam.send(new DeleteInstanceProfileCommand({ InstanceProfileName }));
    await iam.send(new DeleteRoleCommand({ RoleName }));
    const gone = await failure(iam.send(new GetInstanceProfileCommand({ InstanceProfileName })));
    expect(gone).toEqual({ code: "NoSuchEntity", status: 404, message: `Instance Profile ${InstanceProfileName} cannot be found.` });
  });

  it("refuse a duplicate name, an unknown profile or role, and bad names", async () => {
    const { InstanceProfileName } = await roleAndProfile();
    const dup = await failure(iam.send(new CreateInstanceProfileCommand({ InstanceProfileName })));
    expect(dup).toEqual({ code: "EntityAlreadyExists", status: 409, message: `Instance Profile ${InstanceProfileName} already exists.` });
    const noRole = await failure(iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName, RoleName: "no-such-role" })));
    expect(noRole).toEqual({ code: "NoSuchEntity", status: 404, message: "The role with name no-such-role cannot be found." });
    const noProfile = await failure(iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: "no-such-profile", RoleName: "x" })));
    expect(noProfile.message).toBe("Instance Profile no-such-profile cannot be found.");
    expect((await failure(iam.send(new ListInstanceProfilesForRoleCommand({ RoleName: "no-such-role" })))).code).toBe("NoSuchEntity");
    const bad = await failure(iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: "bad name" })));
    expect(bad.code).toBe("ValidationError");
    expect(bad.message).toContain("'instanceProfileName' failed to satisfy constraint");
  });

  it("carry tags", async () => {
    const { InstanceProfileName } = await roleAndProfile();
    await iam.send(new TagInstanceProfileCommand({ InstanceProfileName, Tags: [{ Key: "team", Value: "web" }, { Key: "env", Value: "prod" }] }));
    await iam.send(new UntagInstanceProfileCommand({ InstanceProfileName, TagKeys: ["env"] }));
    expect((await iam.send(new ListInstanceProfileTagsCommand({ InstanceProfileName }))).Tags).toEqual([{ Key: "team", Value: "web" }]);
    expect((await iam.send(new GetInstanceProfileCommand({ InstanceProfileName }))).InstanceProfile!.Tags).toEqual([{ Key: "team", Value: "web" }]);
    const dup = await failure(iam.send(new TagInstanceProfileCommand({ InstanceProfileName, Tags: [{ Key: "a", Value: "" }, { Key: "A", Value: "" }] })));
    expect(dup).toEqual({ code: "InvalidInput", status: 400, message: "Duplicate tag keys found. Please note that Tag keys are case insensitive." });
  });
});

describe("AddRoleToInstanceProfile needs iam:PassRole on the role", () => {
  it("refuses a caller allowed the action but not to pass the role, and allows one who may pass it to EC2", async () => {
    const { RoleName, InstanceProfileName } = await roleAndProfile();
    const UserName = uniqueName("profiler");
    const user = (await iam.send(new CreateUserCommand({ UserName }))).User!;
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName }))).AccessKey!;
    const caller = iamClient(baseUrl, { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! });
    const allow = (statements: object[]) =>
      iam.send(new PutUserPolicyCommand({ UserName, PolicyName: "profiles", PolicyDocument: JSON.stringify({ Version: "2012-10-17", Statement: statements }) }));
    const addRole = { Effect: "Allow", Action: "iam:AddRoleToInstanceProfile", Resource: "*" };

    await allow([addRole]);
    const err = await failure(caller.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName, RoleName })));
    expect({ ...err, message: splitDenial(err.message).reason }).toEqual({
      code: "AccessDenied",
      status: 403,
      message: `User: ${user.Arn} is not authorized to perform: iam:PassRole on resource: arn:aws:iam::${ACCOUNT}:role/${RoleName} because no identity-based policy allows the iam:PassRole action`,
    });
    expect((await iam.send(new GetInstanceProfileCommand({ InstanceProfileName }))).InstanceProfile!.Roles).toEqual([]);

    // Passing it to another service is not passing it to EC2.
    await allow([addRole, { Effect: "Allow", Action: "iam:PassRole", Resource: "*", Condition: { StringEquals: { "iam:PassedToService": "lambda.amazonaws.com" } } }]);
    expect((await failure(caller.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName, RoleName })))).code).toBe("AccessDenied");

    await allow([addRole, { Effect: "Allow", Action: "iam:PassRole", Resource: "*", Condition: { StringEquals: { "iam:PassedToService": "ec2.amazonaws.com" } } }]);
    await caller.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName, RoleName }));
    expect((await iam.send(new GetInstanceProfileCommand({ InstanceProfileName }))).InstanceProfile!.Roles![0].RoleName).toBe(RoleName);
  });
});
