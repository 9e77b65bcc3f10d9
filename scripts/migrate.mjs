// Applies (or, with --create <name>, writes) Prisma migrations through Prisma's WebAssembly schema engine, so no
// native engine has to be downloaded. Migration files keep Prisma's layout, so `prisma migrate deploy` reads the
// same history on a machine that has the native engine. Run with `node --experimental-wasm-modules` on Node 20.
import fs from "node:fs";
import path from "node:path";
import { SchemaEngine } from "@prisma/schema-engine-wasm";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const schemaPath = path.join(root, "prisma", "schema.prisma");
const migrationsDir = path.join(root, "prisma", "migrations");
const filters = { externalTables: [], externalEnums: [] };

export function sqliteFileFromUrl(url) {
  return url.replace(/^file:/, "");
}

function loadMigrations() {
  fs.mkdirSync(migrationsDir, { recursive: true });
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  const dirs = fs
    .readdirSync(migrationsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((dir) => ({
      path: dir,
      migrationFile: { path: "migration.sql", content: { tag: "ok", value: fs.readFileSync(path.join(migrationsDir, dir, "migration.sql"), "utf8") } },
    })),
  };
}

async function withEngine(url, fn) {
  const file = sqliteFileFromUrl(url);
  if (file !== ":memory:") {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    // WAL lets readers proceed while one writer commits; the mode is stored in the file, so set it once here.
    const sqlite = new Database(file);
    sqlite.pragma("journal_mode = WAL");
    sqlite.close();
  }
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaBetterSqlite3({ url }, { shadowDatabaseUrl: ":memory:" }));
  const schema = fs.readFileSync(schemaPath, "utf8");
  const engine = await SchemaEngine.new({ datamodels: [[schemaPath, schema]] }, () => {}, adapter);
  try {
    return await fn(engine, schema);
  } finally {
    engine.free();
  }
}

export async function applyMigrations(url) {
  return withEngine(url, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList: loadMigrations(), filters });
    return out.appliedMigrationNames;
  });
}

async function createMigration(url, name) {
  return withEngine(url, async (engine, schema) => {
    const migrationsList = loadMigrations();
    await engine.applyMigrations({ migrationsList, filters });
    // The engine's createMigration needs a shadow-database factory the WebAssembly build lacks, so the new
    // migration is the diff between the scratch database (all migrations applied) and the schema.
    const from = migrationsList.migrationDirectories.length
      ? { tag: "schemaDatasource", files: [{ path: schemaPath, content: schema }], configDir: path.dirname(schemaPath) }
      : { tag: "empty" };
    const out = await engine.diff({
      from,
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schema }] },
      script: true,
      exitCode: null,
      filters,
    });
    const script = out.stdout ?? "";
    if (!script.trim() || /empty migration/i.test(script)) return null;
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dirName = `${stamp}_${name}`;
    fs.mkdirSync(path.join(migrationsDir, dirName), { recursive: true });
    fs.writeFileSync(path.join(migrationsDir, dirName, "migration.sql"), script);
    const lock = path.join(migrationsDir, "migration_lock.toml");
    if (!fs.existsSync(lock)) fs.writeFileSync(lock, 'provider = "sqlite"\n');
    return dirName;
  });
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (isMain) {
  const url = process.env.DATABASE_URL ?? `file:${path.join(process.env.ROLEPLANE_DATA_DIR ?? path.join(root, "data"), "roleplane.db")}`;
  const createIdx = process.argv.indexOf("--create");
  if (createIdx > 0) {
    const name = process.argv[createIdx + 1];
    if (!name) throw new Error("usage: migrate.mjs --create <name>");
    // Migrations are drafted against a scratch database so the operator's data is never touched.
    const scratch = path.join(root, "data", `.draft-${Date.now()}.db`);
    const created = await createMigration(`file:${scratch}`, name);
    for (const f of [scratch, `${scratch}-wal`, `${scratch}-shm`]) fs.rmSync(f, { force: true });
    console.log(created ? `Created prisma/migrations/${created}` : "Schema unchanged: no migration needed.");
  } else {
    const applied = await applyMigrations(url);
    console.log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Database is up to date.");
  }
}
