import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { E2E } from "./e2e/support/env";

/**
 * End-to-end specs drive Chromium against a production server (`node scripts/start.mjs`, which migrates, seeds
 * and builds when sources changed) on a fresh data directory with known console users.
 */
const CHROMIUM = "/usr/bin/chromium";
const dataDir = (process.env.E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "roleplane-e2e-")));
const launchOptions = fs.existsSync(CHROMIUM)
  ? {
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    }
  : {};

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results/e2e",
  fullyParallel: false,
  workers: process.env.CI ? 1 : 2,
  retries: process.env.CI ? 1 : 0,
  // Generous: CI machines are small and shared; no spec waits on a timer, only on what the user would see.
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL: E2E.baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    testIdAttribute: "data-testid",
    launchOptions,
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    {
      name: "chromium",
      dependencies: ["setup"],
      use: {
        ...devices["Desktop Chrome"],
        launchOptions,
        viewport: { width: 1360, height: 900 },
      },
    },
  ],
  webServer: {
    command: "node scripts/start.mjs",
    url: `${E2E.baseURL}/login`,
    timeout: 300_000,
    reuseExistingServer: !process.env.CI && process.env.E2E_REUSE_SERVER === "true",
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(E2E.port),
      ROLEPLANE_DATA_DIR: dataDir,
      DATABASE_URL: `file:${path.join(dataDir, "roleplane.db")}`,
      NEXTAUTH_URL: E2E.baseURL,
      ROLEPLANE_ADMIN_EMAIL: E2E.admin.email,
      ROLEPLANE_ADMIN_PASSWORD: E2E.admin.password,
      ROLEPLANE_VIEWER_EMAIL: E2E.viewer.email,
      ROLEPLANE_VIEWER_PASSWORD: E2E.viewer.password,
    },
  },
});
