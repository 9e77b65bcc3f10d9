// Store benchmark: role creation through the core service (with trust-policy checks and audit), and the role
// list the console uses, at 10,000 roles — on a fresh SQLite file (WAL) and on a fresh PostgreSQL database, side by
// side. PostgreSQL: the server ROLEPLANE_BENCH_POSTGRES_URL points at, else a throwaway local cluster.
import fs from "node:fs";
import { useFreshTestStore } from "@/lib/db/test-db";
import { closeDb, getDb } from "@/lib/db/client";
import { startPostgresCluster } from "@/scripts/postgres-cluster.mjs";
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

/** One store's samples: one row per operation, "p50 / p95 / p99" in ms. */
async function measureStore(postgresServerUrl?: string): Promise<Map<string, string>> {
  await useFreshTestStore({ postgresServerUrl });
  await loadCatalogue();
  const db = getDb();

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
  // Fresh statistics for the query planner, as a store that grew over time has them (same statement on both stores).
  await db.$executeRawUnsafe("ANALYZE");

  const measure = async (label: string, fn: () => Promise<unknown>, n = 200) => {
    const samples: number[] = [];
    for (let i = 0; i < n; i++) samples.push(await time(fn));
    return [label, ...percentiles(samples)];
  };
  await measure("warm-up", () => listRoles(ctx, { maxItems: 50 }), 20);
  const lastPage = Buffer.from(`o:${9_950}`).toString("base64url");
  const results = [
    ["CreateRole via service (n=500)", ...percentiles(created)],
    await measure("ListRoles first page of 50, by name", () => listRoles(ctx, { maxItems: 50 })),
    await measure("ListRoles last page of 50 (offset 9,950)", () => listRoles(ctx, { maxItems: 50, marker: lastPage })),
    await measure("ListRoles sorted by creation date", () => listRoles(ctx, { maxItems: 50, sort: "createdAt", order: "desc" })),
    await measure("ListRoles search 'role-0999'", () => listRoles(ctx, { maxItems: 50, search: "role-0999" })),
    await measure("ListRoles path prefix /team-a/", () => listRoles(ctx, { maxItems: 50, pathPrefix: "/team-a/" })),
  ];
  await closeDb();
  fs.rmSync(process.env.ROLEPLANE_DATA_DIR!, { recursive: true, force: true });
  return new Map(results.map(([label, ...p]) => [label, p.join(" / ")]));
}

export async function benchStore() {
  const sqlite = await measureStore();
  let postgres: Map<string, string> | undefined;
  let note = "";
  const given = process.env.ROLEPLANE_BENCH_POSTGRES_URL;
  try {
    const cluster = given ? null : await startPostgresCluster();
    try {
      postgres = await measureStore(given ?? cluster!.url);
    } finally {
      cluster?.stop();
    }
  } catch (err) {
    note = `\nPostgreSQL not measured: ${err instanceof Error ? err.message : err}\n`;
  }
  const rows = [...sqlite].map(([label, s]) => [label, s, postgres?.get(label) ?? "–"]);
  return (
    table("Store, 10,000 roles: SQLite (WAL) and PostgreSQL", ["operation", "SQLite p50 / p95 / p99 ms", "PostgreSQL p50 / p95 / p99 ms"], rows) + note
  );
}
