// Which migrations a store still needs, read without the schema engine. The CLI's read-only commands and import ask
// this first so that a store already up to date is never opened for writing: migrating SQLite takes a write lock,
// which a server running on the same file can hold at that moment (SQLITE_BUSY).
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

export const MIGRATIONS_DIRS = {
  sqlite: path.join(root, "prisma", "migrations"),
  postgres: path.join(root, "prisma", "postgres", "migrations"),
};

/** Migration directory names, oldest first. */
export function migrationNames(kind) {
  const dir = MIGRATIONS_DIRS[kind];
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

const APPLIED = 'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL';

async function appliedMigrations(store) {
  if (store.kind === "postgres") {
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: store.url });
    await client.connect();
    try {
      const exists = await client.query("SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present");
      if (!exists.rows[0].present) return [];
      return (await client.query(APPLIED)).rows.map((r) => r.migration_name);
    } finally {
      await client.end().catch(() => {});
    }
  }
  if (!fs.existsSync(store.file)) return [];
  const { default: Database } = await import("better-sqlite3");
  const db = new Database(store.file, { readonly: true, fileMustExist: true });
  try {
    const present = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
    return present ? db.prepare(APPLIED).all().map((r) => r.migration_name) : [];
  } finally {
    db.close();
  }
}

/** The migrations of this checkout the store has not applied yet, oldest first. */
export async function pendingMigrations(store) {
  const applied = new Set(await appliedMigrations(store));
  return migrationNames(store.kind).filter((name) => !applied.has(name));
}
