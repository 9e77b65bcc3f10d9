// A throwaway PostgreSQL cluster on a local port, for the test run and for drafting migrations: initdb into a
// temporary directory, pg_ctl start, and a synchronous stop that is safe to call from exit and signal handlers.
// Uses the server binaries of Debian's `postgresql` package (/usr/lib/postgresql/<version>/bin), ROLEPLANE_POSTGRES_BIN,
// or `pg_config --bindir`. As root the server runs as the `postgres` user, since PostgreSQL refuses to run as root.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export function findPostgresBin() {
  const candidates = [];
  if (process.env.ROLEPLANE_POSTGRES_BIN) candidates.push(process.env.ROLEPLANE_POSTGRES_BIN);
  const debian = "/usr/lib/postgresql";
  if (fs.existsSync(debian))
    for (const v of fs.readdirSync(debian).sort((a, b) => Number(b) - Number(a))) candidates.push(path.join(debian, v, "bin"));
  const pgConfig = spawnSync("pg_config", ["--bindir"], { encoding: "utf8" });
  if (pgConfig.status === 0) candidates.push(pgConfig.stdout.trim());
  return candidates.find((dir) => fs.existsSync(path.join(dir, "initdb")) && fs.existsSync(path.join(dir, "pg_ctl"))) ?? null;
}

/** A free TCP port on 127.0.0.1, chosen by the kernel. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const asRoot = typeof process.getuid === "function" && process.getuid() === 0;
const quote = (s) => `'${String(s).replace(/'/g, `'\\''`)}'`;

function run(bin, args, what) {
  const res = asRoot
    ? spawnSync("su", ["postgres", "-s", "/bin/sh", "-c", [bin, ...args].map(quote).join(" ")], { encoding: "utf8" })
    : spawnSync(bin, args, { encoding: "utf8" });
  if (res.status !== 0) throw new Error(`${what} failed: ${(res.stderr || res.stdout || String(res.error ?? "")).trim()}`);
}

/**
 * Starts a cluster that trusts local connections for user `rp`. Returns the URL of its `postgres` database (to
 * create others from) and `stop()`. Pass `port` to pin one; by default the kernel picks a free one.
 */
export async function startPostgresCluster({ port } = {}) {
  const bin = findPostgresBin();
  if (!bin)
    throw new Error("PostgreSQL server binaries not found: install Debian's `postgresql` package or set ROLEPLANE_POSTGRES_BIN");
  const chosen = port ?? (await freePort());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "roleplane-pg-"));
  if (asRoot) spawnSync("chown", ["postgres", dir]);
  const data = path.join(dir, "data");
  let running = false;
  const stop = () => {
    if (running) {
      running = false;
      try {
        run(path.join(bin, "pg_ctl"), ["-D", data, "stop", "-m", "fast", "-w"], "pg_ctl stop");
      } catch (err) {
        console.error(String(err));
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    run(path.join(bin, "initdb"), ["-D", data, "-U", "rp", "--auth=trust", "--encoding=UTF8", "--locale=C"], "initdb");
    run(
      path.join(bin, "pg_ctl"),
      ["-D", data, "-o", `-p ${chosen} -k ${dir} -c listen_addresses=127.0.0.1`, "-l", path.join(dir, "postgres.log"), "-w", "start"],
      "pg_ctl start",
    );
    running = true;
  } catch (err) {
    const log = path.join(dir, "postgres.log");
    const tail = fs.existsSync(log) ? `\n${fs.readFileSync(log, "utf8").split("\n").slice(-10).join("\n")}` : "";
    stop();
    throw new Error(`${err instanceof Error ? err.message : err}${tail}`);
  }
  return { url: `postgresql://rp@127.0.0.1:${chosen}/postgres`, port: chosen, stop };
}

/** The URL of database `name` on the server `serverUrl` points at. */
export function databaseUrlFor(serverUrl, name) {
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Creates database `name` on the server (`serverUrl` names any database there the user may connect to). */
export async function createDatabase(serverUrl, name) {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
  return databaseUrlFor(serverUrl, name);
}

export async function dropDatabase(serverUrl, name) {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
