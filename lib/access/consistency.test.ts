import { beforeAll, describe, expect, it } from "vitest";
import { useFreshTestDb } from "@/lib/db/test-db";
import type { Caller } from "@/lib/domain/callers";
import type { RequestContext } from "@/lib/iam/context";
import { accessIndex } from "@/lib/iam/access";
import * as roles from "@/lib/iam/roles";
import * as users from "@/lib/iam/users";
import { assumeRole } from "@/lib/sts/assume-role";
import type { AssumeRoleInput } from "@/lib/domain/sts-schemas";
import type { PrincipalPolicies } from "@/lib/domain/types";
import { ANALYSIS_SESSION, callerFor, type DirectAccess } from "./assume-access";

/**
 * The analysis against the real AssumeRole: a seeded store of users and roles in two accounts with generated trust
 * and identity policies (named principals, account roots, `*`, external IDs, session names, principal and session
 * tags, denies, boundaries), and for every principal/role pair the analysis's answer must be what STS does.
 */
const ACCOUNTS = ["111111111111", "222222222222"];
const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });

function rng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
}
const random = rng(20261129);
const pick = <T,>(xs: T[]): T => xs[Math.floor(random() * xs.length)];

function identityPolicy(): string | null {
  return pick([
    null,
    doc({ Effect: "Allow", Action: "sts:AssumeRole", Resource: "*" }),
    doc({ Effect: "Allow", Action: ["sts:AssumeRole", "sts:TagSession"], Resource: "arn:aws:iam::*:role/r-*" }),
    doc({ Effect: "Allow", Action: "sts:*", Resource: "arn:aws:iam::111111111111:role/*" }),
    doc({ Effect: "Allow", Action: "*", Resource: "*" }, { Effect: "Deny", Action: "sts:AssumeRole", Resource: "*", Condition: { StringNotEquals: { "sts:ExternalId": "let-me" } } }),
    doc({ Effect: "Allow", Action: "s3:*", Resource: "*" }),
  ]);
}

function trustPolicy(account: string, named: string[]): string {
  const principal = pick([{ AWS: pick(named) }, { AWS: pick(ACCOUNTS) }, { AWS: `arn:aws:iam::${account}:root` }, { AWS: "*" }, { AWS: [pick(named), pick(named)] }]);
  const condition = pick([
    undefined,
    { StringEquals: { "sts:ExternalId": "ext-7" } },
    { StringLike: { "sts:RoleSessionName": "ops-*" } },
    { StringEquals: { "aws:PrincipalTag/team": "blue" } },
    { StringEquals: { "aws:RequestTag/project": "apollo" } },
  ]);
  const actions = JSON.stringify(condition ?? {}).includes("aws:RequestTag/") ? ["sts:AssumeRole", "sts:TagSession"] : "sts:AssumeRole";
  return doc({ Effect: "Allow", Principal: principal, Action: actions, ...(condition ? { Condition: condition } : {}) });
}

/** The AssumeRole a person would send for the analysis's example request. */
function inputFor(roleArn: string, example: DirectAccess["example"]): AssumeRoleInput {
  const input: AssumeRoleInput = { RoleArn: roleArn, RoleSessionName: ANALYSIS_SESSION };
  for (const [key, value] of Object.entries(example)) {
    if (key === "sts:ExternalId") input.ExternalId = String(value);
    else if (key === "sts:RoleSessionName") input.RoleSessionName = String(value);
    else if (key.startsWith("aws:RequestTag/")) input.Tags = [...(input.Tags ?? []), { Key: key.slice("aws:RequestTag/".length), Value: String(value) }];
    else throw new Error(`the generated policies need no ${key}`);
  }
  return input;
}

const ctxOf = (accountId: string): RequestContext => ({ accountId, actor: "tester@example.com", source: "console", requestId: "r-consistency" });

beforeAll(useFreshTestDb);

describe("the access analysis agrees with AssumeRole", () => {
  it("for every generated principal and role, allowed, allowed on conditions, or refused", { timeout: 120_000 }, async () => {
    const callers: { arn: string; policies: () => PrincipalPolicies; kind: "user" | "role" }[] = [];
    const named: string[] = [];
    for (const [i, account] of ACCOUNTS.flatMap((a) => [a, a, a, a, a]).entries()) {
      const ctx = ctxOf(account);
      const u = await users.createUser(ctx, { UserName: `u-${i}`, Tags: random() < 0.5 ? [{ Key: "team", Value: pick(["blue", "red"]) }] : [] });
      const policy = identityPolicy();
      if (policy) await users.userPermissions.putPolicy(ctx, u.name, "p", policy);
      named.push(u.arn);
      callers.push({ arn: u.arn, kind: "user", policies: () => ({ id: u.id, accountId: account, name: u.name, arn: u.arn, tags: [], identity: [] }) });
    }
    for (const [i, account] of ACCOUNTS.flatMap((a) => [a, a, a, a, a, a, a]).entries()) {
      const ctx = ctxOf(account);
      const policy = identityPolicy();
      const r = await roles.createRole(ctx, {
        RoleName: `r-${i}`,
        AssumeRolePolicyDocument: trustPolicy(account, named),
        ...(policy ? { InlinePolicies: [{ PolicyName: "p", PolicyDocument: policy }] } : {}),
      });
      named.push(r.arn);
      callers.push({ arn: r.arn, kind: "role", policies: () => ({ id: r.id, accountId: account, name: r.name, arn: r.arn, tags: [], identity: [] }) });
    }

    const index = await accessIndex();
    const allRoles = callers.filter((c) => c.kind === "role");
    const tally = { allowed: 0, conditional: 0, refused: 0 };
    const now = new Date();
    for (const c of callers) {
      // A role asks as one of its sessions (role chaining), as STS sees it.
      const caller: Caller = c.kind === "user" ? { kind: "user", accountId: c.policies().accountId, arn: c.arn, userId: c.policies().id, userName: c.policies().name } : callerFor(c.policies(), "role", now);
      for (const r of allRoles) {
        const access = index.direct(r.arn).find((a) => a.principal.arn === c.arn);
        const plain = await assumeRole({ ctx: ctxOf(caller.accountId), caller, input: { RoleArn: r.arn, RoleSessionName: ANALYSIS_SESSION }, env: {} });
        const pair = `${c.arn} → ${r.arn}`;
        if (!access || access.conditions.length > 0) expect(plain.granted, pair).toBe(false);
        else expect(plain.granted, pair).toBe(true);
        if (access && access.conditions.length > 0) {
          const met = await assumeRole({ ctx: ctxOf(caller.accountId), caller, input: inputFor(r.arn, access.example), env: {} });
          expect(met.granted, `${pair} with ${JSON.stringify(access.example)}`).toBe(true);
        }
        tally[!access ? "refused" : access.conditions.length ? "conditional" : "allowed"]++;
      }
    }
    // The generator must exercise every kind of answer, or the test proves little.
    expect(tally.allowed).toBeGreaterThan(10);
    expect(tally.conditional).toBeGreaterThan(5);
    expect(tally.refused).toBeGreaterThan(50);
  });
});
