import Database from "better-sqlite3";
import { databaseUrl } from "@/lib/config";
import type { Tx } from "./client";

/**
 * The store version: one number every change to what authorization reads increments inside the change's own
 * transaction (lib/iam/audit.ts does it for every audited change). Caches of keys, principals, policies and
 * sessions (./versioned-cache) compare it on each request, so a committed change is seen by the very next request.
 */

export async function bumpStoreVersion(tx: Tx): Promise<void> {
  await tx.storeVersion.upsert({ where: { id: 1 }, create: { id: 1, version: 1 }, update: { version: { increment: 1 } } });
}

interface VersionReader {
  read(): Promise<number>;
}

/**
 * Reading the version through the ORM would cost more than the lookups the caches save, so it is read on a small
 * connection of its own: for SQLite a read-only handle on the same file (a prepared statement, microseconds,
 * seeing every committed write in WAL mode).
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

let reader: VersionReader | undefined;

export function readStoreVersion(): Promise<number> {
  reader ??= sqliteReader(databaseUrl().replace(/^file:/, ""));
  return reader.read();
}
