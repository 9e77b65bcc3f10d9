import pg from "pg";
import { databaseUrlFor, startPostgresCluster } from "@/scripts/postgres-cluster.mjs";

/**
 * PostgreSQL for the tests: the server ROLEPLANE_TEST_POSTGRES_URL points at (`npm test` starts one throwaway
 * cluster for the whole run), else a throwaway cluster of our own, stopped by `stop()`.
 */
export async function testPostgresServer(): Promise<{ url: string; stop: () => void }> {
  const given = process.env.ROLEPLANE_TEST_POSTGRES_URL;
  if (given) return { url: given, stop: () => {} };
  const cluster = await startPostgresCluster();
  return { url: cluster.url, stop: cluster.stop };
}

let counter = 0;

/**
 * A new, empty database on the test server. Created with ICU's en-US collation where the server has ICU, as many
 * operators' databases are, so a list that sorted by locale instead of byte order would show up in the tests.
 */
export async function freshDatabase(serverUrl: string, prefix = "roleplane_test"): Promise<string> {
  const name = `${prefix}_${process.pid}_${Date.now()}_${counter++}`;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client
      .query(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C'`)
      .catch(() => client.query(`CREATE DATABASE "${name}"`));
  } finally {
    await client.end();
  }
  return databaseUrlFor(serverUrl, name);
}
