#!/usr/bin/env node
// `npx roleplane <command>` from the project folder: the CLI over the store DATABASE_URL names (by default the one
// `npm start` uses), with pending migrations applied first, as `npm start` does.
import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const dataDir = path.resolve(process.env.ROLEPLANE_DATA_DIR ?? path.join(root, "data"));
const env = { ...process.env, ROLEPLANE_DATA_DIR: dataDir, DATABASE_URL: process.env.DATABASE_URL ?? `file:${path.join(dataDir, "roleplane.db")}` };

const migrate = spawnSync(process.execPath, ["--experimental-wasm-modules", "--no-warnings", path.join(root, "scripts", "migrate.mjs")], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
if (migrate.status !== 0) {
  console.error(`roleplane: database migration failed (exit ${migrate.status ?? migrate.signal}).`);
  process.exit(migrate.status ?? 1);
}
const cli = spawnSync(process.execPath, ["--import", "tsx", path.join(root, "scripts", "cli.ts"), ...process.argv.slice(2)], { cwd: root, env, stdio: "inherit" });
process.exit(cli.status ?? 1);
