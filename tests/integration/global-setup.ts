import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

/**
 * Integration tests talk to a real Roleplane over HTTP: `scripts/start.mjs` on a fresh data directory and a free
 * port, with a known console admin, viewer and IAM admin key. It expects a current `next build` (npm test builds
 * first); set ROLEPLANE_TEST_BASE_URL to aim the tests at a server you already run.
 */

export const TEST_ADMIN = { email: "admin@example.com", password: "admin-password-1" };
export const TEST_VIEWER = { email: "viewer@example.com", password: "viewer-password-1" };
export const TEST_ACCESS_KEY = { id: "AKIAROLEPLANETEST001", secret: "roleplane/test/secret/key/0000000000000000" };

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    adminAccessKeyId: string;
    adminSecretAccessKey: string;
    adminEmail: string;
    adminPassword: string;
    viewerEmail: string;
    viewerPassword: string;
  }
}

let server: ChildProcess | undefined;
let dataDir: string | undefined;

async function waitForServer(url: string, timeoutMs: number) {
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

export default async function setup(project: TestProject) {
  let baseUrl = process.env.ROLEPLANE_TEST_BASE_URL;
  if (!baseUrl) {
    const port = String(3300 + Math.floor(Math.random() * 500));
    baseUrl = `http://127.0.0.1:${port}`;
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "roleplane-it-"));
    server = spawn(process.execPath, ["scripts/start.mjs"], {
      cwd: path.resolve(import.meta.dirname, "../.."),
      env: {
        ...process.env,
        PORT: port,
        ROLEPLANE_DATA_DIR: dataDir,
        DATABASE_URL: `file:${path.join(dataDir, "roleplane.db")}`,
        NEXTAUTH_URL: baseUrl,
        ROLEPLANE_SKIP_BUILD: "true",
        ROLEPLANE_ADMIN_EMAIL: TEST_ADMIN.email,
        ROLEPLANE_ADMIN_PASSWORD: TEST_ADMIN.password,
        ROLEPLANE_VIEWER_EMAIL: TEST_VIEWER.email,
        ROLEPLANE_VIEWER_PASSWORD: TEST_VIEWER.password,
        ROLEPLANE_ADMIN_ACCESS_KEY_ID: TEST_ACCESS_KEY.id,
        ROLEPLANE_ADMIN_SECRET_ACCESS_KEY: TEST_ACCESS_KEY.secret,
      },
      stdio: ["ignore", "inherit", "inherit"],
    });
    await waitForServer(baseUrl, 90_000);
  }
  project.provide("baseUrl", baseUrl);
  project.provide("adminAccessKeyId", TEST_ACCESS_KEY.id);
  project.provide("adminSecretAccessKey", TEST_ACCESS_KEY.secret);
  project.provide("adminEmail", TEST_ADMIN.email);
  project.provide("adminPassword", TEST_ADMIN.password);
  project.provide("viewerEmail", TEST_VIEWER.email);
  project.provide("viewerPassword", TEST_VIEWER.password);

  return async () => {
    server?.kill("SIGTERM");
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
