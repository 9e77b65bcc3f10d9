import Database from "better-sqlite3";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createDatabase } from "@/scripts/postgres-cluster.mjs";
import { seedAccounts } from "./seed";
import { closeDb, getDb } from "./client";

const migrationScripts = (dir: string) =>
  fs
    .readdirSync(dir)
    .filter((d) => fs.statSync(path.join(dir, d)).isDirectory())
    .sort()
    .map((d) => fs.readFileSync(path.join(dir, d, "migration.sql"), "utf8"));

/** A new SQLite file in WAL mode, as production runs it, with every migration applied. */
function freshSqlite(dir: string): string {
  const file = path.join(dir, "test.db");
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  for (const sql of migrationScripts(path.join(process.cwd(), "prisma", "migrations"))) sqlite.exec(sql);
  sqlite.close();
  return `file:${file}`;
}

/** A new database on the PostgreSQL server `serverUrl` points at, with every PostgreSQL migration applied. */
async function freshPostgres(serverUrl: string): Promise<string> {
  const url = await createDatabase(serverUrl, `roleplane_unit_${process.pid}_${Date.now()}`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const sql of migrationScripts(path.join(process.cwd(), "prisma", "postgres", "migrations"))) await client.query(sql);
  } finally {
    await client.end();
  }
  return url;
}

/**
 * For core tests and benchmarks: a fresh store with every migration applied (the same SQL files production
 * applies) — SQLite by default, PostgreSQL with `postgresServerUrl` — holding the two demo accounts and a small
 * AWS-managed catalogue. Replaces the process's client, so call it before the first getDb() of a test file.
 */
export async function useFreshTestStore(options: { postgresServerUrl?: string }): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "roleplane-unit-"));
  process.env.DATABASE_URL = options.postgresServerUrl ? await freshPostgres(options.postgresServerUrl) : freshSqlite(dir);
  process.env.ROLEPLANE_DATA_DIR = dir;
  await closeDb();
  const db = getDb();
  await seedAccounts(db, [
    { id: "111111111111", alias: "demo" },
    { id: "222222222222", alias: "partner" },
  ]);
  const doc = (action: string) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: action, Resource: "*" }] });
  for (const [name, action, i] of [
    ["AdministratorAccess", "*", 1],
    ["ReadOnlyAccess", "s3:Get*", 2],
    ["AmazonS3ReadOnlyAccess", "s3:Get*", 3],
  ] as const) {
    await db.managedPolicy.create({
      data: {
        id: `ANPATESTPOLICY00000${i}`,
        scope: "aws",
        name,
        nameLower: name.toLowerCase(),
        path: "/",
        arn: `arn:aws:iam::aws:policy/${name}`,
        defaultVersionId: "v1",
        versions: { create: { versionId: "v1", number: 1, document: doc(action), isDefault: true } },
      },
    });
  }
}

/** A fresh SQLite store; takes no arguments, so it can be passed to beforeAll as it is. */
export function useFreshTestDb(): Promise<void> {
  return useFreshTestStore({});
}
