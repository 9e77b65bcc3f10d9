import Database from "better-sqlite3";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { seedAccounts } from "./seed";
import { getDb } from "./client";

/**
 * For core tests: a fresh SQLite file with every migration applied (the same SQL files production applies),
 * the two demo accounts and a small AWS-managed catalogue. Call before the first getDb() in a test file.
 */
export async function useFreshTestDb(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "roleplane-unit-"));
  const file = path.join(dir, "test.db");
  const sqlite = new Database(file);
  const migrations = path.join(process.cwd(), "prisma", "migrations");
  for (const m of fs.readdirSync(migrations).filter((d) => fs.statSync(path.join(migrations, d)).isDirectory()).sort())
    sqlite.exec(fs.readFileSync(path.join(migrations, m, "migration.sql"), "utf8"));
  sqlite.close();
  process.env.DATABASE_URL = `file:${file}`;
  process.env.ROLEPLANE_DATA_DIR = dir;
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
