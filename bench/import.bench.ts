// Import benchmark: a generated account of 3,000 users, 10,000 roles and 330 groups (bench/account-generator) in
// get-account-authorization-details form, imported through `importAuthorizationDetails` (what `npx roleplane import`
// runs), then read back whole with GetAccountAuthorizationDetails' service — on SQLite and on PostgreSQL.
import fs from "node:fs";
import { closeDb } from "@/lib/db/client";
import { useFreshTestStore } from "@/lib/db/test-db";
import { importAuthorizationDetails } from "@/lib/iam/account-import";
import { getAccountAuthorizationDetails } from "@/lib/iam/authorization-details";
import { startPostgresCluster } from "@/scripts/postgres-cluster.mjs";
import { generateAccount } from "./account-generator";
import { table } from "./stats";

const SIZE = { users: 3_000, roles: 10_000, groups: 330 };

async function measure(text: string, postgresServerUrl?: string): Promise<string[]> {
  await useFreshTestStore({ postgresServerUrl });
  let t = performance.now();
  await importAuthorizationDetails([{ name: "generated.json", text }], { actor: "bench" });
  const imported = (performance.now() - t) / 1000;
  t = performance.now();
  const page = await getAccountAuthorizationDetails({ accountId: "444444444444", actor: "bench", source: "api", requestId: "bench" }, { maxItems: 1000 });
  const firstPage = performance.now() - t;
  await closeDb();
  fs.rmSync(process.env.ROLEPLANE_DATA_DIR!, { recursive: true, force: true });
  if (page.items.length !== 1000) throw new Error(`expected a full first page, got ${page.items.length}`);
  return [imported.toFixed(1), firstPage.toFixed(0)];
}

export async function benchImport() {
  const text = JSON.stringify(generateAccount(SIZE));
  const sqlite = await measure(text);
  let postgres = ["–", "–"];
  let note = "";
  const given = process.env.ROLEPLANE_BENCH_POSTGRES_URL;
  try {
    const cluster = given ? null : await startPostgresCluster();
    try {
      postgres = await measure(text, given ?? cluster!.url);
    } finally {
      cluster?.stop();
    }
  } catch (err) {
    note = `\nPostgreSQL not measured: ${err instanceof Error ? err.message : err}\n`;
  }
  const mb = (Buffer.byteLength(text) / 1024 / 1024).toFixed(1);
  return (
    table(`Import of a generated account (${SIZE.users} users, ${SIZE.roles} roles, ${SIZE.groups} groups; ${mb} MB of JSON)`, ["", "SQLite", "PostgreSQL"], [
      ["npx roleplane import's work, s", sqlite[0], postgres[0]],
      ["GetAccountAuthorizationDetails, first page of 1,000 (reads the whole account), ms", sqlite[1], postgres[1]],
    ]) + note
  );
}
