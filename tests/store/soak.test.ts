import { describe, expect, inject, it } from "vitest";
import { soak, soakTable } from "../../bench/soak";
import { startServer, TEST_ACCESS_KEY } from "../support/server";
import { freshDatabase } from "../support/postgres";

/**
 * A short soak on each store: mixed API traffic at the rate the server sustains (the bench runs it longer, with the
 * numbers in the README). Every answer must be the expected success, and the server's memory must not keep growing
 * under steady load. Latency is recorded and printed, not asserted: on a shared 2-core machine it measures the
 * neighbours as much as the server.
 */

const SECONDS = Number(process.env.ROLEPLANE_SOAK_SECONDS ?? 24);
/** Room for caches that fill once (compiled policies, catalogue); a leak proportional to traffic exceeds it. */
const MEMORY_NOISE_MIB = 64;
/**
 * The server's JavaScript heap is capped for the soak: V8 otherwise grows its heap lazily (hundreds of MiB before a
 * full collection on a busy server), which reads as growth for the length of a test. Under the cap a leak cannot
 * hide in lazy growth: it ends in the collector thrashing or the process running out of heap, and requests fail.
 */
const HEAP_CAP_MIB = 384;

describe.each([
  ["SQLite", async () => undefined],
  ["PostgreSQL", async () => freshDatabase(inject("postgresServerUrl"), "soak")],
])("a soak on %s", (store, database) => {
  it("answers every request and does not grow its memory under steady mixed load", async () => {
    const server = await startServer({ databaseUrl: await database(), env: { NODE_OPTIONS: `--max-old-space-size=${HEAP_CAP_MIB}` } });
    try {
      const key = { accessKeyId: TEST_ACCESS_KEY.id, secretAccessKey: TEST_ACCESS_KEY.secret };
      const result = await soak({ baseUrl: server.baseUrl, key, pid: server.pid }, { seconds: SECONDS, windowSeconds: 4, workers: 6, warmupSeconds: 4 });
      console.log(soakTable(store, result));
      expect(result.errors).toEqual([]);
      expect(result.windows.length).toBeGreaterThanOrEqual(SECONDS / 4 - 1);
      for (const w of result.windows) expect(w.requests, `requests in the window ending at ${w.at} s`).toBeGreaterThan(0);
      // The collector lets the heap grow and shrinks it in steps, so memory is a sawtooth: growth is the later half's
      // lowest point above the earlier half's highest, which a leak under steady traffic reaches and a sawtooth does not.
      const half = Math.floor(result.windows.length / 2);
      const earlierHigh = Math.max(...result.windows.slice(0, half).map((w) => w.rssMiB));
      const laterLow = Math.min(...result.windows.slice(half).map((w) => w.rssMiB));
      expect(laterLow).toBeLessThanOrEqual(earlierHigh + MEMORY_NOISE_MIB);
    } finally {
      await server.stop();
    }
  });
});
