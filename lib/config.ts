import path from "node:path";
import { defaultDatabaseUrl } from "@/lib/db/database-url.mjs";

/** Operator configuration read from the environment; defaults give the embedded SQLite setup. */
export function dataDir(): string {
  return process.env.ROLEPLANE_DATA_DIR ?? path.join(process.cwd(), "data");
}

export function databaseUrl(): string {
  return process.env.DATABASE_URL ?? defaultDatabaseUrl(dataDir());
}

/** The account the console opens on, and the one the seeded admin IAM user lives in. */
export const DEMO_ACCOUNT_ID = "111111111111";
export const PARTNER_ACCOUNT_ID = "222222222222";
