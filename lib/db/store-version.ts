import Database from "better-sqlite3";
import { databaseUrl } from "@/lib/config";
import { getDb, type Tx } from "./client";
import { parseDatabaseUrl } from "./database-url.mjs";

/**
 * The store version: one number every change to what authorization reads increments inside the change's own
 * transaction (lib/iam/audit.ts does it for every audited change). Caches of keys, principals, policies and
 * sessions (./versioned-cache) compare it on each request, so a committed change is seen by the very next request.
 */

/** Moves the version on. Called after a change commits (lib/iam/audit.ts), in its own short statement. */
export async function bumpStoreVersion(db: Tx): Promise<void> {
  const { count } = await db.storeVersion.updateMany({ where: { id: 1 }, data: { version: { increment: 1 } } });
  // The row is created the first time; a racing first bump that creates it too is just as good.
  if (count === 0) await db.storeVersion.createMany({ data: [{ id: 1, version: 1 }] }).catch(() => undefined);
}

interface VersionReader {
  read(): Promise<number>;
}

/**
 * On SQLite, reading the version through the ORM would cost more than the lookups the caches save, so it is read on
 * a small connection of its own: a read-only handle on the same file (a prepared statement, microseconds, seeing
 * every committed write in WAL mode).
 */
function sqliteReader(file: string): VersionReader {
  let statement: Database.Statement<[], { version: number }> | undefined;
  return {
    async read() {
      statement ??= new Database(file, { readonly: true, fileMustExist: true }).prepare<[], { version: number }>(
        'SELECT "version" FROM "StoreVersion" WHERE "id" = 1',
      );
      return statement.get()?.version ?? 0;
    },
  };
}

/**
 * PostgreSQL: one small query through the store's client. Instances share the database, so a change any of them
 * commits is seen here on the next request, with no notification to miss.
 */
const ormReader: VersionReader = {
  async read() {
    return (await getDb().storeVersion.findUnique({ where: { id: 1 }, select: { version: true } }))?.version ?? 0;
  },
};

let reader: VersionReader | undefined;

export function readStoreVersion(): Promise<number> {
  if (!reader) {
    const store = parseDatabaseUrl(databaseUrl());
    reader = store.kind === "sqlite" ? sqliteReader(store.file) : ormReader;
  }
  return reader.read();
}
