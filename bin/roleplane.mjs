#!/usr/bin/env node
// `npx roleplane backup <file>` and `npx roleplane restore <file>`: a consistent snapshot of the whole store named by
// DATABASE_URL (default: the SQLite file in ROLEPLANE_DATA_DIR), and its restore into any store, SQLite or PostgreSQL.
// Restore applies pending migrations first, then replaces everything in the store, all or nothing.
// `npx roleplane import <file>…`: accounts from `aws iam get-account-authorization-details` output, after migrations.
// `npx roleplane who-can-assume|can-assume <arn>` and `access-graph --account <id>`: the access analysis over the store
// (scripts/cli.ts).
// A store that is behind this checkout is migrated first, as `npm start` does; one that is up to date is only read.
//
// This file must not move. npx links a project's own bin once, into its cache, and never links it again: a user (or
// CI machine) who ran `npx roleplane` before a move gets "roleplane: not found" ever after. scripts/roleplane.mjs, an
// earlier home, stays as a one-line forward for the same reason.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ConfigurationError, roleplaneEnvironment, root, withStartupLock } from "../scripts/environment.mjs";
import { pendingMigrations } from "../scripts/migration-status.mjs";

const USAGE = `usage: roleplane backup <file>    write a snapshot of the store to <file> (JSON Lines)
       roleplane restore <file>   replace everything in the store with <file>'s contents
       roleplane import <file>…   add the accounts in the output of \`aws iam get-account-authorization-details\`
       roleplane who-can-assume <role-arn> [--format json]   who can assume the role, directly and through chains
       roleplane can-assume <principal-arn> [--format json]  which roles a user or role can assume
       roleplane access-graph --account <id> --format json   the whole graph of an account's roles, as JSON

The store is the one DATABASE_URL names, as for npm start. Secrets stay sealed: restore into a Roleplane that uses
the same ROLEPLANE_ENCRYPTION_KEY (or the same encryption.key in its data directory).`;

function fail(message) {
  console.error(`roleplane: ${message}`);
  process.exit(1);
}

const ANALYSIS = ["who-can-assume", "can-assume", "access-graph"];
const [command, file, ...extra] = process.argv.slice(2);
const analysis = ANALYSIS.includes(command);
if (![...ANALYSIS, "backup", "restore", "import"].includes(command) || !file || (extra.length && command !== "import" && !analysis)) {
  console.error(USAGE);
  process.exit(command === "--help" || command === "help" ? 0 : 2);
}
const files = [file, ...extra].map((f) => path.resolve(f));
const target = files[0];
if (command !== "backup" && !analysis) for (const [i, f] of files.entries()) if (!fs.existsSync(f)) fail(`${[file, ...extra][i]}: no such file`);

let settings;
try {
  settings = roleplaneEnvironment(process.env, { server: false });
} catch (err) {
  if (err instanceof ConfigurationError) fail(err.message);
  throw err;
}

/** Runs a step; its own output says what went wrong, so a failure only passes its exit code on. */
function run(args) {
  const res = spawnSync(process.execPath, args, { cwd: root, env: settings.env, stdio: "inherit" });
  if (res.status !== 0) process.exit(res.status ?? 1);
}

const migrate = () => run(["--experimental-wasm-modules", "--no-warnings", "scripts/migrate.mjs"]);
const migrateIfBehind = async () => {
  if ((await pendingMigrations(settings.store)).length) migrate();
};
const failWith = (err) => fail(err instanceof Error ? err.message : String(err));
const backup = (step) => run(["--import", "tsx", "scripts/backup.ts", step, target]);
if (analysis) {
  await withStartupLock(settings.store, migrateIfBehind).catch(failWith);
  run(["--import", "tsx", "scripts/cli.ts", ...process.argv.slice(2)]);
} else if (command === "import") {
  await withStartupLock(settings.store, migrateIfBehind).catch(failWith);
  run(["--import", "tsx", "scripts/import.ts", ...files]);
} else if (command === "backup") backup("backup");
else {
  // The file and its key are checked before the store is touched; restore holds the start-up lock, so an instance
  // starting meanwhile does not seed a store being replaced.
  backup("check");
  await withStartupLock(settings.store, () => {
    migrate();
    backup("restore");
  }).catch(failWith);
}
