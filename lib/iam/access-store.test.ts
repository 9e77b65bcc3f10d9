import { beforeAll, describe, expect, it } from "vitest";
import { buildAccessIndex } from "@/lib/access/access-graph";
import { getDb } from "@/lib/db/client";
import { recordStoreChange } from "@/lib/db/store-changes";
import { useFreshTestDb } from "@/lib/db/test-db";
import { isAwsError } from "@/lib/domain/errors";
import { accessIndex, canAssumeOf, whoCanAssumeOf } from "./access";
import { loadWholeStore, updateStore, type LoadedStore } from "./access-store";
import type { RequestContext } from "./context";
import * as groups from "./groups";
import * as policies from "./policies";
import * as roles from "./roles";
import * as users from "./users";

/**
 * The store of principals brought up to date from the change log, after random sequences of changes, against a read
 * of the whole store: the same principals with the same policies, every time, and read by changes, not whole.
 */
const A = "111111111111";
const ctx: RequestContext = { accountId: A, actor: "tester@example.com", source: "console", requestId: "r-access-store" };
const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const assume = (Resource: string) => doc({ Effect: "Allow", Action: "sts:AssumeRole", Resource });
const trusting = (AWS: string) => doc({ Effect: "Allow", Principal: { AWS }, Action: "sts:AssumeRole" });
const arn = (kind: string, name: string) => `arn:aws:iam::${A}:${kind}/${name}`;

/** A small deterministic generator (mulberry32), so a failing sequence can be run again. */
function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { pick: <T,>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] };
}

const NAMES = ["a", "b", "c", "d"];

function changes(rnd: ReturnType<typeof random>): (() => Promise<unknown>)[] {
  const n = () => rnd.pick(NAMES);
  const resource = () => rnd.pick(["*", arn("role", `r-${n()}`), `arn:aws:iam::${A}:role/r-*`, arn("role", "none")]);
  const trustee = () => rnd.pick([A, arn("user", `u-${n()}`), arn("role", `r-${n()}`), "*"]);
  // Trust policies that share decisions and ones that do not (a condition on the principal's tags), with a Deny, a
  // condition the request can meet, and the clock.
  const trustPolicy = () =>
    rnd.pick([
      () => trusting(trustee()),
      () => doc({ Effect: "Allow", Principal: { AWS: trustee() }, Action: "sts:AssumeRole" }, { Effect: "Deny", Principal: { AWS: arn("user", `u-${n()}`) }, Action: "sts:AssumeRole" }),
      () => doc({ Effect: "Allow", Principal: { AWS: trustee() }, Action: "sts:AssumeRole", Condition: { StringEquals: { "sts:ExternalId": "x-1" } } }),
      () => doc({ Effect: "Allow", Principal: { AWS: A }, Action: "sts:AssumeRole", Condition: { StringEquals: { "aws:PrincipalTag/team": n() } } }),
      () => doc({ Effect: "Allow", Principal: { AWS: trustee() }, Action: "sts:AssumeRole", Condition: { DateLessThan: { "aws:CurrentTime": "2099-01-01T00:00:00Z" } } }),
    ])();
  // Identity policies: an Allow, an Allow with a Deny, and a policy variable (its holder decided on its own).
  const permissions = () =>
    rnd.pick([
      () => assume(resource()),
      () => doc({ Effect: "Allow", Action: "sts:AssumeRole", Resource: "*" }, { Effect: "Deny", Action: "sts:AssumeRole", Resource: resource() }),
      () => doc({ Effect: "Allow", Action: "sts:AssumeRole", Resource: `arn:aws:iam::${A}:role/r-\${aws:username}` }),
    ])();
  const policyArn = () => arn("policy", `p-${n()}`);
  const holder = () => rnd.pick([users.userPermissions, roles.rolePermissions, groups.groupPermissions] as const);
  const holderName = (h: object) => (h === users.userPermissions ? `u-${n()}` : h === roles.rolePermissions ? `r-${n()}` : `g-${n()}`);
  const onHolder = (f: (h: typeof users.userPermissions, name: string) => Promise<unknown>) => () => {
    const h = holder() as typeof users.userPermissions;
    return f(h, holderName(h));
  };
  return [
    () => users.createUser(ctx, { UserName: `u-${n()}` }),
    () => users.deleteUserWithDependents(ctx, `u-${n()}`),
    () => roles.createRole(ctx, { RoleName: `r-${n()}`, AssumeRolePolicyDocument: trustPolicy() }),
    () => roles.deleteRoleAnyway(ctx, `r-${n()}`),
    () => roles.updateAssumeRolePolicy(ctx, `r-${n()}`, trustPolicy()),
    () => groups.createGroup(ctx, { GroupName: `g-${n()}` }),
    () => groups.deleteGroupWithDependents(ctx, `g-${n()}`),
    () => groups.updateGroup(ctx, { GroupName: `g-${n()}`, NewGroupName: `g-${n()}` }),
    () => groups.addUserToGroup(ctx, `g-${n()}`, `u-${n()}`),
    () => groups.removeUserFromGroup(ctx, `g-${n()}`, `u-${n()}`),
    onHolder((h, name) => h.putPolicy(ctx, name, rnd.pick(["assume", "more"]), permissions())),
    onHolder((h, name) => h.deletePolicy(ctx, name, rnd.pick(["assume", "more"]))),
    () => policies.createPolicy(ctx, { PolicyName: `p-${n()}`, PolicyDocument: permissions() }),
    () => policies.createPolicyVersion(ctx, policyArn(), permissions(), true),
    () => policies.setDefaultPolicyVersion(ctx, policyArn(), "v1"),
    () => policies.deletePolicyWithVersions(ctx, policyArn()),
    onHolder((h, name) => h.attachPolicy(ctx, name, policyArn())),
    onHolder((h, name) => h.detachPolicy(ctx, name, policyArn())),
    () => rnd.pick([users.userPermissions, roles.rolePermissions]).putBoundary(ctx, rnd.pick([`u-${n()}`, `r-${n()}`]), policyArn()),
    () => rnd.pick([users.userPermissions, roles.rolePermissions]).deleteBoundary(ctx, rnd.pick([`u-${n()}`, `r-${n()}`])),
    () => roles.rolePermissions.tag(ctx, `r-${n()}`, [{ Key: "team", Value: n() }]),
    () => users.userPermissions.tag(ctx, `u-${n()}`, [{ Key: "team", Value: n() }]),
  ];
}

/** Runs a change; a refusal (no such entity, still attached…) changes nothing and is part of the sequence too. */
async function attempt(change: () => Promise<unknown>): Promise<void> {
  try {
    await change();
  } catch (err) {
    if (!isAwsError(err)) throw err;
  }
}

/** Every name's user, group (with the user) and role, each with a policy, so most changes find what they name. */
async function populate(): Promise<void> {
  for (const name of NAMES) {
    await attempt(() => users.createUser(ctx, { UserName: `u-${name}` }));
    await attempt(() => groups.createGroup(ctx, { GroupName: `g-${name}` }));
    await attempt(() => groups.addUserToGroup(ctx, `g-${name}`, `u-${name}`));
    await attempt(() => roles.createRole(ctx, { RoleName: `r-${name}`, AssumeRolePolicyDocument: trusting(A) }));
    await attempt(() => users.userPermissions.putPolicy(ctx, `u-${name}`, "assume", assume("*")));
    await attempt(() => groups.groupPermissions.putPolicy(ctx, `g-${name}`, "assume", assume(arn("role", `r-${name}`))));
    await attempt(() => roles.rolePermissions.putPolicy(ctx, `r-${name}`, "assume", assume(`arn:aws:iam::${A}:role/r-*`)));
  }
}

const sorted = <T,>(xs: T[]) => xs.map((x) => JSON.stringify(x)).sort();

beforeAll(useFreshTestDb);

describe("the store of principals after changes", () => {
  it("equals a read of the whole store after every change of random sequences, reading only what changed", { timeout: 300_000 }, async () => {
    const db = getDb();
    let loaded: LoadedStore = await loadWholeStore(db);
    let byChanges = 0;
    for (const seed of [1, 2, 3]) {
      const rnd = random(seed);
      const all = changes(rnd);
      for (let step = 0; step < 120; step++) {
        await attempt(rnd.pick(all));
        loaded = await updateStore(db, loaded);
        if (loaded.read === "changes") byChanges++;
        expect(loaded.store, `seed ${seed}, step ${step}`).toStrictEqual((await loadWholeStore(db)).store);
      }
    }
    expect(byChanges).toBeGreaterThan(200);
  });

  it("reads the whole store for a change it cannot map to principals, and when the log went back", async () => {
    const db = getDb();
    const loaded = await loadWholeStore(db);
    await users.createUser(ctx, { UserName: "mapped" });
    expect((await updateStore(db, loaded)).read).toBe("changes");
    await recordStoreChange(db, "ImportAccountAuthorizationDetails", null);
    expect((await updateStore(db, loaded)).read).toBe("whole");
    expect((await updateStore(db, { ...loaded, seq: loaded.seq + 1_000_000 })).read).toBe("whole");
  });

  it("gives the index a build from scratch would give after each change, keeping the roles a change left alone", { timeout: 300_000 }, async () => {
    let kept = 0;
    for (const seed of [7, 8, 9]) {
      await populate();
      const rnd = random(seed);
      const all = changes(rnd);
      for (let step = 0; step < 60; step++) {
        await attempt(rnd.pick(all));
        const index = await accessIndex();
        const store = (await loadWholeStore(getDb())).store;
        const fresh = buildAccessIndex(store);
        const at = `seed ${seed}, step ${step}`;
        if (index.rolesBuilt < index.roleCount) kept++;
        expect(index.edgeCount, at).toBe(fresh.edgeCount);
        for (const role of store.roles) {
          const [mine, theirs] = [whoCanAssumeOf(index, role.arn), whoCanAssumeOf(fresh, role.arn)];
          expect(sorted(mine.direct), `${at}, who can assume ${role.name}`).toStrictEqual(sorted(theirs.direct));
          expect(mine.chains, `${at}, chains to ${role.name}`).toStrictEqual(theirs.chains);
        }
        for (const p of [...store.users, ...store.roles]) {
          const [mine, theirs] = [canAssumeOf(index, p.arn), canAssumeOf(fresh, p.arn)];
          expect(sorted(mine.direct), `${at}, what ${p.name} can assume`).toStrictEqual(sorted(theirs.direct));
          expect(mine.chains, `${at}, chains from ${p.name}`).toStrictEqual(theirs.chains);
        }
      }
    }
    // Most rebuilds keep some roles' entries, or the comparison proves little about keeping them.
    expect(kept).toBeGreaterThan(60);
  });
});
