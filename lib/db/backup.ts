import type { Db, Tx } from "./client";
import { recordStoreChange } from "./store-changes";
import { inTransaction } from "./transaction";
import { inDependencyOrder, type SchemaField, type SchemaModel } from "./schema-models";

/**
 * Backup and restore of the whole store, generic over every model of the schema (a model added later is included
 * without a change here). A backup is JSON Lines: a header, then one line per row, parents before children.
 * Sealed secrets stay sealed: rows are copied as stored, and the header names the key they were sealed with (a
 * fingerprint, not the key) so a restore can refuse a store whose key could not open them.
 */

export const BACKUP_FORMAT = 1;

export interface BackupHeader {
  roleplane: "backup";
  format: number;
  createdAt: string;
  /** The store the backup was taken from. */
  source: "sqlite" | "postgres";
  /** The last migration applied to that store: the schema the rows follow. */
  migration: string | null;
  /** SHA-256 fingerprint of the at-rest encryption key; null when the store had none. */
  encryptionKey: string | null;
  /** Rows per model. */
  models: Record<string, number>;
}

export interface BackupRow {
  model: string;
  row: Record<string, unknown>;
}

export class BackupError extends Error {}

/** Prisma's generic model API, reached by name so that every model is handled alike. */
interface ModelDelegate {
  findMany(args: { orderBy: Record<string, "asc">[]; skip: number; take: number }): Promise<Record<string, unknown>[]>;
  createMany(args: { data: Record<string, unknown>[] }): Promise<{ count: number }>;
  deleteMany(args?: object): Promise<{ count: number }>;
  count(): Promise<number>;
}
const delegate = (tx: Tx, model: SchemaModel) =>
  (tx as unknown as Record<string, ModelDelegate>)[model.name[0].toLowerCase() + model.name.slice(1)];

const PAGE = 1000;
/** Rows per insert, kept under SQLite's and PostgreSQL's limits on bound parameters. */
const insertBatch = (model: SchemaModel) => Math.max(1, Math.floor(8000 / scalarFields(model).length));
/** A large store takes a while to copy; the default limit is for a request's change. */
const TIMEOUT_MS = 30 * 60_000;

const SCALARS = new Set(["String", "Int", "Float", "Boolean", "DateTime", "Json", "BigInt", "Bytes", "Decimal"]);
/** The stored columns: scalars and enums (enum values are strings). */
const scalarFields = (model: SchemaModel) => model.fields.filter((f) => f.kind !== "object");

function encode(field: SchemaField, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (field.type === "BigInt") return String(value);
  if (field.type === "Bytes") return Buffer.from(value as Uint8Array).toString("base64");
  if (field.type === "Decimal") return String(value);
  return value; // Dates become ISO strings in JSON
}

function decode(field: SchemaField, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (field.type === "DateTime") return new Date(value as string);
  if (field.type === "BigInt") return BigInt(value as string);
  if (field.type === "Bytes") return Buffer.from(value as string, "base64");
  return value;
}

/** The models of the schema, parents first; a field of a type backup cannot carry is refused up front. */
export function backupModels(models: SchemaModel[]): SchemaModel[] {
  for (const m of models)
    for (const f of scalarFields(m))
      if ((f.kind === "scalar" && !SCALARS.has(f.type)) || f.list)
        throw new BackupError(`${m.name}.${f.name} is ${f.list ? "a list of " : ""}${f.type}, which backup does not know how to copy`);
  return inDependencyOrder(models.filter((m) => !NOT_CARRIED.has(m.name)));
}

/**
 * The change log (./store-changes) numbers this database's own commits: a restore starts from a clean log with one
 * change that tells every running reader to read the whole store again.
 */
const NOT_CARRIED = new Set(["StoreChange"]);

async function lastMigration(tx: Tx): Promise<string | null> {
  const rows = await tx.$queryRawUnsafe<{ migration_name: string }[]>(
    'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name DESC LIMIT 1',
  );
  return rows[0]?.migration_name ?? null;
}

export interface LineWriter {
  write(line: string): Promise<void>;
}

/**
 * Writes a consistent snapshot: every row is read in one transaction. `open` gives a fresh writer for each attempt,
 * since a transaction that meets a conflict is run again from the start.
 */
export async function backupStore(
  db: Db,
  models: SchemaModel[],
  meta: Pick<BackupHeader, "source" | "encryptionKey">,
  open: () => LineWriter,
): Promise<BackupHeader> {
  const ordered = backupModels(models);
  return inTransaction(
    db,
    async (tx) => {
      const out = open();
      const counts: Record<string, number> = {};
      for (const m of ordered) counts[m.name] = await delegate(tx, m).count();
      const header: BackupHeader = {
        roleplane: "backup",
        format: BACKUP_FORMAT,
        createdAt: new Date().toISOString(),
        ...meta,
        migration: await lastMigration(tx),
        models: counts,
      };
      await out.write(JSON.stringify(header));
      for (const m of ordered) {
        const fields = scalarFields(m);
        const orderBy = m.primaryKey.map((k) => ({ [k]: "asc" as const }));
        for (let skip = 0; skip < counts[m.name]; skip += PAGE) {
          for (const row of await delegate(tx, m).findMany({ orderBy, skip, take: PAGE })) {
            const encoded = Object.fromEntries(fields.map((f) => [f.name, encode(f, row[f.name])]));
            await out.write(JSON.stringify({ model: m.name, row: encoded } satisfies BackupRow));
          }
        }
      }
      return header;
    },
    { timeoutMs: TIMEOUT_MS },
  );
}

export function parseHeader(line: string | undefined): BackupHeader {
  let header: Partial<BackupHeader>;
  try {
    header = JSON.parse(line ?? "");
  } catch {
    throw new BackupError("this is not a Roleplane backup (its first line is not JSON)");
  }
  if (header?.roleplane !== "backup") throw new BackupError("this is not a Roleplane backup");
  if (header.format !== BACKUP_FORMAT) throw new BackupError(`backup format ${header.format} is not one this Roleplane reads (${BACKUP_FORMAT})`);
  return header as BackupHeader;
}

/**
 * Checks a backup against this Roleplane's schema before anything is touched: its schema must be one this
 * Roleplane's migrations reach, and every model and field in it must exist here.
 */
export async function checkBackup(models: SchemaModel[], migrations: string[], header: BackupHeader, rows: AsyncIterable<BackupRow>) {
  if (header.migration && !migrations.includes(header.migration))
    throw new BackupError(`the backup was made by a newer Roleplane (schema ${header.migration}); upgrade this one first`);
  const byName = new Map(models.map((m) => [m.name, new Set(scalarFields(m).map((f) => f.name))]));
  for (const name of Object.keys(header.models))
    if (!byName.has(name)) throw new BackupError(`the backup holds ${name} rows, a model this Roleplane does not have`);
  const seen: Record<string, number> = {};
  for await (const { model, row } of rows) {
    const fields = byName.get(model);
    if (!fields) throw new BackupError(`the backup holds ${model} rows, a model this Roleplane does not have`);
    for (const key of Object.keys(row)) if (!fields.has(key)) throw new BackupError(`the backup has a field ${model}.${key} this Roleplane does not have`);
    seen[model] = (seen[model] ?? 0) + 1;
  }
  for (const [name, count] of Object.entries(header.models))
    if ((seen[name] ?? 0) !== count) throw new BackupError(`the backup is incomplete: ${name} has ${seen[name] ?? 0} of ${count} rows`);
}

/**
 * Replaces everything in the store with the backup's rows, all or nothing. `rows` is called once per attempt and
 * yields the rows in the backup's order (parents first, as backupStore writes them).
 */
export async function restoreStore(db: Db, models: SchemaModel[], header: BackupHeader, rows: () => AsyncIterable<BackupRow>) {
  const ordered = backupModels(models);
  const byName = new Map(ordered.map((m) => [m.name, m]));
  await inTransaction(
    db,
    async (tx) => {
      for (const m of [...ordered].reverse()) await delegate(tx, m).deleteMany({});
      let batch: Record<string, unknown>[] = [];
      let current: SchemaModel | undefined;
      const flush = async () => {
        if (current && batch.length) await delegate(tx, current).createMany({ data: batch });
        batch = [];
      };
      for await (const { model, row } of rows()) {
        const m = byName.get(model)!;
        if (m !== current || batch.length >= insertBatch(m)) {
          await flush();
          current = m;
        }
        batch.push(Object.fromEntries(scalarFields(m).filter((f) => f.name in row).map((f) => [f.name, decode(f, row[f.name])])));
      }
      await flush();
      for (const m of ordered) {
        const count = await delegate(tx, m).count();
        if (count !== (header.models[m.name] ?? 0))
          throw new BackupError(`restored ${count} ${m.name} rows where the backup holds ${header.models[m.name] ?? 0}; nothing was changed`);
      }
      await tx.storeChange.deleteMany({});
      await recordStoreChange(tx, "RestoreStore", null);
    },
    { timeoutMs: TIMEOUT_MS },
  );
}
