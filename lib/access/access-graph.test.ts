import { describe, expect, it } from "vitest";
import type { PrincipalPolicies } from "@/lib/domain/types";
import { buildAccessIndex, type AccessStore } from "./access-graph";
import type { AnalyzedRole } from "./assume-access";

const A = "111111111111";
const B = "222222222222";
const OUT = "333333333333";
const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const trust = (Principal: object, extra: object = {}) => doc({ Effect: "Allow", Principal, Action: "sts:AssumeRole", ...extra });
const assumeAny = { name: "assume", document: doc({ Effect: "Allow", Action: "sts:AssumeRole", Resource: "*" }) };

let n = 0;
function user(accountId: string, name: string, identity: PrincipalPolicies["identity"] = [], extra: Partial<PrincipalPolicies> = {}): PrincipalPolicies {
  return { id: `AIDA${String(++n).padStart(17, "0")}`, accountId, name, arn: `arn:aws:iam::${accountId}:user/${name}`, tags: [], identity, ...extra };
}
function role(accountId: string, name: string, trustPolicy: string, identity: PrincipalPolicies["identity"] = [], extra: Partial<AnalyzedRole> = {}): AnalyzedRole {
  return { id: `AROA${String(++n).padStart(17, "0")}`, accountId, name, arn: `arn:aws:iam::${accountId}:role/${name}`, tags: [], identity, trustPolicy, ...extra };
}
const who = (store: AccessStore, r: AnalyzedRole) =>
  buildAccessIndex(store)
    .direct(r.arn)
    .map((a) => `${a.principal.arn}${a.conditions.length ? ` if ${a.conditions.map((c) => `${c.effect === "Deny" ? "not " : ""}${c.key}`).join(",")}` : ""}`)
    .sort();

describe("who can assume a role directly", () => {
  it("a trust naming a user needs nothing more in its account; naming the account needs the user's own policy", () => {
    const named = user(A, "named");
    const allowed = user(A, "allowed", [assumeAny]);
    const plain = user(A, "plain");
    const direct = role(A, "direct", trust({ AWS: named.arn }));
    const viaRoot = role(A, "via-root", trust({ AWS: `arn:aws:iam::${A}:root` }));
    const store = { accounts: [A], users: [named, allowed, plain], roles: [direct, viaRoot] };
    expect(who(store, direct)).toEqual([named.arn]);
    expect(who(store, viaRoot)).toEqual([allowed.arn]);
    const access = buildAccessIndex(store).direct(viaRoot.arn)[0];
    expect(access.statements.map((s) => s.policy.type).sort()).toEqual(["identity", "trust"]);
    expect(access.statements.find((s) => s.policy.type === "identity")?.policy.name).toBe("assume");
  });

  it("expands another store account's root into its principals whose policies allow; an outside account stays one entry", () => {
    const partner = user(B, "partner", [assumeAny]);
    const idle = user(B, "idle");
    const r = role(A, "cross", doc({ Effect: "Allow", Principal: { AWS: [B, OUT] }, Action: "sts:AssumeRole" }));
    expect(who({ accounts: [A, B], users: [partner, idle], roles: [r] }, r)).toEqual([partner.arn, `arn:aws:iam::${OUT}:root`]);
  });

  it("cross-account, a trust naming the user still needs the user's own policy", () => {
    const u = user(B, "nopolicy");
    const r = role(A, "named-cross", trust({ AWS: u.arn }));
    expect(who({ accounts: [A, B], users: [u], roles: [r] }, r)).toEqual([]);
  });

  it("lists the conditions the request must meet, and a request that meets them", () => {
    const u = user(A, "ops", [assumeAny]);
    const r = role(A, "guarded", trust({ AWS: A }, { Condition: { StringEquals: { "sts:ExternalId": "ext-42" }, Bool: { "aws:MultiFactorAuthPresent": "true" } } }));
    const [access] = buildAccessIndex({ accounts: [A], users: [u], roles: [r] }).direct(r.arn);
    expect(access.conditions.map((c) => [c.key, c.operator, c.values])).toEqual([
      ["sts:ExternalId", "StringEquals", ["ext-42"]],
      ["aws:MultiFactorAuthPresent", "Bool", ["true"]],
    ]);
    expect(access.example).toEqual({ "sts:ExternalId": "ext-42", "aws:MultiFactorAuthPresent": "true" });
  });

  it("does not count conditions on what the principal is (tags, ARN) as conditions: they decide", () => {
    const web = user(A, "web", [assumeAny], { tags: [{ Key: "team", Value: "web" }] });
    const data = user(A, "data", [assumeAny], { tags: [{ Key: "team", Value: "data" }] });
    const r = role(A, "web-only", trust({ AWS: A }, { Condition: { StringEquals: { "aws:PrincipalTag/team": "web" } } }));
    expect(who({ accounts: [A], users: [web, data], roles: [r] }, r)).toEqual([web.arn]);
  });

  it("honours explicit denies, boundaries and group policies; a deny on a request key becomes a condition", () => {
    const denied = user(A, "denied", [assumeAny, { name: "no", document: doc({ Effect: "Deny", Action: "sts:*", Resource: "*" }) }]);
    const bounded = user(A, "bounded", [assumeAny], { boundary: { arn: `arn:aws:iam::${A}:policy/s3`, document: doc({ Effect: "Allow", Action: "s3:*", Resource: "*" }) } });
    const grouped = user(A, "grouped", [{ ...assumeAny, group: { name: "ops", arn: `arn:aws:iam::${A}:group/ops` } }]);
    const mfaDeny = user(A, "mfa", [assumeAny, { name: "mfa", document: doc({ Effect: "Deny", Action: "*", Resource: "*", Condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } } }) }]);
    const r = role(A, "r", trust({ AWS: A }));
    const store = { accounts: [A], users: [denied, bounded, grouped, mfaDeny], roles: [r] };
    expect(who(store, r)).toEqual([grouped.arn, `${mfaDeny.arn} if not aws:MultiFactorAuthPresent`]);
    const groupAccess = buildAccessIndex(store).direct(r.arn).find((a) => a.principal.arn === grouped.arn)!;
    expect(groupAccess.statements.find((s) => s.policy.type === "identity")?.policy.group?.name).toBe("ops");
  });

  it("names services and identity providers with their conditions; `*` is anyone", () => {
    const r = role(A, "fed", doc(
      { Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" },
      { Effect: "Allow", Principal: { Federated: `arn:aws:iam::${A}:oidc-provider/token.actions.githubusercontent.com` }, Action: "sts:AssumeRoleWithWebIdentity", Condition: { StringLike: { "token.actions.githubusercontent.com:sub": "repo:acme/*" } } },
      { Effect: "Allow", Principal: { Federated: `arn:aws:iam::${A}:saml-provider/corp` }, Action: "sts:AssumeRole" },
    ));
    const open = role(A, "open", trust({ AWS: "*" }));
    const index = buildAccessIndex({ accounts: [A], users: [], roles: [r, open] });
    expect(index.direct(r.arn).map((a) => [a.principal.kind, a.action, a.conditions.map((c) => c.key)])).toEqual([
      ["service", "sts:AssumeRole", []],
      ["federated", "sts:AssumeRoleWithWebIdentity", ["token.actions.githubusercontent.com:sub"]],
    ]);
    // `*` lets in every principal of the role's account with no policy of their own, and anyone elsewhere whose policies allow.
    expect(index.direct(open.arn).map((a) => a.principal.arn)).toEqual([r.arn, open.arn, "*"]);
  });
});

describe("chains", () => {
  it("finds every principal that reaches a role, one shortest path each, through cycles, telling conditional paths apart", () => {
    const dev = user(A, "dev", [assumeAny]);
    const hopA = role(A, "hop-a", trust({ AWS: dev.arn }), [assumeAny]);
    const hopB = role(A, "hop-b", trust({ AWS: hopA.arn }), [assumeAny]);
    // hop-a and hop-b trust each other: a cycle.
    hopA.trustPolicy = trust({ AWS: [dev.arn, hopB.arn] });
    const admin = role(A, "admin", doc(
      { Effect: "Allow", Principal: { AWS: hopB.arn }, Action: "sts:AssumeRole" },
      { Effect: "Allow", Principal: { AWS: hopA.arn }, Action: "sts:AssumeRole", Condition: { StringEquals: { "sts:ExternalId": "x1" } } },
    ));
    const index = buildAccessIndex({ accounts: [A], users: [dev], roles: [hopA, hopB, admin] });
    expect(index.chains(admin.arn).map((c) => [c.principal.arn, c.path, c.conditional])).toEqual([
      // hop-a assumes admin directly only with an external ID, and without one through hop-b.
      [hopA.arn, [hopA.arn, hopB.arn, admin.arn], false],
      [dev.arn, [dev.arn, hopA.arn, hopB.arn, admin.arn], false],
    ]);
    expect(index.direct(admin.arn).map((a) => [a.principal.arn, a.conditions.length])).toEqual([[hopB.arn, 0], [hopA.arn, 1]]);
    expect(index.reachable(dev.arn).map((r) => [r.roleArn, r.path.length, r.conditional])).toEqual([
      [hopB.arn, 3, false],
      [admin.arn, 4, false],
    ]);
    expect(index.assumable(dev.arn).map((a) => a.roleArn)).toEqual([hopA.arn]);
  });

  it("a path that needs a condition somewhere is conditional", () => {
    const dev = user(A, "dev2", [assumeAny]);
    const mid = role(A, "mid", trust({ AWS: dev.arn }, { Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } }), [assumeAny]);
    const top = role(A, "top", trust({ AWS: mid.arn }));
    const index = buildAccessIndex({ accounts: [A], users: [dev], roles: [mid, top] });
    expect(index.chains(top.arn).map((c) => [c.principal.arn, c.conditional])).toEqual([[dev.arn, true]]);
  });
});
