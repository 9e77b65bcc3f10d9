import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

/**
 * `npx roleplane` from the project folder. npx links a project's own bin once, into its cache, and never again: a
 * CI machine that had run it while the CLI lived elsewhere answered "roleplane: not found" ever after. Every path
 * the bin has had must keep running the CLI.
 */

const root = path.resolve(import.meta.dirname, "../..");
const cache = fs.mkdtempSync(path.join(os.tmpdir(), "roleplane-npx-cache-"));
afterAll(() => fs.rmSync(cache, { recursive: true, force: true }));

function npxRoleplane() {
  const res = spawnSync("npx", ["roleplane"], { cwd: root, env: { ...process.env, npm_config_cache: cache }, encoding: "utf8", timeout: 120_000 });
  return { status: res.status, output: `${res.stdout}${res.stderr}` };
}

/** The link npx made for the bin in its cache. */
function cachedBinLink() {
  const installs = fs.readdirSync(path.join(cache, "_npx")).map((dir) => path.join(cache, "_npx", dir, "node_modules/.bin/roleplane"));
  const link = installs.find((file) => fs.lstatSync(file, { throwIfNoEntry: false }));
  if (!link) throw new Error("npx made no bin link in its cache");
  return link;
}

describe("npx roleplane", () => {
  it("runs the CLI from a fresh npx cache", { timeout: 120_000 }, () => {
    const res = npxRoleplane();
    expect(res.output).toContain("usage: roleplane backup <file>");
    expect(res.status).toBe(2);
  });

  it.each(["bin/roleplane.mjs", "scripts/roleplane.mjs"])("still runs it through a cached link made when the CLI was %s", { timeout: 120_000 }, (earlierHome) => {
    const link = cachedBinLink();
    fs.rmSync(link);
    fs.symlinkSync(`../roleplane/${earlierHome}`, link);
    const res = npxRoleplane();
    expect(res.output).toContain("usage: roleplane backup <file>");
    expect(res.status).toBe(2);
  });
});
