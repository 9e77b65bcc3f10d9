// Store benchmark: role creation through the core service (with trust-policy checks and audit), and the role
// list the console uses, at 10,000 roles. Runs against a fresh SQLite file in a temp directory.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { useFreshTestDb } from "@/lib/db/test-db";
import { getDb } from "@/lib/db/client";
import { createRole, listRoles } from "@/lib/iam/roles";
import { newUniqueId } from "@/lib/iam/ids";
import type { RequestContext } from "@/lib/iam/context";
import { loadCatalogue } from "@/lib/policy/catalogue-loader";
import { percentiles, table } from "./stats";

const ctx: RequestContext = { accountId: "111111111111", actor: "bench", source: "api", requestId: "bench" };
const trust = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }] });

async function time<T>(fn: () => Promise<T>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

export async function benchStore() {
  await useFreshTestDb();
  await loadCatalogue();
  const db = getDb();
  await db.$executeRawUnsafe("PRAGMA journal_mode = WAL");

  const created: number[] = [];
  const viaService = 500;
  for (let i = 0; i < viaService; i++) created.push(await time(() => createRole(ctx, { RoleName: `svc-role-${i}`, AssumeRolePolicyDocument: trust })));

  // Fill up to 10,000 roles in bulk so the list measurements see a realistic table.
  const rows = Array.from({ length: 10_000 - viaService }, (_, i) => {
    const name = `bulk-role-${String(i).padStart(5, "0")}`;
    return {
      id: newUniqueId("AROA"),
      accountId: ctx.accountId,
      name,
      nameLower: name,
      path: i % 10 === 0 ? "/team-a/" : "/",
      arn: `arn:aws:iam::${ctx.accountId}:role/${name}`,
      assumeRolePolicy: trust,
      createdAt: new Date(Date.now() - i * 1000),
    };
  });
  for (let i = 0; i < rows.length; i += 500) await db.role.createMany({ data: rows.slice(i, i + 500) });

  const measure = async (label: string, fn: () => Promise<unknown>, n = 200) => {
    const samples: number[] = [];
    for (let i = 0; i < n; i++) samples.push(await time(fn));
    return [label, ...percentiles(samples)];
  };
  const lastPage = Buffer.from(`o:${9_950}`).toString("base64url");
  const results = [
    ["CreateRole via service (n=500)", ...percentiles(created)],
    await measure("ListRoles first page of 50, by name", () => listRoles(ctx, { maxItems: 50 })),
    await measure("ListRoles last page of 50 (offset 9,950)", () => listRoles(ctx, { maxItems: 50, marker: lastPage })),
    await measure("ListRoles sorted by creation date", () => listRoles(ctx, { maxItems: 50, sort: "createdAt", order: "desc" })),
    await measure("ListRoles search 'role-0999'", () => listRoles(ctx, { maxItems: 50, search: "role-0999" })),
    await measure("ListRoles path prefix /team-a/", () => listRoles(ctx, { maxItems: 50, pathPrefix: "/team-a/" })),
  ];
  await db.$disconnect();
  fs.rmSync(process.env.ROLEPLANE_DATA_DIR ?? path.join(os.tmpdir(), "none"), { recursive: true, force: true });
  return table("Store (SQLite, 10,000 roles)", ["operation", "p50 ms", "p95 ms", "p99 ms"], results);
}
