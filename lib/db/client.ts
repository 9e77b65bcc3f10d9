import { PrismaClient } from "@/lib/generated/prisma/client";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { databaseUrl } from "@/lib/config";

/**
 * One Prisma client per process. Next's dev server reloads modules, so the instance is kept on globalThis to
 * avoid opening a new SQLite handle on each reload.
 */
export type Db = PrismaClient;
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

const globalForDb = globalThis as unknown as { roleplaneDb?: PrismaClient };

export function createDb(url = databaseUrl()): PrismaClient {
  const adapter = new PrismaBetterSqlite3({ url });
  return new PrismaClient({ adapter });
}

export function getDb(): PrismaClient {
  return (globalForDb.roleplaneDb ??= createDb());
}
