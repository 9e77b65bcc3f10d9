import { beforeAll, describe, expect, inject, it } from "vitest";
import { ConsoleClient, uniqueName } from "./console-client";

type ApiError = { error: { code: string; message: string } };
type Group = { name: string; path: string; arn: string; id: string };
type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

const READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";
const doc = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] });

let admin: ConsoleClient;
let viewer: ConsoleClient;

beforeAll(async () => {
  admin = await ConsoleClient.signIn(inject("adminEmail"), inject("adminPassword"));
  viewer = await ConsoleClient.signIn(inject("viewerEmail"), inject("viewerPassword"));
});

async function newGroup(path?: string) {
  const res = await admin.json<Group>("POST", "/api/console/groups", { GroupName: uniqueName("cgroup"), Path: path });
  expect(res.status).toBe(201);
  return res.body;
}

async function newUser() {
  const name = uniqueName("cuser");
  expect((await admin.json("POST", "/api/console/users", { UserName: name })).status).toBe(201);
  return name;
}

describe("console groups as admin", () => {
  it("creates, lists with search, path, sort (name or creation date) and pages, renames and deletes a group", async () => {
    const path = `/${uniqueName("cpath")}/`;
    const [a, b, c] = [await newGroup(path), await newGroup(path), await newGroup(path)];
    expect(a.arn).toBe(`arn:aws:iam::111111111111:group${path}${a.name}`);

    const listed = await admin.json<Page<Group & { memberCount: number }>>("GET", `/api/console/groups?path=${encodeURIComponent(path)}&sort=name&order=desc&pageSize=2`);
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(listed.body.items.map((g) => g.name)).toEqual([c, b, a].map((g) => g.name).sort().reverse().slice(0, 2));
    const page2 = await admin.json<Page<Group>>("GET", `/api/console/groups?path=${encodeURIComponent(path)}&sort=name&order=desc&pageSize=2&page=2`);
    expect(page2.body.items).toHaveLength(1);
    const byCreation = await admin.json<Page<Group>>("GET", `/api/console/groups?path=${encodeURIComponent(path)}&sort=createdAt&order=desc`);
    expect(byCreation.body.items.map((g) => g.name)).toEqual([c, b, a].map((g) => g.name));
    const searched = await admin.json<Page<Group>>("GET", `/api/console/groups?search=${b.name.toUpperCase()}`);
    expect(searched.body.items.map((g) => g.name)).toEqual([b.name]);

    const renamed = uniqueName("crenamed");
    const updated = await admin.json<Group>("PATCH", `/api/console/groups/${a.name}`, { NewGroupName: renamed, NewPath: "/" });
    expect([updated.status, updated.body.arn]).toEqual([200, `arn:aws:iam::111111111111:group/${renamed}`]);
    expect((await admin.json<ApiError>("GET", `/api/console/groups/${a.name}`)).body.error.code).toBe("NoSuchEntity");

    for (const name of [renamed, b.name, c.name]) expect((await admin.json("DELETE", `/api/console/groups/${name}`)).status).toBe(204);
    expect((await admin.json("GET", `/api/console/groups/${renamed}`)).status).toBe(404);
  });

  it("adds members together or not at all, pages them, shows the user's groups and their policies, and removes them", async () => {
    const group = await newGroup();
    const [u1, u2] = [await newUser(), await newUser()];
    const refused = await admin.json<ApiError>("POST", `/api/console/groups/${group.name}/members`, { UserNames: [u1, "no-such-user"] });
    expect([refused.status, refused.body.error.message]).toEqual([404, "The user with name no-such-user cannot be found."]);
    expect((await admin.json<Page<unknown>>("GET", `/api/console/groups/${group.name}/members`)).body.total).toBe(0);

    expect((await admin.json("POST", `/api/console/groups/${group.name}/members`, { UserNames: [u2, u1] })).status).toBe(204);
    const members = await admin.json<Page<{ name: string; addedAt: string }>>("GET", `/api/console/groups/${group.name}/members?pageSize=1`);
    expect(members.body).toMatchObject({ total: 2, pageSize: 1, items: [{ name: [u1, u2].sort()[0] }] });
    expect(Date.parse(members.body.items[0].addedAt)).not.toBeNaN();

    expect((await admin.json("POST", `/api/console/groups/${group.name}/attached-policies`, { PolicyArn: READ_ONLY })).status).toBe(204);
    expect((await admin.json("PUT", `/api/console/groups/${group.name}/inline-policies/read`, { PolicyDocument: doc })).status).toBe(204);
    const ofUser = await admin.json<{ name: string; attachedPolicyCount: number; inlinePolicyCount: number }[]>("GET", `/api/console/users/${u1}/groups`);
    expect(ofUser.body).toEqual([expect.objectContaining({ name: group.name, attachedPolicyCount: 1, inlinePolicyCount: 1 })]);
    const inherited = await admin.json("GET", `/api/console/users/${u1}/group-policies`);
    expect(inherited.body).toEqual([
      { policyName: "ReadOnlyAccess", policyArn: READ_ONLY, groupName: group.name, groupArn: group.arn },
      { policyName: "read", groupName: group.name, groupArn: group.arn },
    ]);

    expect((await admin.json("DELETE", `/api/console/groups/${group.name}/members/${u1}`)).status).toBe(204);
    const again = await admin.json<ApiError>("DELETE", `/api/console/groups/${group.name}/members/${u1}`);
    expect([again.status, again.body.error.code]).toEqual([404, "NoSuchEntity"]);
    expect((await admin.json("GET", `/api/console/users/${u1}/groups`)).body).toEqual([]);
  });

  it("adds a user to several groups in one change, within GroupsPerUser", async () => {
    const user = await newUser();
    const groups = [];
    for (let i = 0; i < 11; i++) groups.push((await newGroup()).name);
    const over = await admin.json<ApiError>("POST", `/api/console/users/${user}/groups`, { GroupNames: groups });
    expect([over.status, over.body.error.message]).toEqual([409, "Cannot exceed quota for GroupsPerUser: 10"]);
    expect((await admin.json("GET", `/api/console/users/${user}/groups`)).body).toEqual([]);
    expect((await admin.json("POST", `/api/console/users/${user}/groups`, { GroupNames: groups.slice(0, 10) })).status).toBe(204);
    expect((await admin.json<unknown[]>("GET", `/api/console/users/${user}/groups`)).body).toHaveLength(10);
  });

  it("refuses a plain delete while members or policies remain, and deletes anyway with them in one change", async () => {
    const group = await newGroup();
    const user = await newUser();
    await admin.json("POST", `/api/console/groups/${group.name}/members`, { UserNames: [user] });
    await admin.json("POST", `/api/console/groups/${group.name}/attached-policies`, { PolicyArn: READ_ONLY });
    const plain = await admin.json<ApiError>("DELETE", `/api/console/groups/${group.name}`);
    expect([plain.status, plain.body.error]).toEqual([409, { code: "DeleteConflict", message: "Cannot delete entity, must remove users from group first.", requestId: expect.any(String) }]);
    expect((await admin.json("DELETE", `/api/console/groups/${group.name}?withDependents=true`)).status).toBe(204);
    expect((await admin.json("GET", `/api/console/groups/${group.name}`)).status).toBe(404);
    expect((await admin.json("GET", `/api/console/users/${user}`)).status).toBe(200);
  });

  it("deletes a user with its memberships from the console", async () => {
    const group = await newGroup();
    const user = await newUser();
    await admin.json("POST", `/api/console/groups/${group.name}/members`, { UserNames: [user] });
    expect((await admin.json("DELETE", `/api/console/users/${user}`)).status).toBe(204);
    expect((await admin.json<Page<unknown>>("GET", `/api/console/groups/${group.name}/members`)).body.total).toBe(0);
  });

  it("refuses bad input with IAM's words and changes nothing", async () => {
    const group = await newGroup();
    const cases: [string, string, unknown, string][] = [
      ["POST", "/api/console/groups", { GroupName: "g".repeat(129) }, "Member must have length less than or equal to 128"],
      ["POST", "/api/console/groups", { GroupName: "bad name" }, "Member must satisfy regular expression pattern"],
      ["PATCH", `/api/console/groups/${group.name}`, { NewPath: "no-slash" }, "at 'newPath'"],
      ["POST", `/api/console/groups/${group.name}/members`, { UserNames: [] }, "Member must have length greater than or equal to 1"],
      ["POST", `/api/console/groups/${group.name}/members`, { UserNames: "x" }, "Member must be a list"],
      ["POST", `/api/console/groups/${group.name}/members`, JSON.parse('{"__proto__":{"UserNames":["x"]}}'), "Member must not be null"],
      ["GET", `/api/console/groups/${group.name}/members?pageSize=101`, undefined, "at 'pageSize'"],
    ];
    for (const [method, path, body, words] of cases) {
      const res = await admin.json<ApiError>(method, path, body);
      expect([res.status, res.body.error.code], `${method} ${path}`).toEqual([400, "ValidationError"]);
      expect(res.body.error.message).toContain(words);
    }
    expect((await admin.json<Page<unknown>>("GET", `/api/console/groups/${group.name}/members`)).body.total).toBe(0);
    expect((await admin.json<Group>("GET", `/api/console/groups/${group.name}`)).body.path).toBe("/");
    const tooMany = await admin.json<ApiError>("POST", `/api/console/groups/${group.name}/members`, { UserNames: Array.from({ length: 1001 }, (_, i) => `u${i}`) });
    expect(tooMany.status).toBe(400);
  });
});

describe("console groups as viewer", () => {
  it("reads groups, members and a user's groups", async () => {
    const group = await newGroup();
    expect((await viewer.json("GET", "/api/console/groups")).status).toBe(200);
    expect((await viewer.json("GET", `/api/console/groups/${group.name}/members`)).status).toBe(200);
    expect((await viewer.json("GET", `/api/console/groups/${group.name}/attached-policies`)).status).toBe(200);
  });

  it("is refused every change, and nothing changes", async () => {
    const group = await newGroup();
    const user = await newUser();
    await admin.json("POST", `/api/console/groups/${group.name}/members`, { UserNames: [user] });
    const name = uniqueName("viewer-group");
    const attempts = [
      ["POST", "/api/console/groups", { GroupName: name }],
      ["PATCH", `/api/console/groups/${group.name}`, { NewGroupName: name }],
      ["DELETE", `/api/console/groups/${group.name}?withDependents=true`, undefined],
      ["POST", `/api/console/groups/${group.name}/members`, { UserNames: [user] }],
      ["DELETE", `/api/console/groups/${group.name}/members/${user}`, undefined],
      ["POST", `/api/console/users/${user}/groups`, { GroupNames: [group.name] }],
      ["POST", `/api/console/groups/${group.name}/attached-policies`, { PolicyArn: READ_ONLY }],
      ["PUT", `/api/console/groups/${group.name}/inline-policies/p`, { PolicyDocument: doc }],
    ] as const;
    for (const [method, path, body] of attempts) {
      const res = await viewer.json<ApiError>(method, path, body);
      expect([res.status, res.body.error.code], `${method} ${path}`).toEqual([403, "AccessDenied"]);
    }
    expect((await admin.json("GET", `/api/console/groups/${name}`)).status).toBe(404);
    expect((await admin.json<Page<{ name: string }>>("GET", `/api/console/groups/${group.name}/members`)).body.items.map((u) => u.name)).toEqual([user]);
    expect((await admin.json("GET", `/api/console/groups/${group.name}/attached-policies`)).body).toEqual([]);
    expect((await admin.json("GET", `/api/console/groups/${group.name}/inline-policies`)).body).toEqual([]);
  });
});
