// Who can assume what after a change, in process over a real store: bench/account-generator's account (3,000 users,
// 330 groups, 10,000 roles) imported into a fresh SQLite store, the index built through lib/iam/access.ts as the
// server builds it, then changes made through the IAM services and the next index timed: reading the store (only
// the principals the change log names) and the rebuild that reuses the last build's decisions.
import { getDb } from "@/lib/db/client";
import { useFreshTestStore } from "@/lib/db/test-db";
import { accessIndex, accessStore, canAssumeOf, whoCanAssumeOf } from "@/lib/iam/access";
import { loadWholeStore } from "@/lib/iam/access-store";
import { importAuthorizationDetails } from "@/lib/iam/account-import";
import type { RequestContext } from "@/lib/iam/context";
import * as groups from "@/lib/iam/groups";
import * as roles from "@/lib/iam/roles";
import * as users from "@/lib/iam/users";
import { generateAccount } from "./account-generator";

const ACCOUNT = "444444444444";

/** Wall and CPU milliseconds of `fn`. */
async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; wall: number; cpu: number }> {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const value = await fn();
  const used = process.cpuUsage(cpu);
  return { value, wall: performance.now() - t, cpu: (used.user + used.system) / 1000 };
}

const ms = (x: { wall: number; cpu: number }) => `${x.wall.toFixed(0)} wall, ${x.cpu.toFixed(0)} CPU`;

export async function benchAccessStore(): Promise<string[][]> {
  const users_ = Number(process.env.ACCESS_USERS ?? 3000);
  const size = { users: users_, roles: Number(process.env.ACCESS_ROLES ?? 10000), groups: Math.round(users_ / 9.1) };
  await useFreshTestStore({});
  const account = generateAccount({ ...size, accountId: ACCOUNT });
  await importAuthorizationDetails([{ name: "generated.json", text: JSON.stringify(account) }], { actor: "bench" });
  const ctx: RequestContext = { accountId: ACCOUNT, actor: "bench", source: "console", requestId: "bench-access-store" };

  const whole = await timed(() => loadWholeStore(getDb()));
  const first = await timed(() => accessIndex());
  const user = account.UserDetailList[1].UserName;
  const role = account.RoleDetailList[7];
  const group = account.GroupDetailList[3].GroupName;
  const grant = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Resource: role.Arn }] });
  const trust = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: ACCOUNT }, Action: "sts:AssumeRole" }] });
  const changes: [string, () => Promise<unknown>][] = [
    ["a user's inline policy granting a role", () => users.userPermissions.putPolicy(ctx, user, "bench-grant", grant)],
    ["the same policy deleted", () => users.userPermissions.deletePolicy(ctx, user, "bench-grant")],
    ["a role's trust policy", () => roles.updateAssumeRolePolicy(ctx, role.RoleName, trust)],
    ["a group's inline policy (its members read again)", () => groups.groupPermissions.putPolicy(ctx, group, "bench-grant", grant)],
  ];
  const rows: string[][] = [
    [`read the whole store (${account.UserDetailList.length + account.RoleDetailList.length} principals), ms`, ms(whole)],
    [`first index through lib/iam/access.ts (read and build), ms`, ms(first)],
  ];
  for (const [what, change] of changes) {
    await change();
    const read = await timed(() => accessStore());
    const built = await timed(() => accessIndex());
    // The next answers: who can assume the role, then what the user can assume (which gathers the other direction).
    const who = await timed(async () => whoCanAssumeOf(built.value, role.Arn));
    const can = await timed(async () => canAssumeOf(built.value, account.UserDetailList[1].Arn));
    rows.push([
      `after ${what}: read what changed; rebuild (${built.value.evaluations} evaluations, ${built.value.reused} reused; ${built.value.rolesBuilt} of ${built.value.roleCount} roles built or patched); next who-can; next can-assume, ms`,
      `${ms(read)}; ${ms(built)}; ${ms(who)}; ${ms(can)}`,
    ]);
  }
  return rows;
}
