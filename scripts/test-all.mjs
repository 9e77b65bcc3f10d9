// `npm test`: the whole suite, in order of speed: type check, lint (ESLint, with the layers' import boundaries),
// unit, build, integration (a real server over HTTP, including the official AWS SDK clients), then Playwright in
// Chromium (with axe-core's accessibility checks on every console page). Stops at the first failing stage and
// ends with one line counting every test run: "tests: N passed, M failed".
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const reports = fs.mkdtempSync(path.join(os.tmpdir(), "roleplane-test-"));
const vitestReport = (name) => ["--reporter=default", "--reporter=json", `--outputFile.json=${path.join(reports, `${name}.json`)}`];

const stages = [
  { label: "type check", cmd: bin("tsc"), args: ["--noEmit", "-p", "tsconfig.json"] },
  { label: "lint", cmd: bin("eslint"), args: ["--max-warnings", "0", "."] },
  { label: "unit tests", cmd: bin("vitest"), args: ["run", "--project", "unit", ...vitestReport("unit")], report: "unit" },
  { label: "build", cmd: bin("next"), args: ["build"] },
  { label: "integration tests", cmd: bin("vitest"), args: ["run", "--project", "integration", ...vitestReport("integration")], report: "integration" },
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
for (const s of stages) {
  if (only.length && !only.some((o) => s.label.startsWith(o))) continue;
  console.log(`\n▶ ${s.label}`);
  const res = spawnSync(s.cmd, s.args, { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...s.env } });
  results.push({ ...s, ok: res.status === 0 });
  if (res.status !== 0) break;
}
const total = results.filter((r) => r.report).map((r) => counts(r.report)).reduce((a, c) => ({ passed: a.passed + c.passed, failed: a.failed + c.failed }), { passed: 0, failed: 0 });
const failedStages = results.filter((r) => !r.ok);
if (failedStages.length && total.failed === 0) total.failed = failedStages.length; // a failed build or type check counts too
console.log(`\n${results.map((r) => `${r.ok ? "✔" : "✘"} ${r.label}`).join("\n")}`);
console.log(`tests: ${total.passed} passed, ${total.failed} failed`);
fs.rmSync(reports, { recursive: true, force: true });
process.exit(failedStages.length ? 1 : 0);
