// A real Roleplane server for the HTTP and browser benchmarks: `scripts/start.mjs` on a fresh data directory
// (migrated, seeded, production build), or the server named by ROLEPLANE_BENCH_BASE_URL. Set
// ROLEPLANE_BENCH_DATABASE_URL to run it on another store, e.g. an empty PostgreSQL database.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export interface BenchServer {
  baseUrl: string;
  /** An IAM access key of the admin user (AdministratorAccess). */
  key: { accessKeyId: string; secretAccessKey: string };
  /** A console admin sign-in. */
  login: { email: string; password: string };
  /** The server's top process, when the bench started it. */
  pid?: number;
  /** The store the server runs on, when the bench started it (to load data into it from the bench's process). */
  databaseUrl?: string;
  stop: () => void;
}

// With ROLEPLANE_BENCH_BASE_URL, pass that server's admin key in ROLEPLANE_BENCH_ACCESS_KEY_ID / _SECRET_ACCESS_KEY
// and a console admin in ROLEPLANE_BENCH_EMAIL / _PASSWORD.
const KEY = {
  accessKeyId: process.env.ROLEPLANE_BENCH_ACCESS_KEY_ID ?? "AKIAROLEPLANEBENCH01",
  secretAccessKey: process.env.ROLEPLANE_BENCH_SECRET_ACCESS_KEY ?? "roleplane-bench-secret-0000000000000000",
};
const LOGIN = {
  email: process.env.ROLEPLANE_BENCH_EMAIL ?? "bench@example.com",
  password: process.env.ROLEPLANE_BENCH_PASSWORD ?? "bench-password-1",
};

export async function startBenchServer(): Promise<BenchServer> {
  if (process.env.ROLEPLANE_BENCH_BASE_URL) return { baseUrl: process.env.ROLEPLANE_BENCH_BASE_URL, key: KEY, login: LOGIN, stop: () => {} };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "roleplane-bench-"));
  const port = String(3900 + Math.floor(Math.random() * 90));
  const databaseUrl = process.env.ROLEPLANE_BENCH_DATABASE_URL ?? `file:${path.join(dir, "roleplane.db")}`;
  const server: ChildProcess = spawn(process.execPath, ["scripts/start.mjs"], {
    env: {
      ...process.env,
      PORT: port,
      ROLEPLANE_DATA_DIR: dir,
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
      ROLEPLANE_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      ROLEPLANE_ADMIN_EMAIL: LOGIN.email,
      ROLEPLANE_ADMIN_PASSWORD: LOGIN.password,
      ROLEPLANE_ADMIN_ACCESS_KEY_ID: KEY.accessKeyId,
      ROLEPLANE_ADMIN_SECRET_ACCESS_KEY: KEY.secretAccessKey,
    },
    // ROLEPLANE_BENCH_SERVER_LOG=<file> keeps the server's output, to see why a request failed.
    stdio: process.env.ROLEPLANE_BENCH_SERVER_LOG ? ["ignore", fs.openSync(process.env.ROLEPLANE_BENCH_SERVER_LOG, "a"), fs.openSync(process.env.ROLEPLANE_BENCH_SERVER_LOG, "a")] : "ignore",
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = () => {
    server.kill("SIGTERM");
    fs.rmSync(dir, { recursive: true, force: true });
  };
  // The first start may build the console (minutes on a small machine).
  for (let i = 0; i < 1200; i++) {
    if (await fetch(`${baseUrl}/api/health`).then((r) => r.ok, () => false)) return { baseUrl, key: KEY, login: LOGIN, pid: server.pid, databaseUrl, stop };
    if (server.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  stop();
  throw new Error(`the bench server did not start on ${baseUrl}`);
}
