import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * A Roleplane server of its own for a test: `scripts/start.mjs` on a fresh data directory and a free port, with
 * the environment given. Expects a current `next build`. The global setup runs the shared one; tests that lock
 * accounts or stop the server start their own.
 */
export interface TestServer {
  baseUrl: string;
  dataDir: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export async function waitForServer(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Roleplane did not answer at ${url} within ${timeoutMs} ms`);
}

export async function startServer(env: Record<string, string> = {}): Promise<TestServer> {
  const port = String(3300 + Math.floor(Math.random() * 2000));
  const baseUrl = `http://127.0.0.1:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "roleplane-it-"));
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: path.resolve(import.meta.dirname, "../../.."),
    env: {
      ...process.env,
      PORT: port,
      ROLEPLANE_DATA_DIR: dataDir,
      DATABASE_URL: `file:${path.join(dataDir, "roleplane.db")}`,
      NEXTAUTH_URL: baseUrl,
      ROLEPLANE_SKIP_BUILD: "true",
      ...env,
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  await waitForServer(baseUrl, 90_000);
  return {
    baseUrl,
    dataDir,
    process: child,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await exited;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
