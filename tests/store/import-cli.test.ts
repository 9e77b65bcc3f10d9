import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CreateGroupCommand, CreateRoleCommand, GetAccountAuthorizationDetailsCommand, PutRolePolicyCommand, type GetAccountAuthorizationDetailsCommandOutput } from "@aws-sdk/client-iam";
import { iamClient, identityPolicy, trustPolicy, uniqueName } from "../integration/support/aws";
import { SHARED_SECRETS, startServer, TEST_ACCESS_KEY, type RunningServer } from "../support/server";

/**
 * `npx roleplane import`: what GetAccountAuthorizationDetails answers (through the SDK, as a collector would save it)
 * is imported into another store, entity for entity, by the command line; a bad file changes nothing.
 */

const root = path.resolve(import.meta.dirname, "../..");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "roleplane-import-"));
let server: RunningServer;
let exported: Required<Pick<GetAccountAuthorizationDetailsCommandOutput, "UserDetailList" | "GroupDetailList" | "RoleDetailList" | "Policies">>;

function roleplane(args: string[], databaseUrl: string) {
  const res = spawnSync(process.execPath, ["bin/roleplane.mjs", ...args], {
    cwd: root,
    env: { ...process.env, ...SHARED_SECRETS, DATABASE_URL: databaseUrl, ROLEPLANE_DATA_DIR: path.join(work, "cli") },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { status: res.status, stdout: res.stdout, stderr: res.stderr };
}

beforeAll(async () => {
  server = await startServer();
  const iam = iamClient(server.baseUrl, { accessKeyId: TEST_ACCESS_KEY.id, secretAccessKey: TEST_ACCESS_KEY.secret });
  for (let i = 0; i < 3; i++) {
    const name = uniqueName("imported");
    await iam.send(new CreateRoleCommand({ RoleName: name, Path: "/imported/", AssumeRolePolicyDocument: trustPolicy(), Tags: [{ Key: "n", Value: String(i) }] }));
    await iam.send(new PutRolePolicyCommand({ RoleName: name, PolicyName: "inline", PolicyDocument: identityPolicy() }));
  }
  await iam.send(new CreateGroupCommand({ GroupName: uniqueName("imported-group") }));
  exported = { UserDetailList: [], GroupDetailList: [], RoleDetailList: [], Policies: [] };
  let marker: string | undefined;
  do {
    const page = await iam.send(new GetAccountAuthorizationDetailsCommand({ Marker: marker, MaxItems: 7 }));
    for (const k of Object.keys(exported) as (keyof typeof exported)[]) exported[k].push(...((page[k] ?? []) as never[]));
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  fs.writeFileSync(path.join(work, "account.json"), JSON.stringify(exported, null, 2));
});

afterAll(async () => {
  await server?.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

describe("npx roleplane import", () => {
  it("imports an exported account into an empty store, keeping ids, ARNs and documents", () => {
    const db = path.join(work, "target.db");
    const res = roleplane(["import", path.join(work, "account.json")], `file:${db}`);
    expect(res.status, res.stderr).toBe(0);
    expect(res.stdout).toContain(
      `Imported account 111111111111: ${exported.UserDetailList.length} users, ${exported.GroupDetailList.length} groups, ${exported.RoleDetailList.length} roles`,
    );

    const sqlite = new Database(db, { readonly: true });
    try {
      const rows = sqlite.prepare("SELECT id, arn, assumeRolePolicy FROM Role ORDER BY nameLower").all() as { id: string; arn: string; assumeRolePolicy: string }[];
      expect(rows.map((r) => [r.id, r.arn])).toEqual(exported.RoleDetailList.map((r) => [r.RoleId, r.Arn]));
      for (const [i, r] of exported.RoleDetailList.entries()) expect(JSON.parse(rows[i].assumeRolePolicy)).toEqual(JSON.parse(decodeURIComponent(r.AssumeRolePolicyDocument!)));
    } finally {
      sqlite.close();
    }

    const again = roleplane(["import", path.join(work, "account.json")], `file:${db}`);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/roleplane: account 111111111111: the store already holds arn:aws:iam::111111111111:.*; nothing was imported/);
  });

  it("names the entry at fault in a bad file and writes nothing", () => {
    const bad = structuredClone(exported);
    bad.RoleDetailList[1].RoleName = "no spaces allowed";
    fs.writeFileSync(path.join(work, "bad.json"), JSON.stringify(bad));
    const db = path.join(work, "untouched.db");
    const res = roleplane(["import", path.join(work, "bad.json")], `file:${db}`);
    expect(res.status).toBe(1);
    expect(res.stderr).toContain(`bad.json: RoleDetailList[1].RoleName (RoleName "no spaces allowed"): `);
    const sqlite = new Database(db, { readonly: true });
    try {
      expect(sqlite.prepare("SELECT count(*) AS n FROM Role").get()).toEqual({ n: 0 });
    } finally {
      sqlite.close();
    }
    expect(roleplane(["import", path.join(work, "missing.json")], `file:${db}`).stderr).toContain("missing.json: no such file");
  });
});
