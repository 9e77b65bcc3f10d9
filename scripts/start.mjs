// `npm start`: prepare the database, build if needed, serve the console and the AWS API on PORT (default 3000).
// Secrets the operator did not provide (NEXTAUTH_SECRET, the at-rest encryption key) are generated once and kept
// under the data directory with owner-only permissions, so sessions and sealed secrets survive restarts.
import { spawnSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const dataDir = path.resolve(process.env.ROLEPLANE_DATA_DIR ?? path.join(root, "data"));
const port = process.env.PORT ?? "3000";
fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });

function persistentSecret(file, make) {
  const p = path.join(dataDir, file);
  if (!fs.existsSync(p)) fs.writeFileSync(p, make(), { mode: 0o600 });
  return fs.readFileSync(p, "utf8").trim();
}

const env = {
  ...process.env,
  ROLEPLANE_DATA_DIR: dataDir,
  DATABASE_URL: process.env.DATABASE_URL ?? `file:${path.join(dataDir, "roleplane.db")}`,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? persistentSecret("nextauth.secret", () => randomBytes(32).toString("base64")),
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
  ROLEPLANE_ENCRYPTION_KEY:
    process.env.ROLEPLANE_ENCRYPTION_KEY ?? persistentSecret("encryption.key", () => randomBytes(32).toString("base64")),
  PORT: port,
};

function run(cmd, args, label) {
  const res = spawnSync(cmd, args, { cwd: root, env, stdio: "inherit" });
  if (res.status !== 0) {
    console.error(`roleplane: ${label} failed (exit ${res.status ?? res.signal}).`);
    process.exit(res.status ?? 1);
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

run(process.execPath, ["--experimental-wasm-modules", "--no-warnings", "scripts/migrate.mjs"], "database migration");
run(process.execPath, ["--import", "tsx", "scripts/seed.ts"], "seeding");
const dev = process.argv.includes("--dev");
if (!dev && process.env.ROLEPLANE_SKIP_BUILD !== "true" && !buildIsCurrent()) {
  console.log("roleplane: building the console (first start or changed sources)…");
  run(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], "next build");
}
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const serverArgs = dev ? [nextBin, "dev", "-p", port] : ["--import", "tsx", path.join(root, "scripts", "server.ts")];
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
