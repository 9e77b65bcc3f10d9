import { beforeAll, describe, expect, it } from "vitest";
import { useFreshTestDb } from "@/lib/db/test-db";
import { getDb } from "@/lib/db/client";
import { loadPrincipalPolicies } from "@/lib/db/principal-tables";
import { listAuditEvents } from "./audit";
import type { RequestContext } from "./context";
import * as groups from "./groups";
import * as policies from "./policies";
import * as users from "./users";
import { refusal } from "./test-helpers";

const ACCT = "111111111111";
const ctx: RequestContext = { accountId: ACCT, actor: "tester@example.com", source: "api", requestId: "r-groups" };
const other: RequestContext = { ...ctx, accountId: "222222222222" };
const READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";
const doc = (action: string) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: action, Resource: "*" }] });

let seq = 0;
const fresh = (prefix: string) => `${prefix}-${++seq}`;
const memberNames = async (group: string) => (await groups.getGroup(ctx, group)).users.items.map((u) => u.name);

beforeAll(useFreshTestDb);

describe("IAM groups", () => {
  it("creates a group with an AGPA id and its path in the ARN, and refuses the name again in any case", async () => {
    const g = await groups.createGroup(ctx, { GroupName: "Developers", Path: "/eng/" });
    expect(g.id).toMatch(/^AGPA[A-Z2-7]{17}$/);
    expect(g).toMatchObject({ name: "Developers", path: "/eng/", arn: `arn:aws:iam::${ACCT}:group/eng/Developers` });
    const dup = await refusal(groups.createGroup(ctx, { GroupName: "developers" }));
    expect([dup.code, dup.status, dup.message]).toEqual(["EntityAlreadyExists", 409, "Group with name developers already exists."]);
    expect((await groups.createGroup(other, { GroupName: "Developers" })).arn).toBe("arn:aws:iam::222222222222:group/Developers");
  });

  it("answers a missing group in IAM's words", async () => {
    const err = await refusal(groups.getGroup(ctx, "nope"));
    expect([err.code, err.status, err.message]).toEqual(["NoSuchEntity", 404, "The group with name nope cannot be found."]);
  });

  it("lists groups under a path prefix, by name or creation date, a page at a time", async () => {
    const names = ["list-c", "list-a", "list-b"];
    for (const [i, n] of names.entries()) {
      const g = await groups.createGroup(ctx, { GroupName: n, Path: "/listed/" });
      await getDb().iamGroup.update({ where: { id: g.id }, data: { createdAt: new Date(Date.UTC(2024, 0, i + 1)) } });
    }
    const listed = async (o: Parameters<typeof groups.listGroups>[1]) => (await groups.listGroups(ctx, { pathPrefix: "/listed/", ...o })).items.map((g) => g.name);
    expect(await listed({})).toEqual(["list-a", "list-b", "list-c"]);
    expect(await listed({ sort: "createdAt", order: "desc" })).toEqual(["list-b", "list-a", "list-c"]);
    expect(await listed({ search: "T-B" })).toEqual(["list-b"]);
    const first = await groups.listGroups(ctx, { pathPrefix: "/listed/", maxItems: 2 });
    expect([first.isTruncated, first.total]).toEqual([true, 3]);
    const second = await groups.listGroups(ctx, { pathPrefix: "/listed/", maxItems: 2, marker: first.marker });
    expect([...first.items, ...second.items].map((g) => g.name)).toEqual(["list-a", "list-b", "list-c"]);
    expect(second.isTruncated).toBe(false);
  });
});

describe("group members", () => {
  it("adds users once, lists them by name a page at a time, and removes them", async () => {
    const g = fresh("team");
    await groups.createGroup(ctx, { GroupName: g });
    for (const u of ["zed", "amy", "kim"]) {
      await users.createUser(ctx, { UserName: `${g}-${u}` });
      await groups.addUserToGroup(ctx, g, `${g}-${u}`);
    }
    await groups.addUserToGroup(ctx, g, `${g}-amy`); // adding again changes nothing, as in IAM
    expect(await memberNames(g)).toEqual([`${g}-amy`, `${g}-kim`, `${g}-zed`]);

    const page = await groups.getGroup(ctx, g, { maxItems: 2 });
    expect([page.users.items.length, page.users.isTruncated]).toEqual([2, true]);
    const rest = await groups.getGroup(ctx, g, { maxItems: 2, marker: page.users.marker });
    expect(rest.users.items.map((u) => u.name)).toEqual([`${g}-zed`]);

    expect((await groups.listGroupsForUser(ctx, `${g}-kim`)).items.map((x) => x.name)).toEqual([g]);
    await groups.removeUserFromGroup(ctx, g, `${g}-kim`);
    expect(await memberNames(g)).toEqual([`${g}-amy`, `${g}-zed`]);
    expect((await groups.listGroupsForUser(ctx, `${g}-kim`)).items).toEqual([]);
  });

  it("refuses a missing group, a missing user and a user that is not a member, in IAM's words", async () => {
    const g = fresh("strict");
    await groups.createGroup(ctx, { GroupName: g });
    await users.createUser(ctx, { UserName: `${g}-u` });
    const noGroup = await refusal(groups.addUserToGroup(ctx, `${g}-missing`, `${g}-u`));
    expect([noGroup.code, noGroup.message]).toEqual(["NoSuchEntity", `The group with name ${g}-missing cannot be found.`]);
    const noUser = await refusal(groups.addUserToGroup(ctx, g, `${g}-ghost`));
    expect([noUser.code, noUser.message]).toEqual(["NoSuchEntity", `The user with name ${g}-ghost cannot be found.`]);
    const notMember = await refusal(groups.removeUserFromGroup(ctx, g, `${g}-u`));
    expect([notMember.code, notMember.status, notMember.message]).toEqual(["NoSuchEntity", 404, `The user with name ${g}-u cannot be found.`]);
    const listFor = await refusal(groups.listGroupsForUser(ctx, `${g}-ghost`));
    expect(listFor.message).toBe(`The user with name ${g}-ghost cannot be found.`);
  });

  it("puts a user in at most ten groups (GroupsPerUser) and changes nothing on the eleventh", async () => {
    const u = fresh("joiner");
    await users.createUser(ctx, { UserName: u });
    const names = Array.from({ length: 11 }, (_, i) => `${u}-g${String(i).padStart(2, "0")}`);
    for (const n of names) await groups.createGroup(ctx, { GroupName: n });
    for (const n of names.slice(0, 10)) await groups.addUserToGroup(ctx, n, u);
    await groups.addUserToGroup(ctx, names[0], u); // already a member: not a new membership
    const err = await refusal(groups.addUserToGroup(ctx, names[10], u));
    expect([err.code, err.status, err.message]).toEqual(["LimitExceeded", 409, "Cannot exceed quota for GroupsPerUser: 10"]);
    expect((await groups.listGroupsForUser(ctx, u)).items.map((g) => g.name)).toEqual(names.slice(0, 10));
    expect(await memberNames(names[10])).toEqual([]);
  });

  it("adds several users, or a user to several groups, in one change for the console: all or none", async () => {
    const g = fresh("batch");
    await groups.createGroup(ctx, { GroupName: g });
    for (const u of ["a", "b"]) await users.createUser(ctx, { UserName: `${g}-${u}` });
    const missing = await refusal(groups.addUsersToGroup(ctx, g, [`${g}-a`, `${g}-ghost`]));
    expect(missing.message).toBe(`The user with name ${g}-ghost cannot be found.`);
    expect(await memberNames(g)).toEqual([]);
    await groups.addUsersToGroup(ctx, g, [`${g}-b`, `${g}-a`]);
    expect(await memberNames(g)).toEqual([`${g}-a`, `${g}-b`]);

    const names = Array.from({ length: 10 }, (_, i) => `${g}-g${i}`);
    for (const n of names) await groups.createGroup(ctx, { GroupName: n });
    await groups.addUserToGroups(ctx, `${g}-a`, names.slice(0, 8)); // now in nine groups
    const over = await refusal(groups.addUserToGroups(ctx, `${g}-a`, names.slice(8)));
    expect(over.message).toBe("Cannot exceed quota for GroupsPerUser: 10");
    expect((await groups.listGroupsForUser(ctx, `${g}-a`)).items).toHaveLength(9);
  });

  it("records membership changes in the audit trail against the group", async () => {
    const g = fresh("audited");
    const group = await groups.createGroup(ctx, { GroupName: g });
    await users.createUser(ctx, { UserName: `${g}-u` });
    await groups.addUserToGroup(ctx, g, `${g}-u`);
    await groups.removeUserFromGroup(ctx, g, `${g}-u`);
    await refusal(groups.removeUserFromGroup(ctx, g, `${g}-u`));
    const events = (await listAuditEvents({ target: group.arn })).map((e) => [e.action, e.outcome]).reverse();
    expect(events).toEqual([["CreateGroup", "Success"], ["AddUserToGroup", "Success"], ["RemoveUserFromGroup", "Success"], ["RemoveUserFromGroup", "Failure"]]);
  });
});

describe("UpdateGroup", () => {
  it("renames and moves a group, keeping its members and policies under the new ARN", async () => {
    const g = fresh("rename");
    await groups.createGroup(ctx, { GroupName: g });
    await users.createUser(ctx, { UserName: `${g}-u` });
    await groups.addUserToGroup(ctx, g, `${g}-u`);
    await groups.groupPermissions.attachPolicy(ctx, g, READ_ONLY);
    const renamed = await groups.updateGroup(ctx, { GroupName: g, NewGroupName: `${g}-new`, NewPath: "/moved/" });
    expect(renamed).toMatchObject({ name: `${g}-new`, path: "/moved/", arn: `arn:aws:iam::${ACCT}:group/moved/${g}-new` });
    expect(await memberNames(`${g}-new`)).toEqual([`${g}-u`]);
    expect((await groups.groupPermissions.listAttachedPolicies(ctx, `${g}-new`)).items.map((p) => p.policyArn)).toEqual([READ_ONLY]);
    expect((await refusal(groups.getGroup(ctx, g))).code).toBe("NoSuchEntity");

    const path = await groups.updateGroup(ctx, { GroupName: `${g}-new`, NewPath: "/" });
    expect(path.arn).toBe(`arn:aws:iam::${ACCT}:group/${g}-new`);
    expect((await groups.updateGroup(ctx, { GroupName: `${g}-new`, NewGroupName: `${g}-NEW` })).name).toBe(`${g}-NEW`);
  });

  it("refuses a name another group holds, and a missing group", async () => {
    const g = fresh("taken");
    await groups.createGroup(ctx, { GroupName: g });
    await groups.createGroup(ctx, { GroupName: `${g}-other` });
    const err = await refusal(groups.updateGroup(ctx, { GroupName: g, NewGroupName: `${g}-OTHER` }));
    expect([err.code, err.message]).toEqual(["EntityAlreadyExists", `Group with name ${g}-OTHER already exists.`]);
    const missing = await refusal(groups.updateGroup(ctx, { GroupName: `${g}-gone`, NewGroupName: `${g}-x` }));
    expect(missing.message).toBe(`The group with name ${g}-gone cannot be found.`);
  });
});

describe("deleting groups and their users", () => {
  it("refuses DeleteGroup while members, managed or inline policies remain, one at a time, in IAM's words", async () => {
    const g = fresh("busy");
    await groups.createGroup(ctx, { GroupName: g });
    await users.createUser(ctx, { UserName: `${g}-u` });
    await groups.addUserToGroup(ctx, g, `${g}-u`);
    await groups.groupPermissions.attachPolicy(ctx, g, READ_ONLY);
    await groups.groupPermissions.putPolicy(ctx, g, "inline", doc("s3:GetObject"));
    const conflict = async () => {
      const e = await refusal(groups.deleteGroup(ctx, g));
      expect([e.code, e.status]).toEqual(["DeleteConflict", 409]);
      return e.message;
    };
    expect(await conflict()).toBe("Cannot delete entity, must remove users from group first.");
    await groups.removeUserFromGroup(ctx, g, `${g}-u`);
    expect(await conflict()).toBe("Cannot delete entity, must detach all policies first.");
    await groups.groupPermissions.detachPolicy(ctx, g, READ_ONLY);
    expect(await conflict()).toBe("Cannot delete entity, must delete policies first.");
    await groups.groupPermissions.deletePolicy(ctx, g, "inline");
    await groups.deleteGroup(ctx, g);
    expect((await refusal(groups.getGroup(ctx, g))).code).toBe("NoSuchEntity");
  });

  it("deletes a group with its members and policies in one change for the console, keeping the users", async () => {
    const g = fresh("anyway");
    await groups.createGroup(ctx, { GroupName: g });
    await users.createUser(ctx, { UserName: `${g}-u` });
    await groups.addUserToGroup(ctx, g, `${g}-u`);
    await groups.groupPermissions.attachPolicy(ctx, g, READ_ONLY);
    await groups.groupPermissions.putPolicy(ctx, g, "inline", doc("s3:GetObject"));
    await groups.deleteGroupWithDependents(ctx, g);
    expect((await refusal(groups.getGroup(ctx, g))).code).toBe("NoSuchEntity");
    expect((await users.getUser(ctx, `${g}-u`)).name).toBe(`${g}-u`);
    expect((await groups.listGroupsForUser(ctx, `${g}-u`)).items).toEqual([]);
  });

  it("refuses DeleteUser while the user is in a group; the console's delete takes the memberships with it", async () => {
    const g = fresh("keeper");
    await groups.createGroup(ctx, { GroupName: g });
    await users.createUser(ctx, { UserName: `${g}-u` });
    await groups.addUserToGroup(ctx, g, `${g}-u`);
    const e = await refusal(users.deleteUser(ctx, `${g}-u`));
    expect([e.code, e.message]).toEqual(["DeleteConflict", "Cannot delete entity, must remove users from group first."]);
    await users.deleteUserWithDependents(ctx, `${g}-u`);
    expect(await memberNames(g)).toEqual([]);
  });
});

describe("group policies", () => {
  it("count in the policy's attachments and entities, and keep it from being deleted", async () => {
    const g = fresh("holder");
    await groups.createGroup(ctx, { GroupName: g });
    const p = await policies.createPolicy(ctx, { PolicyName: `${g}-policy`, PolicyDocument: doc("s3:GetObject") });
    await groups.groupPermissions.attachPolicy(ctx, g, p.arn);
    expect((await policies.getPolicy(ctx, p.arn)).attachmentCount).toBe(1);
    const entities = await policies.listEntitiesForPolicy(ctx, p.arn);
    expect(entities).toEqual({ roles: [], users: [], groups: [{ name: g, id: expect.stringMatching(/^AGPA/) }] });
    expect((await policies.listPolicies(ctx, { scope: "Local", onlyAttached: true })).items.map((x) => x.name)).toContain(`${g}-policy`);
    expect((await refusal(policies.deletePolicy(ctx, p.arn))).code).toBe("DeleteConflict");
    expect((await policies.listEntitiesForPolicy(other, READ_ONLY)).groups).toEqual([]);
  });

  it("are a user's too: loaded for evaluation after its own, each naming its group, and gone once it leaves", async () => {
    const u = fresh("member");
    const user = await users.createUser(ctx, { UserName: u });
    await users.userPermissions.putPolicy(ctx, u, "own", doc("s3:ListBucket"));
    for (const g of [`${u}-b`, `${u}-a`]) await groups.createGroup(ctx, { GroupName: g, Path: "/teams/" });
    await groups.groupPermissions.attachPolicy(ctx, `${u}-a`, READ_ONLY);
    await groups.groupPermissions.putPolicy(ctx, `${u}-a`, "a-inline", doc("s3:GetObject"));
    await groups.groupPermissions.putPolicy(ctx, `${u}-b`, "b-inline", doc("s3:PutObject"));
    for (const g of [`${u}-b`, `${u}-a`]) await groups.addUserToGroup(ctx, g, u);

    const loaded = async () => (await loadPrincipalPolicies(getDb(), "user", { id: user.id }))!.identity.map((p) => [p.name, p.arn, p.group?.arn]);
    const groupArn = (n: string) => `arn:aws:iam::${ACCT}:group/teams/${n}`;
    expect(await loaded()).toEqual([
      ["own", undefined, undefined],
      ["ReadOnlyAccess", READ_ONLY, groupArn(`${u}-a`)],
      ["a-inline", undefined, groupArn(`${u}-a`)],
      ["b-inline", undefined, groupArn(`${u}-b`)],
    ]);
    await groups.removeUserFromGroup(ctx, `${u}-a`, u);
    expect(await loaded()).toEqual([["own", undefined, undefined], ["b-inline", undefined, groupArn(`${u}-b`)]]);
  });
});
