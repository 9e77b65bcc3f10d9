import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { useFreshTestDb } from "@/lib/db/test-db";
import type { RequestContext } from "@/lib/iam/context";
import * as roles from "@/lib/iam/roles";
import * as users from "@/lib/iam/users";

/** `npx roleplane who-can-assume` / `can-assume` / `access-graph`, run as a person runs them, against a store this test fills. */
const run = promisify(execFile);
const ACCT = "111111111111";
const B_TYPO = "22222222222x";
const ctx: RequestContext = { accountId: ACCT, actor: "tester@example.com", source: "console", requestId: "r-cli" };
const trust = (AWS: string, Condition?: object) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS }, Action: "sts:AssumeRole", ...(Condition ? { Condition } : {}) }] });

async function cli(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "scripts/cli.ts", ...args], { env: process.env });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

beforeAll(useFreshTestDb);

describe("npx roleplane who-can-assume / can-assume / access-graph", () => {
  it("prints who can assume a role and what a user can assume, as text and as JSON", { timeout: 60_000 }, async () => {
    const dev = await users.createUser(ctx, { UserName: "cli-dev" });
    await users.userPermissions.putPolicy(ctx, dev.name, "assume", JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Resource: "*" }] }));
    const hop = await roles.createRole(ctx, { RoleName: "cli-hop", AssumeRolePolicyDocument: trust(dev.arn) });
    const target = await roles.createRole(ctx, { RoleName: "cli-target", AssumeRolePolicyDocument: trust(hop.arn) });
    const guarded = await roles.createRole(ctx, { RoleName: "cli-guarded", AssumeRolePolicyDocument: trust(ACCT, { StringEquals: { "sts:ExternalId": "x-9" } }) });

    const json = await cli("who-can-assume", target.arn, "--format", "json");
    expect(json.code).toBe(0);
    const who = JSON.parse(json.stdout);
    expect(who.direct.map((d: { principal: { arn: string } }) => d.principal.arn)).toEqual([hop.arn]);
    expect(who.chains.map((c: { path: string[] }) => c.path)).toEqual([[dev.arn, hop.arn, target.arn]]);

    const text = await cli("who-can-assume", guarded.arn);
    expect(text.stdout).toContain(`user      ${dev.arn}  directly if StringEquals sts:ExternalId x-9`);

    const can = await cli("can-assume", dev.arn);
    expect(can.stdout.split("\n").slice(1, 4)).toEqual([
      `  ${guarded.arn}  directly if StringEquals sts:ExternalId x-9`,
      `  ${hop.arn}  directly`,
      `  ${target.arn}  through ${hop.arn}`,
    ]);
  });

  it("says what is wrong with a bad command or an unknown ARN, with a non-zero exit", { timeout: 60_000 }, async () => {
    expect((await cli("who-can-assume")).code).toBe(2);
    const unknown = await cli("can-assume", `arn:aws:iam::${ACCT}:user/nobody`);
    expect([unknown.code, unknown.stderr.trim()]).toEqual([1, `roleplane: no user or role arn:aws:iam::${ACCT}:user/nobody in the store.`]);
  });

  it("access-graph prints every role of the account with its direct principals and every unconditional path, exactly", { timeout: 60_000 }, async () => {
    const B = "222222222222";
    const ctxB = { ...ctx, accountId: B };
    const dev = await users.createUser(ctxB, { UserName: "graph-dev" });
    await users.userPermissions.putPolicy(ctxB, dev.name, "assume", JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Resource: "*" }] }));
    const hop = await roles.createRole(ctxB, { RoleName: "graph-hop", AssumeRolePolicyDocument: trust(dev.arn) });
    const target = await roles.createRole(ctxB, {
      RoleName: "graph-target",
      AssumeRolePolicyDocument: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          { Effect: "Allow", Principal: { AWS: hop.arn }, Action: "sts:AssumeRole" },
          { Sid: "Partner", Effect: "Allow", Principal: { AWS: "333333333333" }, Action: "sts:AssumeRole", Condition: { StringEquals: { "sts:ExternalId": "p-1" } } },
          { Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" },
        ],
      }),
    });
    const guarded = await roles.createRole(ctxB, { RoleName: "graph-guarded", AssumeRolePolicyDocument: trust(dev.arn, { Bool: { "aws:MultiFactorAuthPresent": "true" } }) });

    const out = await cli("access-graph", "--account", B, "--format", "json");
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual({
      account: B,
      roles: [
        { arn: guarded.arn, direct: [{ principal: dev.arn, conditions: ["aws:MultiFactorAuthPresent"], via: "Statement[0]" }], reachable: [] },
        { arn: hop.arn, direct: [{ principal: dev.arn, conditions: [], via: "Statement[0]" }], reachable: [{ principal: dev.arn, path: [dev.arn, hop.arn] }] },
        {
          arn: target.arn,
          direct: [
            { principal: hop.arn, conditions: [], via: "Statement[0]" },
            { principal: "arn:aws:iam::333333333333:root", conditions: ["sts:ExternalId"], via: "Statement[1]" },
            { principal: "lambda.amazonaws.com", conditions: [], via: "Statement[2]" },
          ],
          reachable: [
            { principal: hop.arn, path: [hop.arn, target.arn] },
            { principal: "lambda.amazonaws.com", path: ["lambda.amazonaws.com", target.arn] },
            { principal: dev.arn, path: [dev.arn, hop.arn, target.arn] },
          ],
        },
      ],
    });
  });

  it("access-graph refuses a missing or malformed account and names one the store does not hold", { timeout: 60_000 }, async () => {
    expect((await cli("access-graph", "--format", "json")).code).toBe(2);
    expect((await cli("access-graph", "--account", B_TYPO, "--format", "json")).stderr.trim()).toBe(`roleplane: --account takes a 12-digit AWS account id, not "${B_TYPO}".`);
    expect((await cli("access-graph", "--account", "999999999999", "--format", "text")).code).toBe(2);
    const unknown = await cli("access-graph", "--account", "999999999999", "--format", "json");
    expect([unknown.code, unknown.stderr.trim(), unknown.stdout]).toEqual([1, "roleplane: no account 999999999999 in the store.", ""]);
  });

  it("applies pending migrations to the store DATABASE_URL names before it answers, and only reads one that is up to date", { timeout: 120_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "roleplane-cli-"));
    try {
      const env = { ...process.env, DATABASE_URL: `file:${path.join(dir, "fresh.db")}`, ROLEPLANE_DATA_DIR: dir };
      const out: { code?: number; stderr: string } = await run(process.execPath, ["bin/roleplane.mjs", "who-can-assume", `arn:aws:iam::${ACCT}:role/none`], { env }).catch((e) => e);
      expect([out.code, out.stderr.trim()]).toEqual([1, `roleplane: no role arn:aws:iam::${ACCT}:role/none in the store.`]);
      const graph: { code?: number; stderr: string } = await run(process.execPath, ["bin/roleplane.mjs", "access-graph", "--account", ACCT, "--format", "json"], { env }).catch((e) => e);
      expect([graph.code, graph.stderr.trim()]).toEqual([1, `roleplane: no account ${ACCT} in the store.`]);

      // Up to date, the store is only read: it answers while a running server holds the write lock.
      const writer = new Database(path.join(dir, "fresh.db"));
      writer.exec("BEGIN IMMEDIATE");
      try {
        const busy: { code?: number; stderr: string } = await run(process.execPath, ["bin/roleplane.mjs", "can-assume", `arn:aws:iam::${ACCT}:user/none`], { env }).catch((e) => e);
        expect([busy.code, busy.stderr.trim()]).toEqual([1, `roleplane: no user or role arn:aws:iam::${ACCT}:user/none in the store.`]);
      } finally {
        writer.exec("ROLLBACK");
        writer.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
