import { describe, expect, it } from "vitest";
import type { PrincipalPolicies } from "@/lib/domain/types";
import { buildAccessIndex } from "./access-graph";
import { administratorGrant } from "./administrators";
import type { AnalyzedRole } from "./assume-access";
import { findAccessFindings, storeDirectory, type Finding, type FindingKind } from "./findings";

const A = "111111111111";
const B = "222222222222";
const OUT = "333333333333";
const NOW = new Date("2026-11-29T10:00:00Z");
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);
const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const trust = (Principal: object | string, extra: object = {}) => doc({ Effect: "Allow", Principal, Action: "sts:AssumeRole", ...extra });
const assumeAny = { name: "assume", document: doc({ Effect: "Allow", Action: "sts:AssumeRole", Resource: "*" }) };
const adminAccess = { name: "AdministratorAccess", arn: "arn:aws:iam::aws:policy/AdministratorAccess", document: doc({ Effect: "Allow", Action: "*", Resource: "*" }) };

let n = 0;
function user(accountId: string, name: string, identity: PrincipalPolicies["identity"] = [], extra: Partial<PrincipalPolicies> = {}): PrincipalPolicies {
  return { id: `AIDA${String(++n).padStart(17, "0")}`, accountId, name, arn: `arn:aws:iam::${accountId}:user/${name}`, tags: [], identity, ...extra };
}
type TestRole = AnalyzedRole & { createdAt: Date; lastUsedAt: Date | null; lastSessionAt: Date | null };
function role(accountId: string, name: string, trustPolicy: string, identity: PrincipalPolicies["identity"] = [], extra: Partial<TestRole> = {}): TestRole {
  return {
    id: `AROA${String(++n).padStart(17, "0")}`, accountId, name, arn: `arn:aws:iam::${accountId}:role/${name}`, tags: [], identity, trustPolicy,
    createdAt: daysAgo(10), lastUsedAt: daysAgo(1), lastSessionAt: null, ...extra,
  };
}

/** The findings for the roles of account A, from the real index over the whole store. */
function findings(store: { accounts: string[]; users: PrincipalPolicies[]; roles: TestRole[] }): Finding[] {
  const index = buildAccessIndex(store, NOW);
  return findAccessFindings({
    roles: store.roles.filter((r) => r.accountId === A).map((r) => ({ role: r, who: { direct: index.direct(r.arn), chains: index.chains(r.arn) } })),
    store: storeDirectory(store.accounts, [...store.users, ...store.roles]),
    now: NOW,
  });
}
const ofKind = (fs: Finding[], kind: FindingKind) => fs.filter((f) => f.kind === kind).map((f) => [f.roleName, f.severity]);

describe("administrators", () => {
  it("AdministratorAccess or an Allow of * on *, directly or through a group, unless a boundary narrows it", () => {
    expect(administratorGrant(user(A, "a", [adminAccess]))).toEqual({ policy: adminAccess.arn });
    expect(administratorGrant(user(A, "b", [{ name: "all", document: doc({ Effect: "Allow", Action: ["s3:*"], Resource: "*" }, { Effect: "Allow", Action: "*:*", Resource: ["*"] }) }]))).toEqual({ policy: "all", statement: "Statement[1]" });
    expect(administratorGrant(user(A, "c", [{ ...adminAccess, group: { name: "admins", arn: `arn:aws:iam::${A}:group/admins` } }]))).toEqual({ policy: adminAccess.arn, group: "admins" });
    expect(administratorGrant(user(A, "d", [adminAccess], { boundary: { arn: `arn:aws:iam::${A}:policy/s3-only`, document: doc({ Effect: "Allow", Action: "s3:*", Resource: "*" }) } }))).toBeNull();
    expect(administratorGrant(user(A, "e", [{ name: "almost", document: doc({ Effect: "Allow", Action: "*", Resource: "arn:aws:s3:::*" }, { Effect: "Deny", Action: "*", Resource: "*" }) }]))).toBeNull();
  });
});

describe("access findings", () => {
  it("a role anyone can assume is high; through a wildcard with conditions, medium; a named principal, none", () => {
    const open = role(A, "open", trust({ AWS: "*" }));
    const star = role(A, "star", trust("*", { Condition: { StringEquals: { "sts:ExternalId": "e1" } } }));
    const named = role(A, "named", trust({ AWS: `arn:aws:iam::${A}:user/ops` }));
    const ops = user(A, "ops");
    const fs = findings({ accounts: [A], users: [ops], roles: [open, star, named] });
    expect(ofKind(fs, "wildcard-principal")).toEqual([["open", "high"], ["star", "medium"]]);
    const starFinding = fs.find((f) => f.kind === "wildcard-principal" && f.roleName === "star")!;
    expect(starFinding.summary).toBe("Any AWS principal can assume this role if the request carries sts:ExternalId");
    expect(starFinding.evidence).toContainEqual(expect.objectContaining({ type: "assume", principal: "*", conditions: ["sts:ExternalId"] }));
    const anyone = fs.find((f) => f.roleName === "open")!.evidence.find((e) => e.type === "assume" && e.principal === "*");
    expect(anyone).toMatchObject({ statements: expect.arrayContaining([expect.objectContaining({ path: "Statement[0]", policy: expect.objectContaining({ type: "trust" }) })]) });
  });

  it("keeps the first 50 items of evidence, anyone first, and says how many it left out", () => {
    const many = Array.from({ length: 60 }, (_, i) => user(A, `member-${i}`));
    const open = role(A, "open-to-all", trust({ AWS: "*" }));
    const [f] = findings({ accounts: [A], users: many, roles: [open] });
    expect([f.summary, f.evidence.length, f.omitted]).toEqual(["Any AWS principal of any account can assume this role", 50, 12]);
    expect(f.evidence[0]).toMatchObject({ type: "assume", principal: "*" });
  });

  it("another account without an external ID or MFA is reported; with either it is not; the role's own account never is", () => {
    const partner = user(B, "partner", [assumeAny]);
    const local = user(A, "local", [assumeAny]);
    const outside = role(A, "outside", trust({ AWS: OUT }));
    const partnerRole = role(A, "partner-role", trust({ AWS: partner.arn }));
    const withId = role(A, "with-id", trust({ AWS: OUT }, { Condition: { StringEquals: { "sts:ExternalId": "x" } } }));
    const withMfa = role(A, "with-mfa", trust({ AWS: B }, { Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } }));
    const withIp = role(A, "with-ip", trust({ AWS: OUT }, { Condition: { IpAddress: { "aws:SourceIp": "203.0.113.0/24" } } }));
    const own = role(A, "own", trust({ AWS: A }));
    const fs = findings({ accounts: [A, B], users: [partner, local], roles: [outside, partnerRole, withId, withMfa, withIp, own] });
    expect(ofKind(fs, "cross-account")).toEqual([["outside", "high"], ["with-ip", "high"], ["partner-role", "medium"]]);
    expect(fs.find((f) => f.kind === "cross-account" && f.roleName === "with-ip")!.evidence).toEqual([
      expect.objectContaining({ type: "assume", principal: `arn:aws:iam::${OUT}:root`, principalKind: "account", conditions: ["aws:SourceIp"] }),
    ]);
    expect(fs.find((f) => f.roleName === "partner-role")!.summary).toBe(`Principals of account ${B} can assume this role without an external ID or MFA`);
  });

  it("another account's principals let in only by a wildcard are the wildcard finding's, not a second cross-account one", () => {
    const partner = user(B, "partner", [assumeAny]);
    const open = role(A, "open", trust({ AWS: "*" }));
    const both = role(A, "both", doc({ Effect: "Allow", Principal: { AWS: "*" }, Action: "sts:AssumeRole" }, { Effect: "Allow", Principal: { AWS: partner.arn }, Action: "sts:AssumeRole" }));
    const fs = findings({ accounts: [A, B], users: [partner], roles: [open, both] });
    expect(fs.filter((f) => f.roleName === "open").map((f) => f.kind)).toEqual(["wildcard-principal"]);
    // Named as well, the partner is still reported: the trust says it meant that account.
    expect(ofKind(fs, "cross-account")).toEqual([["both", "medium"]]);
  });

  it("a chain into an administrator role from a non-administrator is reported with its path; from an administrator, or directly, it is not", () => {
    const dev = user(A, "dev", [assumeAny]);
    const boss = user(A, "boss", [adminAccess, assumeAny]);
    const hop = role(A, "hop", trust({ AWS: [dev.arn, boss.arn] }), [assumeAny]);
    const admin = role(A, "admin", trust({ AWS: hop.arn }), [adminAccess]);
    const guarded = role(A, "guarded-admin", trust({ AWS: hop.arn }, { Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } }), [{ name: "star", document: doc({ Effect: "Allow", Action: "*", Resource: "*" }) }]);
    const directAdmin = role(A, "direct-admin", trust({ AWS: dev.arn }), [adminAccess]);
    const fs = findings({ accounts: [A], users: [dev, boss], roles: [hop, admin, guarded, directAdmin] });
    expect(ofKind(fs, "chain-to-admin")).toEqual([["admin", "high"], ["guarded-admin", "medium"]]);
    expect(fs.find((f) => f.kind === "chain-to-admin" && f.roleName === "admin")!.evidence).toEqual([
      { type: "administrator", grant: { policy: adminAccess.arn } },
      { type: "chain", principal: dev.arn, principalKind: "user", path: [dev.arn, hop.arn, admin.arn], conditional: false },
    ]);
    expect(fs.find((f) => f.kind === "chain-to-admin" && f.roleName === "guarded-admin")!.evidence[0]).toEqual({ type: "administrator", grant: { policy: "star", statement: "Statement[0]" } });
  });

  it("names trust principals that no longer exist: ARNs of store accounts, unique ids of deleted principals, sessions of deleted roles", () => {
    const kept = user(A, "kept");
    const keptRole = role(A, "kept-role", trust({ Service: "ec2.amazonaws.com" }));
    const stale = role(A, "stale", doc(
      { Effect: "Allow", Principal: { AWS: [kept.arn, `arn:aws:iam::${A}:user/gone`, `arn:aws:iam::${OUT}:user/theirs`, "AROA0123456789EXAMPLE", kept.id] }, Action: "sts:AssumeRole" },
      { Effect: "Deny", Principal: { AWS: `arn:aws:sts::${B}:assumed-role/deleted/s1` }, Action: "sts:AssumeRole" },
      { Effect: "Allow", Principal: { AWS: `arn:aws:sts::${A}:assumed-role/${keptRole.name}/s2` }, Action: "sts:AssumeRole" },
    ));
    const fs = findings({ accounts: [A, B], users: [kept], roles: [keptRole, stale] });
    const missing = fs.filter((f) => f.kind === "missing-principal");
    expect(missing.map((f) => f.roleName)).toEqual(["stale"]);
    expect(missing[0].evidence.map((e) => (e.type === "trust-principal" ? [e.path, e.value] : null))).toEqual([
      ["Statement[0].Principal.AWS[1]", `arn:aws:iam::${A}:user/gone`],
      ["Statement[0].Principal.AWS[3]", "AROA0123456789EXAMPLE"],
      ["Statement[1].Principal.AWS", `arn:aws:sts::${B}:assumed-role/deleted/s1`],
    ]);
    expect(missing[0].evidence[1]).toMatchObject({ problem: expect.stringContaining("IAM shows a deleted role this way") });
  });

  it("a role nobody can assume is reported; one a service, a provider or a user can assume is not", () => {
    const noPolicy = role(A, "unreachable", trust({ AWS: A }));
    const service = role(A, "service", trust({ Service: "lambda.amazonaws.com" }));
    const web = role(A, "web", doc({ Effect: "Allow", Principal: { Federated: "accounts.google.com" }, Action: "sts:AssumeRoleWithWebIdentity" }));
    const fs = findings({ accounts: [A], users: [user(A, "idle")], roles: [noPolicy, service, web] });
    expect(ofKind(fs, "unassumable")).toEqual([["unreachable", "low"]]);
    expect(fs.find((f) => f.kind === "unassumable")!.evidence).toEqual([
      expect.objectContaining({ type: "trust-principal", path: "Statement[0].Principal", value: JSON.stringify({ AWS: A }) }),
    ]);
  });

  it("a role unused for 90 days, or never used and made more than 90 days ago, is reported; a recent use or session is not", () => {
    const t = trust({ Service: "ec2.amazonaws.com" });
    const fs = findings({
      accounts: [A],
      users: [],
      roles: [
        role(A, "idle", t, [], { createdAt: daysAgo(400), lastUsedAt: daysAgo(120) }),
        role(A, "never", t, [], { createdAt: daysAgo(91), lastUsedAt: null }),
        role(A, "new", t, [], { createdAt: daysAgo(89), lastUsedAt: null }),
        role(A, "used", t, [], { createdAt: daysAgo(400), lastUsedAt: daysAgo(89) }),
        role(A, "session", t, [], { createdAt: daysAgo(400), lastUsedAt: null, lastSessionAt: daysAgo(3) }),
      ],
    });
    expect(ofKind(fs, "unused")).toEqual([["idle", "low"], ["never", "low"]]);
    const never = fs.find((f) => f.roleName === "never")!;
    expect(never.summary).toBe("Never used in the 91 days since it was created");
    expect(never.evidence).toEqual([{ type: "usage", createdAt: daysAgo(91).toISOString(), lastUsedAt: null, lastSessionAt: null, idleDays: 91 }]);
  });

  it("lists the most severe first, and a well-kept role has no findings", () => {
    const ops = user(A, "ops2", [assumeAny]);
    const fine = role(A, "fine", trust({ AWS: ops.arn }, { Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } }));
    const idle = role(A, "idle2", trust({ AWS: ops.arn }), [], { createdAt: daysAgo(200), lastUsedAt: null });
    const open = role(A, "open2", trust({ AWS: "*" }));
    const fs = findings({ accounts: [A], users: [ops], roles: [fine, idle, open] });
    expect(fs.map((f) => [f.severity, f.kind, f.roleName])).toEqual([["high", "wildcard-principal", "open2"], ["low", "unused", "idle2"]]);
  });
});
