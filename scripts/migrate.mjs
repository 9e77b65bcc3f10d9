// Applies (or, with --create <name>, writes) Prisma migrations through Prisma's WebAssembly schema engine, so no
// native engine has to be downloaded. Each store keeps its own history in Prisma's layout — SQLite in
// prisma/migrations, PostgreSQL in prisma/postgres/migrations — so `prisma migrate deploy` reads the same history on
// a machine that has the native engine. `--create` writes the migration for both stores under one name, so neither
// can be forgotten. Run with `node --experimental-wasm-modules` on Node 20.
import fs from "node:fs";
import path from "node:path";
import { SchemaEngine } from "@prisma/schema-engine-wasm";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import Database from "better-sqlite3";
import pg from "pg";
import { defaultDatabaseUrl, parseDatabaseUrl } from "../lib/db/database-url.mjs";
import { postgresSchemaPath, sqliteSchemaPath, writePostgresSchema } from "./postgres-schema.mjs";
import { createDatabase, dropDatabase, startPostgresCluster } from "./postgres-cluster.mjs";
import { MIGRATIONS_DIRS, migrationNames } from "./migration-status.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const filters = { externalTables: [], externalEnums: [] };

export const STORES = {
  sqlite: { schemaPath: sqliteSchemaPath, migrationsDir: MIGRATIONS_DIRS.sqlite, provider: "sqlite" },
  postgres: { schemaPath: postgresSchemaPath, migrationsDir: MIGRATIONS_DIRS.postgres, provider: "postgresql" },
};

export { migrationNames };

function loadMigrations(kind) {
  const { migrationsDir, provider } = STORES[kind];
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : `provider = "${provider}"\n` },
    shadowDbInitScript: "",
    migrationDirectories: migrationNames(kind).map((dir) => ({
      path: dir,
      migrationFile: { path: "migration.sql", content: { tag: "ok", value: fs.readFileSync(path.join(migrationsDir, dir, "migration.sql"), "utf8") } },
    })),
  };
}

/**
 * The schema engine reads PostgreSQL's catalogue, whose `"char"` columns (pg_class.relkind, …) the pg driver
 * adapter does not map; they arrive as text, which is what they are. Used only by this script.
 */
class CatalogueClient extends pg.Client {
  query(config, values, callback) {
    const asText = (res) => {
      for (const f of res?.fields ?? []) if (f.dataTypeID === 18) f.dataTypeID = 25;
      return res;
    };
    if (typeof values === "function") [callback, values] = [values, undefined];
    if (typeof callback === "function") return super.query(config, values, (err, res) => callback(err, asText(res)));
    const out = super.query(config, values);
    return typeof out?.then === "function" ? out.then(asText) : out;
  }
}

/**
 * The adapter runs a migration script statement by statement, split at every ";" (even inside a string); sent as
 * one simple query, PostgreSQL runs it whole, in one implicit transaction, so a failing migration leaves nothing.
 */
function wholeScripts(factory) {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const adapter = await factory.connect();
      adapter.executeScript = async (script) => {
        await adapter.underlyingDriver().query(script);
      };
      return adapter;
    },
    connectToShadowDb: () => factory.connectToShadowDb(),
  };
}

function adapterFactory(store) {
  if (store.kind === "postgres") return wholeScripts(new PrismaPg({ connectionString: store.url, Client: CatalogueClient }));
  if (store.file !== ":memory:") {
    fs.mkdirSync(path.dirname(path.resolve(store.file)), { recursive: true });
    // WAL lets readers proceed while one writer commits; the mode is stored in the file, so set it once here.
    const sqlite = new Database(store.file);
    sqlite.pragma("journal_mode = WAL");
    sqlite.close();
  }
  return new PrismaBetterSqlite3({ url: store.url }, { shadowDatabaseUrl: ":memory:" });
}

async function withEngine(store, fn) {
  const { schemaPath } = STORES[store.kind];
  const schema = fs.readFileSync(schemaPath, "utf8");
  const adapter = bindMigrationAwareSqlAdapterFactory(adapterFactory(store));
  const engine = await SchemaEngine.new({ datamodels: [[schemaPath, schema]] }, () => {}, adapter);
  try {
    return await fn(engine, schema);
  } finally {
    engine.free();
  }
}

export async function applyMigrations(url) {
  const store = parseDatabaseUrl(url);
  return withEngine(store, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList: loadMigrations(store.kind), filters });
    return out.appliedMigrationNames;
  });
}

/** The SQL that takes a database with every migration applied to the schema; "" when they already agree. */
export async function pendingSchemaChange(url) {
  const store = parseDatabaseUrl(url);
  return withEngine(store, async (engine, schema) => {
    await engine.applyMigrations({ migrationsList: loadMigrations(store.kind), filters });
    const { schemaPath } = STORES[store.kind];
    const files = [{ path: schemaPath, content: schema }];
    const out = await engine.diff({
      from: { tag: "schemaDatasource", files, configDir: path.dirname(schemaPath) },
      to: { tag: "schemaDatamodel", files },
      script: true,
      exitCode: null,
      filters,
    });
    const script = out.stdout ?? "";
    return /empty migration/i.test(script) ? "" : script.trim();
  });
}

/**
 * PostgreSQL text columns compare in byte order (COLLATE "C"), as SQLite's do, so lists sort and page the same on
 * both stores whatever locale the operator's database was created with. Prisma's schema cannot say this, so the
 * migration writer adds it; lib/db/schemas.test.ts checks every PostgreSQL migration does.
 */
export function withByteOrderText(sql) {
  return sql.replace(/("[^"]+" TEXT)(?! COLLATE)(?=[ ,;\n]|$)/g, '$1 COLLATE "C"');
}

function writeMigration(kind, dirName, script) {
  const { migrationsDir, provider } = STORES[kind];
  fs.mkdirSync(path.join(migrationsDir, dirName), { recursive: true });
  const sql = `${script.trim()}\n`;
  fs.writeFileSync(path.join(migrationsDir, dirName, "migration.sql"), kind === "postgres" ? withByteOrderText(sql) : sql);
  const lock = path.join(migrationsDir, "migration_lock.toml");
  if (!fs.existsSync(lock)) fs.writeFileSync(lock, `provider = "${provider}"\n`);
}

/** Drafts against scratch databases so the operator's data is never touched. */
async function draftSqlite() {
  const scratch = path.join(root, "data", `.draft-${Date.now()}.db`);
  try {
    return await pendingSchemaChange(`file:${scratch}`);
  } finally {
    for (const f of [scratch, `${scratch}-wal`, `${scratch}-shm`]) fs.rmSync(f, { force: true });
  }
}

/** On ROLEPLANE_DRAFT_POSTGRES_URL (any database on a server where we may create one), else a throwaway cluster. */
async function draftPostgres() {
  const given = process.env.ROLEPLANE_DRAFT_POSTGRES_URL;
  const cluster = given ? null : await startPostgresCluster();
  const server = given ?? cluster.url;
  const name = `roleplane_draft_${Date.now()}`;
  try {
    return await pendingSchemaChange(await createDatabase(server, name));
  } finally {
    await dropDatabase(server, name).catch(() => {});
    cluster?.stop();
  }
}

/** The schema changes no migration holds yet, per store: { sqlite, postgres }, "" where there are none. */
export async function unmigratedChanges() {
  return { sqlite: await draftSqlite(), postgres: await draftPostgres() };
}

const migrationPath = (kind, dirName) => path.relative(root, path.join(STORES[kind].migrationsDir, dirName));

/**
 * Writes the migration for both stores under one new name. Given the full name of a migration only one store has
 * (one merged from a branch that wrote it for SQLite alone), writes the other store's under that same name.
 * Returns the folders written.
 */
export async function createMigration(name) {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error("a migration name is lower-case letters, digits and underscores, e.g. add_mfa_devices");
  writePostgresSchema();
  const changes = await unmigratedChanges();
  const has = (kind) => migrationNames(kind).includes(name);
  if (has("sqlite") !== has("postgres")) {
    const missing = has("sqlite") ? "postgres" : "sqlite";
    if (!changes[missing]) throw new Error(`the schema has no change for ${missing} to put in ${name}`);
    writeMigration(missing, name, changes[missing]);
    return [migrationPath(missing, name)];
  }
  if (!changes.sqlite && !changes.postgres) return [];
  const dirName = `${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}_${name}`;
  writeMigration("sqlite", dirName, changes.sqlite || "-- No change for SQLite.\n");
  writeMigration("postgres", dirName, changes.postgres || "-- No change for PostgreSQL.\n");
  return [migrationPath("sqlite", dirName), migrationPath("postgres", dirName)];
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (isMain) {
  try {
    const createIdx = process.argv.indexOf("--create");
    if (process.argv.includes("--check")) {
      // For the tests: the schema and both migration histories must agree.
      const changes = Object.entries(await unmigratedChanges()).filter(([, sql]) => sql);
      for (const [store, sql] of changes) console.error(`prisma/schema.prisma has changes no ${store} migration holds:\n${sql}`);
      if (changes.length) throw new Error("run `npm run db:new-migration -- <name>`");
      console.log("Both migration histories match prisma/schema.prisma.");
    } else if (createIdx > 0) {
      const name = process.argv[createIdx + 1];
      if (!name) throw new Error("usage: npm run db:new-migration -- <name>");
      const created = await createMigration(name);
      console.log(
        created.length
          ? `Created ${created.join(" and ")}; run \`npm run db:generate\` for the clients.`
          : "Schema unchanged: no migration needed.",
      );
    } else {
      const url = process.env.DATABASE_URL ?? defaultDatabaseUrl(process.env.ROLEPLANE_DATA_DIR ?? path.join(root, "data"));
      const applied = await applyMigrations(url);
      console.log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Database is up to date.");
    }
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // better-sqlite3's SQLITE_BUSY reaches the schema engine as a "SocketTimeout" it cannot name.
    if (/SocketTimeout/.test(message))
      console.error("roleplane: the database is locked by another process (a Roleplane server writing to it?); stop it or try again.");
    else console.error(`roleplane: ${message}`);
    process.exit(1);
  }
}
