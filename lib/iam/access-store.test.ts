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
    () => roles.createRole(ctx, { RoleName: `r-${n()}`, AssumeRolePolicyDocument: trusting(trustee()) }),
    () => roles.deleteRoleAnyway(ctx, `r-${n()}`),
    () => roles.updateAssumeRolePolicy(ctx, `r-${n()}`, trusting(trustee())),
    () => groups.createGroup(ctx, { GroupName: `g-${n()}` }),
    () => groups.deleteGroupWithDependents(ctx, `g-${n()}`),
    () => groups.addUserToGroup(ctx, `g-${n()}`, `u-${n()}`),
    () => groups.removeUserFromGroup(ctx, `g-${n()}`, `u-${n()}`),
    onHolder((h, name) => h.putPolicy(ctx, name, "assume", assume(resource()))),
    onHolder((h, name) => h.deletePolicy(ctx, name, "assume")),
    () => policies.createPolicy(ctx, { PolicyName: `p-${n()}`, PolicyDocument: assume(resource()) }),
    () => policies.createPolicyVersion(ctx, policyArn(), assume(resource()), true),
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

  it("gives the index a build from scratch would give, after each change", { timeout: 300_000 }, async () => {
    const rnd = random(7);
    const all = changes(rnd);
    for (let step = 0; step < 40; step++) {
      await attempt(rnd.pick(all));
      const index = await accessIndex();
      const fresh = buildAccessIndex((await loadWholeStore(getDb())).store);
      expect(index.edgeCount, `step ${step}`).toBe(fresh.edgeCount);
      for (const name of NAMES) {
        expect(sorted(whoCanAssumeOf(index, arn("role", `r-${name}`)).direct)).toStrictEqual(sorted(whoCanAssumeOf(fresh, arn("role", `r-${name}`)).direct));
        expect(whoCanAssumeOf(index, arn("role", `r-${name}`)).chains).toStrictEqual(whoCanAssumeOf(fresh, arn("role", `r-${name}`)).chains);
        expect(sorted(canAssumeOf(index, arn("user", `u-${name}`)).direct)).toStrictEqual(sorted(canAssumeOf(fresh, arn("user", `u-${name}`)).direct));
      }
    }
  });
});
