// `npm start`: prepare the database, build if needed, serve the console and the AWS API on PORT (default 3000).
// The store is the one DATABASE_URL names (SQLite by default, or PostgreSQL); see scripts/environment.mjs for the
// settings and the secrets generated on first start.
import { spawnSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ConfigurationError, roleplaneEnvironment, root, withStartupLock } from "./environment.mjs";

function fail(message) {
  console.error(`roleplane: ${message}`);
  process.exit(1);
}

let settings;
try {
  settings = roleplaneEnvironment();
} catch (err) {
  if (err instanceof ConfigurationError) fail(err.message);
  throw err;
}
const { env, store, port } = settings;

function run(cmd, args, label) {
  const res = spawnSync(cmd, args, { cwd: root, env, stdio: "inherit" });
  if (res.status !== 0) {
    fail(`${label} failed (exit ${res.status ?? res.signal}).`);
  }
}

/** A build is stale when any source file is newer than it; `npm start` then rebuilds rather than serve old code. */
function buildIsCurrent() {
  const marker = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(marker)) return false;
  const built = fs.statSync(marker).mtimeMs;
  const newer = (dir) =>
    fs.existsSync(dir) &&
    fs.readdirSync(dir, { withFileTypes: true }).some((e) => {
      if (e.name === "generated" || e.name.startsWith(".")) return false;
      const p = path.join(dir, e.name);
      return e.isDirectory() ? newer(p) : fs.statSync(p).mtimeMs > built;
    });
  return !["app", "components", "lib"].some((d) => newer(path.join(root, d)));
}

await withStartupLock(store, () => {
  run(process.execPath, ["--experimental-wasm-modules", "--no-warnings", "scripts/migrate.mjs"], "database migration");
  run(process.execPath, ["--import", "tsx", "scripts/seed.ts"], "seeding");
}).catch((err) => fail(err instanceof Error ? err.message : String(err)));
const dev = process.argv.includes("--dev");
if (!dev && process.env.ROLEPLANE_SKIP_BUILD !== "true" && !buildIsCurrent()) {
  console.log("roleplane: building the console (first start or changed sources)…");
  run(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], "next build");
}
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const serverArgs = dev ? [nextBin, "dev", "-p", port] : ["--import", "tsx", "--import", "./scripts/source-maps.mjs", path.join(root, "scripts", "server.ts")];
const server = spawn(process.execPath, serverArgs, {
  cwd: root,
  env,
  stdio: "inherit",
});
// A stop signal always stops the server: it is passed on, and a server that has not exited 10 s later is killed,
// so a supervisor (or Ctrl-C) never faces a half-alive process.
for (const sig of ["SIGINT", "SIGTERM"])
  process.on(sig, () => {
    server.kill(sig);
    setTimeout(() => server.kill("SIGKILL"), 10_000).unref();
  });
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
