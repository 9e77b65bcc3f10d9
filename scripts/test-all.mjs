// `npm test`: the whole suite, in order of speed: type check, unit, build, integration (a real server over HTTP,
// including the official AWS SDK clients), then Playwright in Chromium. Stops at the first failing stage.
import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const stages = [
  ["type check", bin("tsc"), ["--noEmit"]],
  ["unit tests", bin("vitest"), ["run", "--project", "unit"]],
  ["build", bin("next"), ["build"]],
  ["integration tests", bin("vitest"), ["run", "--project", "integration"]],
  ["end-to-end tests", bin("playwright"), ["test"]],
];
const only = process.argv.slice(2);
const results = [];
for (const [label, cmd, args] of stages) {
  if (only.length && !only.some((o) => label.startsWith(o))) continue;
  console.log(`\n▶ ${label}`);
  const res = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  results.push([label, res.status === 0]);
  if (res.status !== 0) break;
}
const failed = results.filter(([, ok]) => !ok).length;
console.log(`\n${results.map(([l, ok]) => `${ok ? "✔" : "✘"} ${l}`).join("\n")}`);
console.log(`stages: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
