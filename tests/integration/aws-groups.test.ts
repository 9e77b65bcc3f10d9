import { describe, expect, inject, it } from "vitest";
import {
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreatePolicyCommand,
  CreateUserCommand,
  DeleteGroupCommand,
  DeleteGroupPolicyCommand,
  DeletePolicyCommand,
  DeleteUserCommand,
  DetachGroupPolicyCommand,
  GetGroupCommand,
  GetGroupPolicyCommand,
  GetPolicyCommand,
  ListAttachedGroupPoliciesCommand,
  ListEntitiesForPolicyCommand,
  ListGroupPoliciesCommand,
  ListGroupsCommand,
  ListGroupsForUserCommand,
  ListRolesCommand,
  PutGroupPolicyCommand,
  RemoveUserFromGroupCommand,
  UpdateGroupCommand,
} from "@aws-sdk/client-iam";
import { failure, splitDenial, iamClient, identityPolicy, rawRequest, uniqueName } from "./support/aws";

const baseUrl = inject("baseUrl");
const credentials = { accessKeyId: inject("adminAccessKeyId"), secretAccessKey: inject("adminSecretAccessKey") };
const iam = iamClient(baseUrl, credentials);
const ACCOUNT = "111111111111";
const READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";

const newGroup = async (prefix = "group", Path?: string) => {
  const GroupName = uniqueName(prefix);
  const { Group } = await iam.send(new CreateGroupCommand({ GroupName, Path }));
  return { ...Group!, GroupName };
};
const newUser = async (prefix = "member") => {
  const UserName = uniqueName(prefix);
  await iam.send(new CreateUserCommand({ UserName }));
  return UserName;
};
const memberNames = async (GroupName: string) => (await iam.send(new GetGroupCommand({ GroupName }))).Users!.map((u) => u.UserName);

describe("IAM groups through the AWS SDK", () => {
  it("creates, gets, lists by path a page at a time, renames and deletes groups", async () => {
    const path = `/${uniqueName("org")}/`;
    const name = uniqueName("devs");
    const created = (await iam.send(new CreateGroupCommand({ GroupName: name, Path: path }))).Group!;
    expect(created).toMatchObject({ GroupName: name, Path: path, Arn: `arn:aws:iam::${ACCOUNT}:group${path}${name}` });
    expect(created.GroupId).toMatch(/^AGPA[A-Z0-9]{17}$/);
    expect(created.CreateDate).toBeInstanceOf(Date);

    const got = await iam.send(new GetGroupCommand({ GroupName: name.toUpperCase() }));
    expect(got).toMatchObject({ Group: { GroupName: name, GroupId: created.GroupId }, Users: [], IsTruncated: false });

    const second = (await iam.send(new CreateGroupCommand({ GroupName: uniqueName("ops"), Path: path }))).Group!;
    const page1 = await iam.send(new ListGroupsCommand({ PathPrefix: path, MaxItems: 1 }));
    expect(page1).toMatchObject({ IsTruncated: true, Groups: [expect.objectContaining({ Path: path })] });
    const page2 = await iam.send(new ListGroupsCommand({ PathPrefix: path, Marker: page1.Marker }));
    expect(page2.IsTruncated).toBe(false);
    expect([...page1.Groups!, ...page2.Groups!].map((g) => g.GroupName).sort()).toEqual([name, second.GroupName].sort());
    expect((await iam.send(new ListGroupsCommand({ PathPrefix: `${path}nothing/` }))).Groups).toEqual([]);

    const renamed = uniqueName("platform");
    await iam.send(new UpdateGroupCommand({ GroupName: name, NewGroupName: renamed, NewPath: "/" }));
    expect((await iam.send(new GetGroupCommand({ GroupName: renamed }))).Group).toMatchObject({
      GroupId: created.GroupId,
      Path: "/",
      Arn: `arn:aws:iam::${ACCOUNT}:group/${renamed}`,
    });

    const dup = await failure(iam.send(new CreateGroupCommand({ GroupName: second.GroupName!.toUpperCase() })));
    expect(dup).toEqual({ code: "EntityAlreadyExists", status: 409, message: `Group with name ${second.GroupName!.toUpperCase()} already exists.` });
    const taken = await failure(iam.send(new UpdateGroupCommand({ GroupName: renamed, NewGroupName: second.GroupName })));
    expect(taken).toEqual({ code: "EntityAlreadyExists", status: 409, message: `Group with name ${second.GroupName} already exists.` });

    for (const GroupName of [renamed, second.GroupName]) await iam.send(new DeleteGroupCommand({ GroupName }));
    for (const call of [new GetGroupCommand({ GroupName: renamed }), new DeleteGroupCommand({ GroupName: renamed }), new UpdateGroupCommand({ GroupName: name, NewPath: "/x/" })]) {
      const gone = await failure(iam.send(call as GetGroupCommand));
      expect([gone.code, gone.status]).toEqual(["NoSuchEntity", 404]);
      expect(gone.message).toMatch(/^The group with name .+ cannot be found\.$/);
    }
  });

  it("adds and removes members, pages GetGroup's users and ListGroupsForUser, and refuses what IAM refuses", async () => {
    const group = await newGroup("team");
    const names = [await newUser("amy"), await newUser("bob"), await newUser("cat")];
    for (const UserName of names) await iam.send(new AddUserToGroupCommand({ GroupName: group.GroupName, UserName }));
    await iam.send(new AddUserToGroupCommand({ GroupName: group.GroupName, UserName: names[0] })); // again: no change

    const first = await iam.send(new GetGroupCommand({ GroupName: group.GroupName, MaxItems: 2 }));
    expect(first).toMatchObject({ IsTruncated: true, Group: { GroupName: group.GroupName } });
    expect(first.Users![0]).toEqual(expect.objectContaining({ UserName: names[0], Arn: `arn:aws:iam::${ACCOUNT}:user/${names[0]}` }));
    expect(first.Users![0].Tags).toBeUndefined();
    const rest = await iam.send(new GetGroupCommand({ GroupName: group.GroupName, Marker: first.Marker }));
    expect([...first.Users!, ...rest.Users!].map((u) => u.UserName)).toEqual(names);

    const other = await newGroup("team2");
    await iam.send(new AddUserToGroupCommand({ GroupName: other.GroupName, UserName: names[1] }));
    const forBob = await iam.send(new ListGroupsForUserCommand({ UserName: names[1], MaxItems: 1 }));
    expect(forBob.IsTruncated).toBe(true);
    const forBobRest = await iam.send(new ListGroupsForUserCommand({ UserName: names[1], Marker: forBob.Marker }));
    expect([...forBob.Groups!, ...forBobRest.Groups!].map((g) => g.GroupName).sort()).toEqual([group.GroupName, other.GroupName].sort());
    expect(forBob.Groups![0]).toEqual(expect.objectContaining({ GroupId: expect.stringMatching(/^AGPA/), Path: "/" }));

    await iam.send(new RemoveUserFromGroupCommand({ GroupName: group.GroupName, UserName: names[1] }));
    expect(await memberNames(group.GroupName!)).toEqual([names[0], names[2]]);
    const notMember = await failure(iam.send(new RemoveUserFromGroupCommand({ GroupName: group.GroupName, UserName: names[1] })));
    expect(notMember).toEqual({ code: "NoSuchEntity", status: 404, message: `The user with name ${names[1]} cannot be found.` });
    const noUser = await failure(iam.send(new AddUserToGroupCommand({ GroupName: group.GroupName, UserName: "no-such-user" })));
    expect(noUser).toEqual({ code: "NoSuchEntity", status: 404, message: "The user with name no-such-user cannot be found." });
    const noGroup = await failure(iam.send(new AddUserToGroupCommand({ GroupName: "no-such-group", UserName: names[0] })));
    expect(noGroup).toEqual({ code: "NoSuchEntity", status: 404, message: "The group with name no-such-group cannot be found." });
    const listForGhost = await failure(iam.send(new ListGroupsForUserCommand({ UserName: "no-such-user" })));
    expect(listForGhost.message).toBe("The user with name no-such-user cannot be found.");
  });

  it("puts a user in at most ten groups", async () => {
    const user = await newUser("joiner");
    const groups = [];
    for (let i = 0; i < 11; i++) groups.push((await newGroup(`quota${i}`)).GroupName!);
    for (const GroupName of groups.slice(0, 10)) await iam.send(new AddUserToGroupCommand({ GroupName, UserName: user }));
    const err = await failure(iam.send(new AddUserToGroupCommand({ GroupName: groups[10], UserName: user })));
    expect(err).toEqual({ code: "LimitExceeded", status: 409, message: "Cannot exceed quota for GroupsPerUser: 10" });
    expect((await iam.send(new ListGroupsForUserCommand({ UserName: user }))).Groups).toHaveLength(10);
  });

  it("holds inline and managed policies, within their quotas", async () => {
    const { GroupName } = await newGroup("holder");
    const doc = identityPolicy("s3:GetObject");
    await iam.send(new PutGroupPolicyCommand({ GroupName, PolicyName: "read", PolicyDocument: doc }));
    const got = await iam.send(new GetGroupPolicyCommand({ GroupName, PolicyName: "read" }));
    expect([got.GroupName, got.PolicyName, decodeURIComponent(got.PolicyDocument!)]).toEqual([GroupName, "read", doc]);
    await iam.send(new PutGroupPolicyCommand({ GroupName, PolicyName: "write", PolicyDocument: identityPolicy("s3:PutObject") }));
    const names1 = await iam.send(new ListGroupPoliciesCommand({ GroupName, MaxItems: 1 }));
    const names2 = await iam.send(new ListGroupPoliciesCommand({ GroupName, Marker: names1.Marker }));
    expect([names1.IsTruncated, [...names1.PolicyNames!, ...names2.PolicyNames!]]).toEqual([true, ["read", "write"]]);
    await iam.send(new DeleteGroupPolicyCommand({ GroupName, PolicyName: "write" }));
    const gone = await failure(iam.send(new GetGroupPolicyCommand({ GroupName, PolicyName: "write" })));
    expect(gone).toEqual({ code: "NoSuchEntity", status: 404, message: "The group policy with name write cannot be found." });
    const malformed = await failure(iam.send(new PutGroupPolicyCommand({ GroupName, PolicyName: "bad", PolicyDocument: "{" })));
    expect([malformed.code, malformed.status]).toEqual(["MalformedPolicyDocument", 400]);

    // 5,120 characters for all of a group's inline policies, whitespace not counted.
    const big = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: Array.from({ length: 250 }, (_, i) => `arn:aws:s3:::bucket-${i}/*`) }] });
    const tooBig = await failure(iam.send(new PutGroupPolicyCommand({ GroupName, PolicyName: "big", PolicyDocument: big })));
    expect(tooBig).toEqual({ code: "LimitExceeded", status: 409, message: `Maximum policy size of 5120 bytes exceeded for group ${GroupName}` });

    const arns = [];
    for (let i = 0; i < 11; i++)
      arns.push((await iam.send(new CreatePolicyCommand({ PolicyName: uniqueName(`gp${i}`), Path: "/grp/", PolicyDocument: doc }))).Policy!.Arn!);
    for (const PolicyArn of arns.slice(0, 10)) await iam.send(new AttachGroupPolicyCommand({ GroupName, PolicyArn }));
    const eleventh = await failure(iam.send(new AttachGroupPolicyCommand({ GroupName, PolicyArn: arns[10] })));
    expect(eleventh).toEqual({ code: "LimitExceeded", status: 409, message: "Cannot exceed quota for PoliciesPerGroup: 10" });
    const attached = await iam.send(new ListAttachedGroupPoliciesCommand({ GroupName, PathPrefix: "/grp/", MaxItems: 4 }));
    expect([attached.IsTruncated, attached.AttachedPolicies!.map((p) => p.PolicyArn)]).toEqual([true, arns.slice(0, 4)]);
    for (const PolicyArn of arns.slice(0, 10)) await iam.send(new DetachGroupPolicyCommand({ GroupName, PolicyArn }));
    const notAttached = await failure(iam.send(new DetachGroupPolicyCommand({ GroupName, PolicyArn: arns[0] })));
    expect(notAttached).toEqual({ code: "NoSuchEntity", status: 404, message: `Policy ${arns[0]} was not found.` });
    for (const PolicyArn of arns) await iam.send(new DeletePolicyCommand({ PolicyArn }));
  });

  it("counts groups among a policy's entities and attachments", async () => {
    const { GroupName, GroupId } = await newGroup("attached");
    const PolicyArn = (await iam.send(new CreatePolicyCommand({ PolicyName: uniqueName("shared"), PolicyDocument: identityPolicy() }))).Policy!.Arn!;
    await iam.send(new AttachGroupPolicyCommand({ GroupName, PolicyArn }));
    expect((await iam.send(new GetPolicyCommand({ PolicyArn }))).Policy!.AttachmentCount).toBe(1);
    const all = await iam.send(new ListEntitiesForPolicyCommand({ PolicyArn }));
    expect(all).toMatchObject({ PolicyGroups: [{ GroupName, GroupId }], PolicyUsers: [], PolicyRoles: [] });
    const usersOnly = await iam.send(new ListEntitiesForPolicyCommand({ PolicyArn, EntityFilter: "User" }));
    expect(usersOnly.PolicyGroups).toEqual([]);
    expect((await iam.send(new ListEntitiesForPolicyCommand({ PolicyArn, EntityFilter: "Group" }))).PolicyGroups).toEqual([{ GroupName, GroupId }]);
    const conflict = await failure(iam.send(new DeletePolicyCommand({ PolicyArn })));
    expect(conflict.code).toBe("DeleteConflict");
  });

  it("refuses DeleteGroup and DeleteUser while members or policies remain, in IAM's words", async () => {
    const { GroupName } = await newGroup("busy");
    const UserName = await newUser("held");
    await iam.send(new AddUserToGroupCommand({ GroupName, UserName }));
    await iam.send(new AttachGroupPolicyCommand({ GroupName, PolicyArn: READ_ONLY }));
    await iam.send(new PutGroupPolicyCommand({ GroupName, PolicyName: "inline", PolicyDocument: identityPolicy() }));
    const deleteGroup = () => failure(iam.send(new DeleteGroupCommand({ GroupName })));

    expect(await failure(iam.send(new DeleteUserCommand({ UserName })))).toEqual({
      code: "DeleteConflict",
      status: 409,
      message: "Cannot delete entity, must remove users from group first.",
    });
    expect(await deleteGroup()).toEqual({ code: "DeleteConflict", status: 409, message: "Cannot delete entity, must remove users from group first." });
    await iam.send(new RemoveUserFromGroupCommand({ GroupName, UserName }));
    await iam.send(new DeleteUserCommand({ UserName }));
    expect((await deleteGroup()).message).toBe("Cannot delete entity, must detach all policies first.");
    await iam.send(new DetachGroupPolicyCommand({ GroupName, PolicyArn: READ_ONLY }));
    expect((await deleteGroup()).message).toBe("Cannot delete entity, must delete policies first.");
    await iam.send(new DeleteGroupPolicyCommand({ GroupName, PolicyName: "inline" }));
    await iam.send(new DeleteGroupCommand({ GroupName }));
  });

  it("validates names with the model's constraints before anything else", async () => {
    const long = await failure(iam.send(new CreateGroupCommand({ GroupName: "g".repeat(129) })));
    expect(long).toEqual({
      code: "ValidationError",
      status: 400,
      message: `1 validation error detected: Value '${"g".repeat(129)}' at 'groupName' failed to satisfy constraint: Member must have length less than or equal to 128`,
    });
    expect((await iam.send(new CreateGroupCommand({ GroupName: "g".repeat(128) }))).Group!.GroupName).toHaveLength(128);
    await iam.send(new DeleteGroupCommand({ GroupName: "g".repeat(128) }));
    const chars = await failure(iam.send(new CreateGroupCommand({ GroupName: "no spaces" })));
    expect(chars.message).toBe("1 validation error detected: Value 'no spaces' at 'groupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+");
    const path = await failure(iam.send(new CreateGroupCommand({ GroupName: "ok", Path: "no-slashes" })));
    expect(path.message).toContain("at 'path' failed to satisfy constraint");
    // AddUserToGroup names an existing user: up to 128 characters, so a long unknown name is not found rather than invalid.
    const { GroupName } = await newGroup("names");
    const unknown = await failure(iam.send(new AddUserToGroupCommand({ GroupName, UserName: "u".repeat(128) })));
    expect(unknown.code).toBe("NoSuchEntity");
    const invalid = await failure(iam.send(new AddUserToGroupCommand({ GroupName, UserName: "u".repeat(129) })));
    expect(invalid.message).toContain("at 'userName' failed to satisfy constraint: Member must have length less than or equal to 128");
  });

  it("refuses unsigned and hostile requests, and treats prototype names as plain names", async () => {
    const unsignedName = uniqueName("unsigned");
    const unsigned = await rawRequest({ baseUrl, params: { Action: "CreateGroup", Version: "2010-05-08", GroupName: unsignedName } });
    expect([unsigned.status, unsigned.code]).toEqual([403, "MissingAuthenticationToken"]);
    expect((await failure(iam.send(new GetGroupCommand({ GroupName: unsignedName })))).code).toBe("NoSuchEntity");

    const deep = await rawRequest({ baseUrl, credentials, params: { Action: "AddUserToGroup", Version: "2010-05-08", GroupName: "g", [`UserName${".a".repeat(40)}`]: "x" } });
    expect(deep.status).toBe(400);

    for (const GroupName of ["__proto__", "constructor"]) {
      await iam.send(new CreateGroupCommand({ GroupName }));
      expect((await iam.send(new GetGroupCommand({ GroupName }))).Group!.Arn).toBe(`arn:aws:iam::${ACCOUNT}:group/${GroupName}`);
      const err = await failure(iam.send(new AddUserToGroupCommand({ GroupName, UserName: "__proto__" })));
      expect(err.message).toBe("The user with name __proto__ cannot be found.");
      await iam.send(new DeleteGroupCommand({ GroupName }));
    }
  });

  it("has no tags and no permissions boundary, as in IAM", async () => {
    const { GroupName } = await newGroup("plain");
    for (const Action of ["TagGroup", "ListGroupTags", "PutGroupPermissionsBoundary"]) {
      const res = await rawRequest({ baseUrl, credentials, params: { Action, Version: "2010-05-08", GroupName, "Tags.member.1.Key": "k", "Tags.member.1.Value": "v" } });
      expect([res.status, res.code, res.message]).toEqual([400, "InvalidAction", `Could not find operation ${Action} for version 2010-05-08`]);
    }
  });
});

describe("authorizing callers through their groups", () => {
  async function caller() {
    const UserName = await newUser("grouped");
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName }))).AccessKey!;
    return { UserName, client: iamClient(baseUrl, { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! }) };
  }

  it("allows a user with no policies of its own through a group, and denies it on the very next request after it leaves", async () => {
    const { UserName, client } = await caller();
    const arn = `arn:aws:iam::${ACCOUNT}:user/${UserName}`;
    const denied = `User: ${arn} is not authorized to perform: iam:ListRoles on resource: arn:aws:iam::${ACCOUNT}:role/ because no identity-based policy allows the iam:ListRoles action`;
    expect(splitDenial((await failure(client.send(new ListRolesCommand({})))).message).reason).toBe(denied);

    const { GroupName } = await newGroup("readers");
    await iam.send(new AttachGroupPolicyCommand({ GroupName, PolicyArn: "arn:aws:iam::aws:policy/IAMReadOnlyAccess" }));
    await iam.send(new AddUserToGroupCommand({ GroupName, UserName }));
    expect((await client.send(new ListRolesCommand({}))).Roles!.length).toBeGreaterThan(0);

    await iam.send(new RemoveUserFromGroupCommand({ GroupName, UserName }));
    const again = await failure(client.send(new ListRolesCommand({})));
    expect([again.code, again.status, splitDenial(again.message).reason]).toEqual(["AccessDenied", 403, denied]);
  });

  it("lets a group's explicit deny win, and authorizes a rename on the group's new name too", async () => {
    const { UserName, client } = await caller();
    const { GroupName } = await newGroup("team-ops");
    const other = uniqueName("team-ops");
    await iam.send(
      new PutGroupPolicyCommand({
        GroupName,
        PolicyName: "own-groups",
        PolicyDocument: JSON.stringify({
          Version: "2012-10-17",
          Statement: [
            { Effect: "Allow", Action: ["iam:UpdateGroup", "iam:GetGroup"], Resource: `arn:aws:iam::${ACCOUNT}:group/team-ops-*` },
            { Effect: "Deny", Action: "iam:ListGroups", Resource: "*" },
          ],
        }),
      }),
    );
    await iam.send(new AddUserToGroupCommand({ GroupName, UserName }));
    const arn = `arn:aws:iam::${ACCOUNT}:user/${UserName}`;
    const listing = await failure(client.send(new ListGroupsCommand({})));
    expect(splitDenial(listing.message).reason).toBe(`User: ${arn} is not authorized to perform: iam:ListGroups on resource: arn:aws:iam::${ACCOUNT}:group/ with an explicit deny in an identity-based policy`);

    const outside = uniqueName("elsewhere");
    const rename = await failure(client.send(new UpdateGroupCommand({ GroupName, NewGroupName: outside })));
    expect(splitDenial(rename.message).reason).toBe(
      `User: ${arn} is not authorized to perform: iam:UpdateGroup on resource: arn:aws:iam::${ACCOUNT}:group/${outside} because no identity-based policy allows the iam:UpdateGroup action`,
    );
    expect((await client.send(new GetGroupCommand({ GroupName }))).Group!.GroupName).toBe(GroupName);
    await client.send(new UpdateGroupCommand({ GroupName, NewGroupName: other }));
    expect((await client.send(new GetGroupCommand({ GroupName: other }))).Users!.map((u) => u.UserName)).toEqual([UserName]);
  });
});
