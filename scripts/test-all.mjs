// `npm test`: the whole suite, in order of speed: type check, lint (ESLint, with the layers' import boundaries),
// unit, build, integration (a real server over HTTP, including the official AWS SDK clients) on SQLite and again on
// PostgreSQL, the store tests (several servers on one database, a crash mid-load, backup and restore), then
// Playwright in Chromium (with axe-core's accessibility checks on every console page). Stops at the first failing
// stage and ends with one line counting every test run: "tests: N passed, M failed".
// The PostgreSQL stages share one throwaway cluster, started here and stopped at the end however the run ends;
// set ROLEPLANE_TEST_POSTGRES_URL to use a server of your own instead.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startPostgresCluster } from "./postgres-cluster.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const reports = fs.mkdtempSync(path.join(os.tmpdir(), "roleplane-test-"));
const vitestReport = (name) => ["--reporter=default", "--reporter=json", `--outputFile.json=${path.join(reports, `${name}.json`)}`];

const stages = [
  { label: "type check", cmd: bin("tsc"), args: ["--noEmit", "-p", "tsconfig.json"] },
  { label: "lint", cmd: bin("eslint"), args: ["--max-warnings", "0", "."] },
  { label: "unit tests", cmd: bin("vitest"), args: ["run", "--project", "unit", ...vitestReport("unit")], report: "unit" },
  { label: "build", cmd: bin("next"), args: ["build"] },
  { label: "integration tests on SQLite", cmd: bin("vitest"), args: ["run", "--project", "integration", ...vitestReport("integration")], report: "integration" },
  {
    label: "integration tests on PostgreSQL",
    cmd: bin("vitest"),
    args: ["run", "--project", "integration-postgres", ...vitestReport("integration-postgres")],
    report: "integration-postgres",
    postgres: true,
  },
  { label: "store tests", cmd: bin("vitest"), args: ["run", "--project", "store", ...vitestReport("store")], report: "store", postgres: true },
  { label: "end-to-end tests", cmd: bin("playwright"), args: ["test", "--reporter=list,json"], report: "e2e", env: { PLAYWRIGHT_JSON_OUTPUT_NAME: path.join(reports, "e2e.json") } },
];

function counts(report) {
  const file = path.join(reports, `${report}.json`);
  if (!fs.existsSync(file)) return { passed: 0, failed: 0 };
  const r = JSON.parse(fs.readFileSync(file, "utf8"));
  if (r.stats) return { passed: (r.stats.expected ?? 0) + (r.stats.flaky ?? 0), failed: r.stats.unexpected ?? 0 };
  return { passed: r.numPassedTests ?? 0, failed: r.numFailedTests ?? 0 };
}

const only = process.argv.slice(2);
const results = [];
let postgres = null;
const stopPostgres = () => {
  postgres?.stop();
  postgres = null;
};
process.on("exit", stopPostgres);
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"])
  process.on(sig, () => {
    stopPostgres();
    process.exit(130);
  });
for (const s of stages) {
  if (only.length && !only.some((o) => s.label.startsWith(o))) continue;
  console.log(`\n▶ ${s.label}`);
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...s.env };
  if (s.postgres && !process.env.ROLEPLANE_TEST_POSTGRES_URL) {
    try {
      postgres ??= await startPostgresCluster({ port: process.env.ROLEPLANE_TEST_POSTGRES_PORT && Number(process.env.ROLEPLANE_TEST_POSTGRES_PORT) });
    } catch (err) {
      console.error(`Cannot start PostgreSQL for the tests: ${err instanceof Error ? err.message : err}`);
      results.push({ ...s, ok: false });
      break;
    }
    env.ROLEPLANE_TEST_POSTGRES_URL = postgres.url;
  }
  const res = spawnSync(s.cmd, s.args, { cwd: root, stdio: "inherit", env });
  results.push({ ...s, ok: res.status === 0 });
  if (res.status !== 0) break;
}
stopPostgres();
const total = results.filter((r) => r.report).map((r) => counts(r.report)).reduce((a, c) => ({ passed: a.passed + c.passed, failed: a.failed + c.failed }), { passed: 0, failed: 0 });
const failedStages = results.filter((r) => !r.ok);
if (failedStages.length && total.failed === 0) total.failed = failedStages.length; // a failed build or type check counts too
console.log(`\n${results.map((r) => `${r.ok ? "✔" : "✘"} ${r.label}`).join("\n")}`);
console.log(`tests: ${total.passed} passed, ${total.failed} failed`);
fs.rmSync(reports, { recursive: true, force: true });
process.exit(failedStages.length ? 1 : 0);
