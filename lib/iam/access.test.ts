import { beforeAll, describe, expect, it } from "vitest";
import { buildAccessIndex, type AccessIndex } from "@/lib/access/access-graph";
import { listAccountRows } from "@/lib/db/accounts";
import { getDb } from "@/lib/db/client";
import { loadStorePrincipalPolicies } from "@/lib/db/principal-tables";
import { useFreshTestDb } from "@/lib/db/test-db";
import { accessIndex, canAssumeOf, whoCanAssumeOf } from "./access";
import type { RequestContext } from "./context";
import * as groups from "./groups";
import * as roles from "./roles";
import * as users from "./users";

/**
 * The server's index after each change, built from the last build's decisions, against a build from scratch of the
 * same store: every answer must be the same, and must show the change.
 */
const A = "111111111111";
const ctx: RequestContext = { accountId: A, actor: "tester@example.com", source: "console", requestId: "r-access" };
const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const assume = (Resource: string) => doc({ Effect: "Allow", Action: "sts:AssumeRole", Resource });
const trusting = (AWS: string) => doc({ Effect: "Allow", Principal: { AWS }, Action: "sts:AssumeRole" });

async function freshIndex(): Promise<AccessIndex> {
  const db = getDb();
  const [accounts, userList, roleList] = await Promise.all([listAccountRows(db), loadStorePrincipalPolicies(db, "user"), loadStorePrincipalPolicies(db, "role")]);
  return buildAccessIndex({ accounts: accounts.map((a) => a.id), users: userList, roles: roleList });
}

const sorted = <T,>(xs: T[]) => xs.map((x) => JSON.stringify(x)).sort();

let reused = 0;

async function expectFreshAnswers(): Promise<AccessIndex> {
  const [index, fresh] = [await accessIndex(), await freshIndex()];
  reused += index.reused;
  expect(index.edgeCount).toBe(fresh.edgeCount);
  for (const r of await loadStorePrincipalPolicies(getDb(), "role")) {
    expect(sorted(whoCanAssumeOf(index, r.arn).direct), r.arn).toStrictEqual(sorted(whoCanAssumeOf(fresh, r.arn).direct));
    expect(whoCanAssumeOf(index, r.arn).chains, r.arn).toStrictEqual(whoCanAssumeOf(fresh, r.arn).chains);
  }
  for (const u of await loadStorePrincipalPolicies(getDb(), "user")) {
    expect(sorted(canAssumeOf(index, u.arn).direct), u.arn).toStrictEqual(sorted(canAssumeOf(fresh, u.arn).direct));
  }
  return index;
}

const assumers = (index: AccessIndex, roleName: string) => index.direct(`arn:aws:iam::${A}:role/${roleName}`).map((a) => a.principal.arn).sort();
const user = (name: string) => `arn:aws:iam::${A}:user/${name}`;

beforeAll(useFreshTestDb);

describe("the access index after a change", () => {
  it("answers as a build from scratch would, and shows each change at once", { timeout: 120_000 }, async () => {
    for (let i = 0; i < 6; i++) await users.createUser(ctx, { UserName: `u-${i}` });
    await users.userPermissions.putPolicy(ctx, "u-0", "assume-any", assume("*"));
    await users.userPermissions.putPolicy(ctx, "u-1", "assume-any", assume("*"));
    await groups.createGroup(ctx, { GroupName: "ops" });
    await groups.groupPermissions.putPolicy(ctx, "ops", "assume-ops", assume(`arn:aws:iam::${A}:role/ops-*`));
    await roles.createRole(ctx, { RoleName: "ops-admin", AssumeRolePolicyDocument: trusting(A) });
    await roles.createRole(ctx, { RoleName: "named", AssumeRolePolicyDocument: trusting(user("u-2")) });
    await roles.createRole(ctx, { RoleName: "chained", AssumeRolePolicyDocument: trusting(`arn:aws:iam::${A}:role/ops-admin`) });
    await roles.rolePermissions.putPolicy(ctx, "ops-admin", "onward", assume(`arn:aws:iam::${A}:role/chained`));
    expect(assumers(await expectFreshAnswers(), "ops-admin")).toEqual([user("u-0"), user("u-1")]);

    // Group membership, then the group's policy.
    await groups.addUserToGroup(ctx, "ops", "u-3");
    expect(assumers(await expectFreshAnswers(), "ops-admin")).toEqual([user("u-0"), user("u-1"), user("u-3")]);
    await groups.groupPermissions.putPolicy(ctx, "ops", "assume-ops", assume(`arn:aws:iam::${A}:role/none-*`));
    expect(assumers(await expectFreshAnswers(), "ops-admin")).toEqual([user("u-0"), user("u-1")]);

    // A trust policy.
    await roles.updateAssumeRolePolicy(ctx, "ops-admin", trusting(user("u-1")));
    expect(assumers(await expectFreshAnswers(), "ops-admin")).toEqual([user("u-1")]);

    // A user's policy, removed and put back.
    await users.userPermissions.deletePolicy(ctx, "u-1", "assume-any");
    expect(assumers(await expectFreshAnswers(), "ops-admin")).toEqual([user("u-1")]);
    await users.userPermissions.putPolicy(ctx, "u-2", "deny-all", doc({ Effect: "Deny", Action: "sts:*", Resource: "*" }));
    expect(assumers(await expectFreshAnswers(), "named")).toEqual([]);

    // Deletes: the user a trust names, and a role in a chain.
    await users.userPermissions.deletePolicy(ctx, "u-2", "deny-all");
    expect(assumers(await expectFreshAnswers(), "named")).toEqual([user("u-2")]);
    await users.deleteUser(ctx, "u-2");
    expect(assumers(await expectFreshAnswers(), "named")).toEqual([]);
    await roles.rolePermissions.deletePolicy(ctx, "ops-admin", "onward");
    await roles.deleteRole(ctx, "ops-admin");
    const index = await expectFreshAnswers();
    expect(index.hasRole(`arn:aws:iam::${A}:role/ops-admin`)).toBe(false);
    expect(assumers(index, "chained")).toEqual([]);
    // The builds after each change took decisions from the one before, or the comparison proves little.
    expect(reused).toBeGreaterThan(5);
  });

  it("loads every principal of a store larger than one page of rows", { timeout: 120_000 }, async () => {
    // More users than a page (500 rows): a page that skipped or repeated rows would lose or double someone.
    const before = (await loadStorePrincipalPolicies(getDb(), "user")).length;
    for (let i = 0; i < 520; i++) await users.createUser(ctx, { UserName: `many-${String(i).padStart(3, "0")}` });
    const loaded = (await loadStorePrincipalPolicies(getDb(), "user")).map((u) => u.name);
    expect(loaded).toHaveLength(before + 520);
    expect(new Set(loaded).size).toBe(loaded.length);
    const index = await accessIndex();
    for (const i of [0, 499, 500, 519]) expect(index.principal(user(`many-${String(i).padStart(3, "0")}`))).toBeDefined();
  });
});
