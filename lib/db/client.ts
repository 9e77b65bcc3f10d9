import { PrismaClient } from "@/lib/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "@/lib/generated/prisma-postgres/client";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { databaseUrl } from "@/lib/config";
import { parseDatabaseUrl } from "./database-url.mjs";

/**
 * One Prisma client per process, on the store DATABASE_URL names: SQLite (file:…, the embedded default) or
 * PostgreSQL (postgresql://…). This is the only module that knows which; everything above it is the same code.
 * Next's dev server reloads modules, so the instance is kept on globalThis to avoid opening a new handle on
 * each reload.
 */
export type Db = PrismaClient;
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

const globalForDb = globalThis as unknown as { roleplaneDb?: PrismaClient };

export function createDb(url = databaseUrl()): PrismaClient {
  const store = parseDatabaseUrl(url);
  if (store.kind === "sqlite") return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: store.url }) });
  // The PostgreSQL client is generated from the same models (prisma/postgres/schema.prisma is derived from
  // prisma/schema.prisma, and lib/db/schemas.test.ts holds them equal), so it answers the SQLite client's API.
  const client = new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: store.url }) });
  return client as unknown as PrismaClient;
}

export function getDb(): PrismaClient {
  return (globalForDb.roleplaneDb ??= createDb());
}

/** Disconnects and forgets the process's client: the next getDb() opens DATABASE_URL afresh (tests, benchmarks). */
export async function closeDb(): Promise<void> {
  const db = globalForDb.roleplaneDb;
  globalForDb.roleplaneDb = undefined;
  await db?.$disconnect();
}
