// PassRole analysis benchmark: who may pass a role, over an account of 400 IAM users and 100 roles with mixed
// inline, managed and boundary policies (a third of the users, a quarter of the roles and every administrator
// may pass roles). Runs against a fresh SQLite file in a temp directory.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { useFreshTestDb } from "@/lib/db/test-db";
import { getDb } from "@/lib/db/client";
import { loadAccountPrincipalPolicies } from "@/lib/db/principal-tables";
import { analyzePassRole } from "@/lib/access/pass-role";
import type { RequestContext } from "@/lib/iam/context";
import { whoCanPassRole } from "@/lib/iam/pass-role";
import { createRole } from "@/lib/iam/roles";
import { createUser, userPermissions } from "@/lib/iam/users";
import { percentiles, table } from "./stats";

const ctx: RequestContext = { accountId: "111111111111", actor: "bench", source: "api", requestId: "bench" };
const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const trust = (services: string[]) => doc({ Effect: "Allow", Principal: { Service: services }, Action: "sts:AssumeRole" });

async function time(fn: () => unknown): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

export async function benchPassRole() {
  await useFreshTestDb();
  const USERS = 400;
  const ROLES = 100;
  await createRole(ctx, { RoleName: "target", Path: "/app/", AssumeRolePolicyDocument: trust(["ec2.amazonaws.com", "lambda.amazonaws.com", "ecs-tasks.amazonaws.com"]) });
  for (let i = 0; i < USERS; i++) {
    const name = `user-${i}`;
    await createUser(ctx, { UserName: name, Tags: [{ Key: "team", Value: `team-${i % 7}` }], PermissionsBoundary: i % 5 === 0 ? "arn:aws:iam::aws:policy/ReadOnlyAccess" : undefined });
    // Every user has an inline policy of its own; a third may pass roles, under conditions.
    const own = { Sid: "Own", Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject"], Resource: `arn:aws:s3:::bucket-${i}/*` };
    const pass = {
      Sid: "Pass",
      Effect: "Allow",
      Action: "iam:PassRole",
      Resource: i % 2 ? "arn:aws:iam::111111111111:role/app/*" : "arn:aws:iam::111111111111:role/other/*",
      Condition: { StringEquals: { "iam:PassedToService": i % 4 === 3 ? "lambda.amazonaws.com" : "ec2.amazonaws.com", "aws:PrincipalTag/team": `team-${i % 7}` } },
    };
    await userPermissions.putPolicy(ctx, name, "work", i % 3 === 0 ? doc(own, pass) : doc(own));
    if (i % 10 === 0) await userPermissions.attachPolicy(ctx, name, "arn:aws:iam::aws:policy/AdministratorAccess");
  }
  for (let i = 0; i < ROLES; i++)
    await createRole(ctx, {
      RoleName: `role-${i}`,
      AssumeRolePolicyDocument: trust(["ec2.amazonaws.com"]),
      PolicyArns: [i % 4 === 0 ? "arn:aws:iam::aws:policy/AdministratorAccess" : "arn:aws:iam::aws:policy/ReadOnlyAccess"],
      InlinePolicies: i % 4 === 1 ? [{ PolicyName: "deploy", PolicyDocument: doc({ Effect: "Allow", Action: ["iam:PassRole", "lambda:*"], Resource: "*", Condition: { StringLike: { "iam:PassedToService": "lambda.*" } } }) }] : [],
    });

  const db = getDb();
  const role = { arn: "arn:aws:iam::111111111111:role/app/target", accountId: ctx.accountId, tags: [], services: ["ec2.amazonaws.com", "lambda.amazonaws.com", "ecs-tasks.amazonaws.com"] };
  const principals = [
    ...(await loadAccountPrincipalPolicies(db, "user", ctx.accountId)).map((u) => ({ ...u, kind: "user" as const })),
    ...(await loadAccountPrincipalPolicies(db, "role", ctx.accountId)).map((r) => ({ ...r, kind: "role" as const })),
  ];
  const grants = analyzePassRole(role, principals).grants.length;
  const n = 30;
  const measure = async (label: string, fn: () => unknown) => {
    const samples: number[] = [];
    for (let i = 0; i < n; i++) samples.push(await time(fn));
    return [label, ...percentiles(samples)];
  };
  const results = [
    await measure("load every user's and role's policies (2 queries per kind)", () =>
      Promise.all([loadAccountPrincipalPolicies(db, "user", ctx.accountId), loadAccountPrincipalPolicies(db, "role", ctx.accountId)]),
    ),
    await measure("evaluate iam:PassRole for 501 principals × 3 services", () => analyzePassRole(role, principals)),
    await measure("whoCanPassRole, end to end", () => whoCanPassRole(ctx, "target")),
  ];
  await db.$disconnect();
  fs.rmSync(process.env.ROLEPLANE_DATA_DIR ?? path.join(os.tmpdir(), "none"), { recursive: true, force: true });
  return table(`Who can pass a role (${USERS} users, ${ROLES + 1} roles, ${grants} grants found; n=${n})`, ["step", "p50 ms", "p95 ms", "p99 ms"], results);
}
