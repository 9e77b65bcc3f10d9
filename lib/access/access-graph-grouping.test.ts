import { describe, expect, it } from "vitest";
import type { PrincipalPolicies } from "@/lib/domain/types";
import { chainsTo, type Edges } from "./access-chains";
import { buildAccessIndex, type AccessIndex, type AccessStore } from "./access-graph";
import type { AnalyzedRole } from "./assume-access";

/**
 * Deciding once per class of principals (lib/access/decision-classes) must give exactly the answers of deciding every
 * principal on its own. Generated stores mix what makes principals differ: policy variables, principal tags, trust
 * policies naming users, roles, sessions and unique ids, NotPrincipal, denies, boundaries, groups, role tags.
 */
const ACCOUNTS = ["111111111111", "222222222222"];
const OUTSIDE = "333333333333";
const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generateStore(seed: number, users = 40, roles = 40): AccessStore {
  const random = rng(seed);
  const pick = <T,>(xs: T[]): T => xs[Math.floor(random() * xs.length)];
  const some = <T,>(xs: T[], p: number): T[] => xs.filter(() => random() < p);
  const id = (prefix: string, n: number) => `${prefix}${String(n).padStart(17, "0")}`;
  const roleArn = (i: number) => `arn:aws:iam::${ACCOUNTS[i % 2]}:role/${i % 3 === 0 ? "ops/" : ""}r-${i}`;
  const identityPolicies = [
    doc({ Effect: "Allow", Action: "sts:AssumeRole", Resource: "*" }),
    doc({ Effect: "Allow", Action: ["sts:AssumeRole", "sts:TagSession"], Resource: "arn:aws:iam::*:role/ops/*" }),
    doc({ Effect: "Allow", Action: "sts:*", Resource: `arn:aws:iam::${ACCOUNTS[0]}:role/*` }),
    doc({ Effect: "Allow", Action: "*", Resource: "*" }, { Effect: "Deny", Action: "sts:AssumeRole", Resource: "*", Condition: { StringNotEquals: { "sts:ExternalId": "let-me" } } }),
    doc({ Effect: "Deny", NotAction: "s3:*", Resource: "arn:aws:iam::*:role/ops/*" }),
    doc({ Effect: "Allow", NotAction: "iam:*", NotResource: `arn:aws:iam::${ACCOUNTS[1]}:role/*` }),
    doc({ Effect: "Allow", Action: "s3:GetObject", Resource: `arn:aws:s3:::bucket-${Math.floor(random() * 4)}/*` }),
  ];
  // Policies that read who is asking: principals holding them are decided one by one.
  const perPrincipal = [
    doc({ Effect: "Allow", Action: "sts:AssumeRole", Resource: "arn:aws:iam::*:role/${aws:username}-*" }),
    doc({ Effect: "Allow", Action: "sts:AssumeRole", Resource: "*", Condition: { StringEquals: { "aws:PrincipalTag/team": "blue" } } }),
    doc({ Effect: "Allow", Action: "sts:AssumeRole", Resource: "*", Condition: { StringEquals: { "aws:ResourceTag/team": "${aws:PrincipalTag/team}" } } }),
  ];
  const groups = Array.from({ length: 4 }, (_, g) => ({ name: `g-${g}`, arn: `arn:aws:iam::${ACCOUNTS[g % 2]}:group/g-${g}`, document: pick(identityPolicies) }));
  const boundaries = [
    { arn: `arn:aws:iam::${ACCOUNTS[0]}:policy/sts-only`, document: doc({ Effect: "Allow", Action: "sts:*", Resource: "*" }) },
    { arn: `arn:aws:iam::${ACCOUNTS[0]}:policy/s3-only`, document: doc({ Effect: "Allow", Action: "s3:*", Resource: "*" }) },
  ];
  // A few sets of policies that many principals hold (as people in the same team do), and some of their own.
  const profiles = Array.from({ length: 5 }, () => some(identityPolicies, 0.2).map((document, i) => ({ name: `p-${i}`, document })));
  const principalParts = (accountId: string): Pick<PrincipalPolicies, "tags" | "identity" | "boundary"> => ({
    tags: random() < 0.5 ? [{ Key: "team", Value: pick(["blue", "red"]) }] : [],
    identity: [
      ...(random() < 0.8 ? pick(profiles) : some([...identityPolicies, ...perPrincipal], 0.3).map((document, i) => ({ name: `own-${i}`, document }))),
      ...groups.filter((g) => g.arn.includes(accountId) && random() < 0.3).map((g) => ({ name: "group-policy", document: g.document, group: { name: g.name, arn: g.arn } })),
    ],
    ...(random() < 0.15 ? { boundary: pick(boundaries) } : {}),
  });
  const userList: PrincipalPolicies[] = Array.from({ length: users }, (_, i) => {
    const accountId = ACCOUNTS[i % 2];
    return { id: id("AIDA", i), accountId, name: `u-${i}`, arn: `arn:aws:iam::${accountId}:user/u-${i}`, ...principalParts(accountId) };
  });
  const names = () => [
    pick(userList).arn,
    roleArn(Math.floor(random() * roles)),
    pick(userList).id,
    `arn:aws:sts::${ACCOUNTS[0]}:assumed-role/r-${Math.floor(random() * roles)}/some-session`,
    pick(ACCOUNTS),
    `arn:aws:iam::${pick([...ACCOUNTS, OUTSIDE])}:root`,
    "*",
  ];
  const conditions = [
    undefined,
    undefined,
    undefined,
    { StringEquals: { "sts:ExternalId": "ext-7" } },
    { Bool: { "aws:MultiFactorAuthPresent": "true" } },
    { StringEquals: { "aws:PrincipalTag/team": "blue" } },
    { ArnLike: { "aws:PrincipalArn": `arn:aws:iam::${ACCOUNTS[0]}:user/u-1*` } },
    { StringLike: { "sts:RoleSessionName": "${aws:username}" } },
    { StringEquals: { "aws:RequestTag/project": "apollo" } },
    { StringEquals: { "aws:ResourceTag/team": "blue" } },
  ];
  const trustPolicy = (): string => {
    const condition = pick(conditions);
    const actions = JSON.stringify(condition ?? {}).includes("RequestTag") ? ["sts:AssumeRole", "sts:TagSession"] : "sts:AssumeRole";
    const allow = random() < 0.1
      ? { Effect: "Allow", NotPrincipal: { AWS: pick(names()) }, Action: actions }
      : { Effect: "Allow", Principal: { AWS: random() < 0.3 ? [pick(names()), pick(names())] : pick(names()) }, Action: actions, ...(condition ? { Condition: condition } : {}) };
    const deny = random() < 0.15 ? [{ Effect: "Deny", Principal: { AWS: pick(names()) }, Action: "sts:AssumeRole" }] : [];
    return doc(allow, ...deny);
  };
  const roleList: AnalyzedRole[] = Array.from({ length: roles }, (_, i) => {
    const accountId = ACCOUNTS[i % 2];
    const arn = roleArn(i);
    const parts = principalParts(accountId);
    return { id: id("AROA", i), accountId, name: `r-${i}`, arn, ...parts, tags: random() < 0.3 ? [{ Key: "team", Value: pick(["blue", "red"]) }] : [], trustPolicy: trustPolicy() };
  });
  return { accounts: ACCOUNTS, users: userList, roles: roleList };
}

const byPrincipal = <T extends { principal: { arn: string } }>(xs: T[]) => [...xs].sort((a, b) => a.principal.arn.localeCompare(b.principal.arn));
const byRole = <T extends { roleArn: string }>(xs: T[]) => [...xs].sort((a, b) => a.roleArn.localeCompare(b.roleArn));

function expectSameAnswers(store: AccessStore, shared: AccessIndex, plain: AccessIndex) {
  expect(shared.edgeCount).toBe(plain.edgeCount);
  for (const r of store.roles) {
    expect(byPrincipal(shared.direct(r.arn)), r.arn).toStrictEqual(byPrincipal(plain.direct(r.arn)));
    expect(shared.chains(r.arn), r.arn).toStrictEqual(plain.chains(r.arn));
  }
  for (const p of [...store.users, ...store.roles]) {
    expect(byRole(shared.assumable(p.arn)), p.arn).toStrictEqual(byRole(plain.assumable(p.arn)));
    expect(shared.reachable(p.arn), p.arn).toStrictEqual(plain.reachable(p.arn));
  }
}

describe("the index's chain search", () => {
  it("finds the same chains, paths and order as the plain search over each role's direct answers, on generated stores", { timeout: 120_000 }, () => {
    const now = new Date("2026-11-29T10:00:00Z");
    let chains = 0;
    for (let seed = 1; seed <= 10; seed++) {
      const store = generateStore(seed, 60, 80);
      const index = buildAccessIndex(store, now);
      // The reference: breadth first over index.direct (every principal on its own, no classes, no numbering).
      const assumers: Edges = (allowConditional) => (roleArn, visit) => {
        for (const d of index.direct(roleArn)) if (allowConditional || d.conditions.length === 0) visit(d.principal.arn);
      };
      for (const r of store.roles) {
        const found = index.chains(r.arn);
        expect(found, r.arn).toStrictEqual(chainsTo(r.arn, assumers, (arn) => index.principal(arn)));
        chains += found.length;
      }
    }
    // Enough chains, conditional ones among them, for the comparison to say something.
    expect(chains).toBeGreaterThan(500);
  });
});

describe("one principal's access of a role", () => {
  it("is the entry of the role's whole direct list, and none for a principal the list lacks", () => {
    const now = new Date("2026-11-29T10:00:00Z");
    for (let seed = 1; seed <= 3; seed++) {
      const store = generateStore(seed);
      const index = buildAccessIndex(store, now);
      for (const r of store.roles) {
        const direct = index.direct(r.arn);
        for (const d of direct) expect(index.access(d.principal.arn, r.arn), `${d.principal.arn} → ${r.arn}`).toStrictEqual(d);
        const lacking = store.users.find((u) => !direct.some((d) => d.principal.arn === u.arn));
        if (lacking) expect(index.access(lacking.arn, r.arn)).toBeUndefined();
      }
    }
  });
});

describe("deciding once per class of principals", () => {
  it("gives exactly the answers of deciding every principal on its own, on generated stores", { timeout: 120_000 }, () => {
    const now = new Date("2026-11-29T10:00:00Z");
    let sharedEvaluations = 0;
    let plainEvaluations = 0;
    for (let seed = 1; seed <= 10; seed++) {
      const store = generateStore(seed);
      const shared = buildAccessIndex(store, now);
      const plain = buildAccessIndex(store, now, { shareDecisions: false });
      expectSameAnswers(store, shared, plain);
      sharedEvaluations += shared.evaluations;
      plainEvaluations += plain.evaluations;
    }
    // The stores must leave something to share, or the comparison proves little.
    expect(sharedEvaluations).toBeLessThan(plainEvaluations * 0.8);
  });

  it("shares across many principals that hold the same policies, and still tells the ones a trust policy names", () => {
    const A = ACCOUNTS[0];
    const assumeAny = { name: "assume", document: doc({ Effect: "Allow", Action: "sts:AssumeRole", Resource: "*" }) };
    const users: PrincipalPolicies[] = Array.from({ length: 50 }, (_, i) => ({
      id: `AIDA${String(i).padStart(17, "0")}`, accountId: A, name: `u-${i}`, arn: `arn:aws:iam::${A}:user/u-${i}`, tags: [], identity: [assumeAny],
    }));
    const trust = doc(
      { Effect: "Allow", Principal: { AWS: A }, Action: "sts:AssumeRole", Condition: { StringEquals: { "sts:ExternalId": "x" } } },
      { Effect: "Allow", Principal: { AWS: users[3].arn }, Action: "sts:AssumeRole" },
      { Effect: "Deny", Principal: { AWS: users[4].arn }, Action: "sts:AssumeRole" },
    );
    const roles: AnalyzedRole[] = Array.from({ length: 20 }, (_, i) => ({
      id: `AROA${String(i).padStart(17, "0")}`, accountId: A, name: `r-${i}`, arn: `arn:aws:iam::${A}:role/r-${i}`, tags: [], identity: [], trustPolicy: trust,
    }));
    const store = { accounts: [A], users, roles };
    const shared = buildAccessIndex(store);
    expectSameAnswers(store, shared, buildAccessIndex(store, new Date(), { shareDecisions: false }));
    // One decision for the class (every role has the same trust policy), one for each named user in each role.
    expect(shared.evaluations).toBe(1 + 2 * roles.length);
    const direct = shared.direct(roles[7].arn);
    expect(direct.find((a) => a.principal.arn === users[3].arn)?.conditions).toEqual([]);
    expect(direct.some((a) => a.principal.arn === users[4].arn)).toBe(false);
    expect(direct.find((a) => a.principal.arn === users[9].arn)?.example).toEqual({ "sts:ExternalId": "x" });
    expect(direct.find((a) => a.principal.arn === users[9].arn)?.statements.find((s) => s.policy.type === "trust")?.policy.arn).toBe(roles[7].arn);
  });
});

/**
 * The changes a user makes between two builds, each as the store loader gives it: the principals a change touched
 * are new objects, every other principal is the same object as before (lib/iam/access-store).
 */
function storeChanges(seed: number): ((store: AccessStore) => AccessStore)[] {
  const random = rng(seed * 7919);
  const pick = <T,>(xs: T[]): T => xs[Math.floor(random() * xs.length)];
  const edit = <P extends PrincipalPolicies>(list: P[], i: number, change: (p: P) => void): P[] =>
    list.map((p, j) => {
      if (j !== i) return p;
      const copy = { ...p, identity: [...p.identity] };
      change(copy);
      return copy;
    });
  const users = (f: (users: PrincipalPolicies[]) => PrincipalPolicies[]) => (s: AccessStore) => ({ ...s, users: f(s.users) });
  const roles = (f: (roles: AnalyzedRole[]) => AnalyzedRole[]) => (s: AccessStore) => ({ ...s, roles: f(s.roles) });
  const tagged = (p: PrincipalPolicies) => (p.tags = p.tags.length ? [] : [{ Key: "team", Value: "blue" }]);
  const groupOf = (s: AccessStore) => s.users.flatMap((u) => u.identity).find((d) => d.group);
  return [
    // Trust changes: one role takes another's trust policy, one trusts its whole account, one drops a tag.
    roles((rs) => edit(rs, 1, (r) => (r.trustPolicy = rs[2].trustPolicy))),
    roles((rs) => edit(rs, 3, (r) => (r.trustPolicy = doc({ Effect: "Allow", Principal: { AWS: r.accountId }, Action: "sts:AssumeRole" })))),
    roles((rs) => edit(rs, 4, (r) => (r.tags = []))),
    // Tag changes on principals, which trust conditions and policy variables read.
    users((us) => edit(us, 12, tagged)),
    users((us) => edit(us, 13, tagged)),
    roles((rs) => edit(rs, 14, tagged)),
    // Policy changes: an inline policy added, one removed, a boundary set; a principal takes another's policies.
    (s) => ({ ...s, users: edit(s.users, 5, (u) => u.identity.push({ name: "granted-later", document: doc({ Effect: "Allow", Action: "sts:AssumeRole", Resource: pick(s.roles).arn }) })) }),
    users((us) => edit(us, 6, (u) => (u.identity = u.identity.slice(1)))),
    roles((rs) => edit(rs, 7, (r) => (r.boundary = { arn: `arn:aws:iam::${ACCOUNTS[0]}:policy/sts-only`, document: doc({ Effect: "Allow", Action: "sts:*", Resource: "*" }) }))),
    users((us) => edit(us, 15, (u) => (u.identity = us[16].accountId === u.accountId ? [...us[16].identity] : []))),
    // Group changes: a user joins a group (gets its policy), another leaves every group, a group's policy changes for all.
    (s) => ({ ...s, users: edit(s.users, 8, (u) => void (groupOf(s) && u.identity.push(groupOf(s)!))) }),
    users((us) => edit(us, 9, (u) => (u.identity = u.identity.filter((d) => !d.group)))),
    (s) => {
      const changed = groupOf(s)?.group?.name;
      const moved = (d: PrincipalPolicies["identity"][number]) => (d.group?.name === changed ? { ...d, document: doc({ Effect: "Allow", Action: "sts:AssumeRole", Resource: "arn:aws:iam::*:role/ops/*" }) } : d);
      return { ...s, users: s.users.map((u) => (u.identity.some((d) => d.group?.name === changed) ? { ...u, identity: u.identity.map(moved) } : u)) };
    },
    // Deletes: a user and a role (a trust naming them now names no one); a new user and role.
    users((us) => us.filter((_, i) => i !== 10)),
    roles((rs) => rs.filter((_, i) => i !== 11)),
    (s) => ({ ...s, users: [...s.users, { ...s.users[20], id: "AIDA99999999999999999", name: "u-new", arn: s.users[20].arn.replace(/u-\d+$/, "u-new") }] }),
  ];
}

describe("rebuilding after a change with the last build's decisions", () => {
  it("gives exactly the answers of a fresh build after each trust, policy, group, tag and delete change, keeping the roles it left alone", { timeout: 120_000 }, () => {
    const now = new Date("2026-11-29T10:00:00Z");
    let reused = 0;
    let kept = 0;
    for (let seed = 1; seed <= 5; seed++) {
      let store = generateStore(seed);
      let index = buildAccessIndex(store, now);
      for (const change of storeChanges(seed)) {
        store = change(store);
        index = buildAccessIndex(store, now, { reuse: index.memo });
        expectSameAnswers(store, index, buildAccessIndex(store, now));
        reused += index.reused;
        kept += index.roleCount - index.rolesBuilt;
      }
      expectSameAnswers(store, index, buildAccessIndex(store, now, { shareDecisions: false }));
    }
    // Most decisions and roles carry over, or the comparison proves little.
    expect(reused).toBeGreaterThan(1000);
    expect(kept).toBeGreaterThan(500);
  });

  it("keeps every role when nothing changed, and builds whole when the accounts or most principals did", () => {
    const now = new Date("2026-11-29T10:00:00Z");
    // More principals than a change may touch and still be patched (200).
    const store = generateStore(3, 240, 40);
    const first = buildAccessIndex(store, now);
    const same = buildAccessIndex(store, now, { reuse: first.memo });
    expect(same.rolesBuilt).toBe(0);
    expectSameAnswers(store, same, first);
    const copied = { ...store, users: store.users.map((u) => ({ ...u })) };
    const whole = buildAccessIndex(copied, now, { reuse: same.memo });
    expect(whole.rolesBuilt).toBe(store.roles.length);
    expectSameAnswers(copied, whole, first);
    const moreAccounts = { ...copied, accounts: [...copied.accounts, OUTSIDE] };
    const another = buildAccessIndex(moreAccounts, now, { reuse: whole.memo });
    expect(another.rolesBuilt).toBe(store.roles.length);
    expectSameAnswers(moreAccounts, another, buildAccessIndex(moreAccounts, now));
  });

  it("gives a class its edge when a principal joins it whose other members the trust policy all names", () => {
    const A = ACCOUNTS[0];
    const now = new Date("2026-11-29T10:00:00Z");
    const grant = (Resource: string) => [{ name: "assume", document: doc({ Effect: "Allow", Action: "sts:AssumeRole", Resource }) }];
    const user = (i: number, identity: PrincipalPolicies["identity"]): PrincipalPolicies => ({
      id: `AIDA${String(i).padStart(17, "0")}`, accountId: A, name: `u-${i}`, arn: `arn:aws:iam::${A}:user/u-${i}`, tags: [], identity,
    });
    const [named, other] = [user(1, grant("*")), user(2, grant(`arn:aws:iam::${A}:role/elsewhere`))];
    const role: AnalyzedRole = {
      id: "AROA00000000000000001", accountId: A, name: "r", arn: `arn:aws:iam::${A}:role/r`, tags: [], identity: [],
      trustPolicy: doc({ Effect: "Allow", Principal: { AWS: [A, named.arn] }, Action: "sts:AssumeRole" }),
    };
    const before: AccessStore = { accounts: [A], users: [named, other], roles: [role] };
    const first = buildAccessIndex(before, now);
    const after: AccessStore = { ...before, users: [named, { ...other, identity: grant("*") }] };
    const rebuilt = buildAccessIndex(after, now, { reuse: first.memo });
    expectSameAnswers(after, rebuilt, buildAccessIndex(after, now));
    expect(rebuilt.direct(role.arn).map((a) => a.principal.arn).sort()).toEqual([named.arn, other.arn]);
  });

  it("decides again what reads the clock, and reuses the rest as it is", () => {
    const A = ACCOUNTS[0];
    const user: PrincipalPolicies = {
      id: "AIDA00000000000000001", accountId: A, name: "u-1", arn: `arn:aws:iam::${A}:user/u-1`, tags: [],
      identity: [{ name: "assume", document: doc({ Effect: "Allow", Action: "sts:AssumeRole", Resource: "*" }) }],
    };
    const role = (name: string, trust: object): AnalyzedRole => ({
      id: `AROA${name.padStart(17, "0")}`, accountId: A, name, arn: `arn:aws:iam::${A}:role/${name}`, tags: [], identity: [],
      trustPolicy: doc({ Effect: "Allow", Principal: { AWS: A }, Action: "sts:AssumeRole", ...trust }),
    });
    const store = { accounts: [A], users: [user], roles: [role("plain", {}), role("until-2027", { Condition: { DateLessThan: { "aws:CurrentTime": "2027-01-01T00:00:00Z" } } })] };
    const first = buildAccessIndex(store, new Date("2026-11-29T10:00:00Z"));
    const later = new Date("2027-06-01T00:00:00Z");
    const rebuilt = buildAccessIndex(store, later, { reuse: first.memo });
    expectSameAnswers(store, rebuilt, buildAccessIndex(store, later));
    expect(rebuilt.reused).toBe(1);
  });
});
