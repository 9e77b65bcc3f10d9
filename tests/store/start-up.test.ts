import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { freePort } from "@/scripts/postgres-cluster.mjs";
import { SHARED_SECRETS } from "../support/server";

/**
 * A DATABASE_URL the server cannot use stops start-up with a message naming the variable, and creates nothing:
 * better-sqlite3 alone would take `postgresql://…` as a file path and serve from a folder named `postgresql:`.
 */

const root = path.resolve(import.meta.dirname, "../..");

function run(args: string[], env: Record<string, string>) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "roleplane-startup-"));
  const before = fs.readdirSync(root).sort();
  const res = spawnSync(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ROLEPLANE_DATA_DIR: dataDir, ROLEPLANE_SKIP_BUILD: "true", NEXTAUTH_SECRET: "", ROLEPLANE_ENCRYPTION_KEY: "", ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  const created = fs.readdirSync(root).filter((f) => !before.includes(f));
  const dataDirEntries = fs.readdirSync(dataDir);
  fs.rmSync(dataDir, { recursive: true, force: true });
  return { status: res.status, stderr: res.stderr, created, dataDirEntries };
}

const ACCEPTED = /file:<path>.*postgresql:\/\//;

describe("start-up with a DATABASE_URL Roleplane cannot use", () => {
  it.each([
    ["mysql://root:hunter2@db.internal/roleplane", /DATABASE_URL has the unsupported scheme "mysql:"/],
    ["./data/roleplane.db", /DATABASE_URL has no scheme/],
    ["postgresql://root:hunter2@db.internal:5432", /DATABASE_URL names no PostgreSQL database/],
  ])("`npm start` refuses %s, naming DATABASE_URL and the schemes it accepts", (url, problem) => {
    const res = run(["scripts/start.mjs"], { DATABASE_URL: url });
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(problem);
    expect(res.stderr).toMatch(ACCEPTED);
    expect(res.stderr).not.toContain("hunter2");
    expect(res.created).toEqual([]);
    expect(res.dataDirEntries).toEqual([]);
  });

  it("the migration script refuses it too", () => {
    const res = run(["--experimental-wasm-modules", "--no-warnings", "scripts/migrate.mjs"], { DATABASE_URL: "sqlserver://db.internal;database=roleplane" });
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/DATABASE_URL has the unsupported scheme "sqlserver:"/);
    expect(res.created).toEqual([]);
  });

  it("the server started directly refuses it too", async () => {
    const port = String(await freePort());
    const res = run([path.join(root, "node_modules", "next", "dist", "bin", "next"), "start", "-p", port], { DATABASE_URL: "mongodb://db.internal/roleplane" });
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/DATABASE_URL has the unsupported scheme "mongodb:"/);
  });

  it("on PostgreSQL, `npm start` asks for the secrets every instance must share", () => {
    const res = run(["scripts/start.mjs"], { DATABASE_URL: "postgresql://rp@127.0.0.1:1/roleplane" });
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/with PostgreSQL, set NEXTAUTH_SECRET and ROLEPLANE_ENCRYPTION_KEY in the environment/);
  });

  it("on an unreachable PostgreSQL, `npm start` says which database it could not reach, without its password", () => {
    const res = run(["scripts/start.mjs"], { DATABASE_URL: "postgresql://rp:hunter2@127.0.0.1:1/roleplane", ...SHARED_SECRETS });
    expect(res.status).toBe(1);
    expect(res.stderr).toContain("cannot reach the PostgreSQL database postgresql://rp:***@127.0.0.1:1/roleplane");
    expect(res.stderr).not.toContain("hunter2");
  });
});
