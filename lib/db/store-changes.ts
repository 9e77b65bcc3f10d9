import { databaseUrl } from "@/lib/config";
import type { Tx } from "./client";
import { parseDatabaseUrl } from "./database-url.mjs";

/**
 * The store's change log: one numbered row per committed change to what authorization reads, written inside the
 * change's own transaction. A reader that remembers the last number it applied asks only for the rows after it, and
 * knows which entities to read again instead of reading the whole store.
 *
 * The numbers must become visible in order: a reader that has seen change n must never later see a change below n
 * commit (it would skip it for good). SQLite runs one writer at a time, so its rows commit in number order. On
 * PostgreSQL a sequence hands out numbers as rows are inserted, not as they commit, so the writer first takes a
 * transaction-level advisory lock that the database releases only after the commit is visible: the next writer takes
 * its number after that, and numbers commit in order across every instance on the database. The row is the change's
 * last write, so the lock is held for the commit alone.
 */

/** An arbitrary constant naming the lock among the database's advisory locks. */
const CHANGE_LOG_LOCK = 52_060_521;

let onPostgres: boolean | undefined;

export async function recordStoreChange(tx: Tx, action: string, target: string | null): Promise<void> {
  onPostgres ??= parseDatabaseUrl(databaseUrl()).kind !== "sqlite";
  if (onPostgres) await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${CHANGE_LOG_LOCK})`);
  await tx.storeChange.create({ data: { action, target } });
}

export interface StoreChangeRow {
  seq: number;
  action: string;
  target: string | null;
}

/**
 * The changes after `after`, oldest first, at most `limit` of them (a reader that gets `limit` reads everything
 * instead), or null when the log is behind `after`: the store was replaced (a restore, a fresh test database), and
 * nothing the reader holds can be trusted.
 */
export async function readStoreChanges(tx: Tx, after: number, limit: number): Promise<StoreChangeRow[] | null> {
  const rows = await tx.storeChange.findMany({ where: { seq: { gt: after } }, orderBy: { seq: "asc" }, take: limit });
  if (rows.length > 0 || after === 0) return rows;
  const last = await lastStoreChange(tx);
  return last < after ? null : rows;
}

/** The number of the last change committed (0 when none was), read before a whole-store load. */
export async function lastStoreChange(tx: Tx): Promise<number> {
  return (await tx.storeChange.findFirst({ orderBy: { seq: "desc" }, select: { seq: true } }))?.seq ?? 0;
}
