// The environment every Roleplane process runs with (the server, migrations, seeding, the backup CLI), from the
// operator's settings. Secrets the operator did not provide (NEXTAUTH_SECRET, the at-rest encryption key) are
// generated once and kept under the data directory with owner-only permissions — for the embedded SQLite store
// only: instances sharing a PostgreSQL database must share those secrets, so there they must come from the
// environment.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { defaultDatabaseUrl, parseDatabaseUrl } from "../lib/db/database-url.mjs";

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

export class ConfigurationError extends Error {}

const SHARED_SECRETS = ["NEXTAUTH_SECRET", "ROLEPLANE_ENCRYPTION_KEY"];

function persistentSecret(dataDir, file) {
  const p = path.join(dataDir, file);
  if (!fs.existsSync(p)) fs.writeFileSync(p, randomBytes(32).toString("base64"), { mode: 0o600 });
  return fs.readFileSync(p, "utf8").trim();
}

function existingSecret(dataDir, file) {
  const p = path.join(dataDir, file);
  return fs.existsSync(p) ? fs.readFileSync(p, "utf8").trim() : undefined;
}

/**
 * Resolves the settings; throws ConfigurationError with a message meant for the operator. `server: false` (the
 * backup CLI) uses the secrets there are and never creates one.
 */
export function roleplaneEnvironment(source = process.env, { server = true } = {}) {
  const dataDir = path.resolve(source.ROLEPLANE_DATA_DIR ?? path.join(root, "data"));
  const port = source.PORT ?? "3000";
  const databaseUrl = source.DATABASE_URL ?? defaultDatabaseUrl(dataDir);
  let store;
  try {
    store = parseDatabaseUrl(databaseUrl);
  } catch (err) {
    throw new ConfigurationError(err.message);
  }
  if (server && store.kind === "postgres") {
    const missing = SHARED_SECRETS.filter((name) => !source[name]);
    if (missing.length)
      throw new ConfigurationError(
        `with PostgreSQL, set ${missing.join(" and ")} in the environment: every instance on the database must use the same ` +
          "value (generate one with `openssl rand -base64 32`).",
      );
  }
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const secret = server ? persistentSecret : existingSecret;
  const env = {
    ...source,
    ROLEPLANE_DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: source.NEXTAUTH_SECRET || secret(dataDir, "nextauth.secret"),
    NEXTAUTH_URL: source.NEXTAUTH_URL ?? `http://localhost:${port}`,
    ROLEPLANE_ENCRYPTION_KEY: source.ROLEPLANE_ENCRYPTION_KEY || secret(dataDir, "encryption.key"),
    PORT: port,
  };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
  return { env, store, dataDir, port };
}

/** A PostgreSQL session lock held while `fn` runs, so instances starting together migrate and seed one at a time. */
export async function withStartupLock(store, fn) {
  if (store.kind !== "postgres") return fn();
  const { default: pg } = await import("pg");
  const { redactDatabaseUrl } = await import("../lib/db/database-url.mjs");
  const client = new pg.Client({ connectionString: store.url });
  try {
    await client.connect();
  } catch (err) {
    throw new ConfigurationError(`cannot reach the PostgreSQL database ${redactDatabaseUrl(store.url)}: ${err.message}`);
  }
  try {
    // Any 64-bit number unique to Roleplane; the bytes spell "roleplan".
    await client.query("SELECT pg_advisory_lock(8245937404602425710)");
    return await fn();
  } finally {
    await client.end().catch(() => {});
  }
}
