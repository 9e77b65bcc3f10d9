import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "@/scripts/postgres-cluster.mjs";

/**
 * Real Roleplane servers for the integration and store tests: `scripts/start.mjs` (migrate, seed, `next start`)
 * on a free port, against the store DATABASE_URL names. Expects a current `next build` (npm test builds first).
 * Each server runs in its own process group, so `kill()` takes down start.mjs and Next together, as a crash would.
 */

export const TEST_ADMIN = { email: "admin@example.com", password: "admin-password-1" };
export const TEST_VIEWER = { email: "viewer@example.com", password: "viewer-password-1" };
export const TEST_ACCESS_KEY = { id: "AKIAROLEPLANETEST001", secret: "roleplane/test/secret/key/0000000000000000" };
/** Shared by every instance on one database, as a deployment shares them (see the README's deployment recipe). */
export const SHARED_SECRETS = {
  NEXTAUTH_SECRET: "cm9sZXBsYW5lLXRlc3Qtc2Vzc2lvbi1zZWNyZXQtMDAwMA==",
  ROLEPLANE_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
};

export interface RunningServer {
  baseUrl: string;
  /** The top process (start.mjs); the server runs in it or below it. */
  pid: number;
  databaseUrl: string;
  dataDir: string;
  /** SIGTERM, as an operator stops it; resolves when it has exited. */
  stop(): Promise<void>;
  /** SIGKILL to the whole process group: no shutdown code runs, as in a power cut of the process. */
  kill(): Promise<void>;
}

export interface ServerOptions {
  /** Default: a SQLite file in the server's data directory. */
  databaseUrl?: string;
  /** Reuse a data directory (a restart); default: a fresh temporary one, removed by stop(). */
  dataDir?: string;
  env?: Record<string, string>;
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", () => resolve())));

async function waitForHealth(baseUrl: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Roleplane at ${baseUrl} exited with code ${child.exitCode} before answering`);
    const ok = await fetch(`${baseUrl}/api/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Roleplane did not answer at ${baseUrl} within ${timeoutMs} ms`);
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const ownDir = !options.dataDir;
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "roleplane-it-"));
  const databaseUrl = options.databaseUrl ?? `file:${path.join(dataDir, "roleplane.db")}`;
  const port = String(await freePort());
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: path.resolve(import.meta.dirname, "../.."),
    detached: true,
    env: {
      ...process.env,
      ...SHARED_SECRETS,
      PORT: port,
      ROLEPLANE_DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      NEXTAUTH_URL: baseUrl,
      ROLEPLANE_SKIP_BUILD: "true",
      ROLEPLANE_ADMIN_EMAIL: TEST_ADMIN.email,
      ROLEPLANE_ADMIN_PASSWORD: TEST_ADMIN.password,
      ROLEPLANE_VIEWER_EMAIL: TEST_VIEWER.email,
      ROLEPLANE_VIEWER_PASSWORD: TEST_VIEWER.password,
      ROLEPLANE_ADMIN_ACCESS_KEY_ID: TEST_ACCESS_KEY.id,
      ROLEPLANE_ADMIN_SECRET_ACCESS_KEY: TEST_ACCESS_KEY.secret,
      ...options.env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const signal = async (sig: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid!, sig);
      } catch {
        // already gone
      }
    }
    await exited(child);
  };
  const server: RunningServer = {
    baseUrl,
    pid: child.pid!,
    databaseUrl,
    dataDir,
    stop: async () => {
      await signal("SIGTERM");
      if (ownDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
    kill: () => signal("SIGKILL"),
  };
  try {
    await waitForHealth(baseUrl, child, 120_000);
  } catch (err) {
    await server.stop();
    throw err;
  }
  return server;
}
