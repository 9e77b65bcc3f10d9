// Which store DATABASE_URL names. Plain JavaScript so that the start, migration and backup scripts (run by plain
// Node) and the app (lib/db/client.ts) share this one rule; the types are in database-url.d.mts.
import path from "node:path";

const POSTGRES_SCHEMES = ["postgresql:", "postgres:"];

export class DatabaseUrlError extends Error {
  constructor(problem) {
    super(
      `DATABASE_URL ${problem}. Roleplane accepts file:<path> for the embedded SQLite store (e.g. file:./data/roleplane.db) ` +
        "or postgresql://<user>:<password>@<host>:<port>/<database> (postgres:// also works) for PostgreSQL.",
    );
    this.name = "DatabaseUrlError";
  }
}

/** The URL with its password masked, for messages: connection strings carry credentials. */
export function redactDatabaseUrl(value) {
  return value.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*:)[^@]*@/i, "$1***@");
}

/** The embedded default: a SQLite file in the data directory. */
export function defaultDatabaseUrl(dataDir) {
  return `file:${path.join(dataDir, "roleplane.db")}`;
}

/**
 * Parses DATABASE_URL by its scheme. Anything else is refused rather than guessed at: better-sqlite3 would take
 * `postgresql://…` as a file path and quietly serve from a new SQLite file in a folder named `postgresql:`.
 */
export function parseDatabaseUrl(value) {
  if (typeof value !== "string" || value.trim() === "") throw new DatabaseUrlError("is empty");
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
  if (scheme === "file") {
    const file = value.slice("file:".length);
    if (!file) throw new DatabaseUrlError("names no file (file: needs a path)");
    return { kind: "sqlite", url: value, file };
  }
  if (scheme && POSTGRES_SCHEMES.includes(`${scheme}:`)) {
    let parsed;
    try {
      parsed = new URL(value);
    } catch {
      throw new DatabaseUrlError(`is not a valid PostgreSQL URL (${redactDatabaseUrl(value)})`);
    }
    if (!parsed.hostname && !parsed.searchParams.get("host")) throw new DatabaseUrlError(`names no PostgreSQL host (${redactDatabaseUrl(value)})`);
    if (parsed.pathname.length <= 1) throw new DatabaseUrlError(`names no PostgreSQL database (${redactDatabaseUrl(value)})`);
    return { kind: "postgres", url: value };
  }
  throw new DatabaseUrlError(scheme ? `has the unsupported scheme "${scheme}:"` : "has no scheme (for a SQLite file write file:<path>)");
}
