/**
 * Runs once when the server boots. Refuses to serve on a DATABASE_URL it cannot use (scripts/start.mjs checks
 * first; this covers `next start` run directly). Then warms the AWS action catalogue, so the first policy check
 * does not pay the ~2 s load: fire-and-forget, the server answers meanwhile and checks await the same promise.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { databaseUrl } = await import("@/lib/config");
  const { parseDatabaseUrl } = await import("@/lib/db/database-url.mjs");
  try {
    parseDatabaseUrl(databaseUrl());
  } catch (err) {
    console.error(`roleplane: ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  }
  const { loadCatalogue } = await import("@/lib/policy/catalogue-loader");
  void loadCatalogue();
}
