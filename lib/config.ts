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

/**
 * How long a console sign-in lasts, in seconds: ROLEPLANE_SESSION_MAX_AGE, default 12 hours, between one minute
 * and 30 days. A value outside that stops the server with a message rather than silently using a default.
 */
export function consoleSessionMaxAgeSeconds(): number {
  const raw = process.env.ROLEPLANE_SESSION_MAX_AGE;
  if (raw === undefined || raw === "") return 12 * 60 * 60;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 60 || n > 30 * 24 * 60 * 60)
    throw new Error(`ROLEPLANE_SESSION_MAX_AGE must be a whole number of seconds from 60 to 2592000, got '${raw}'.`);
  return n;
}
