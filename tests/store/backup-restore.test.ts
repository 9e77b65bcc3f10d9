import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import {
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  CreateUserCommand,
  GetRoleCommand,
  GetUserCommand,
  ListAttachedRolePoliciesCommand,
  PutRolePermissionsBoundaryCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
} from "@aws-sdk/client-iam";
import { iamClient, identityPolicy, trustPolicy } from "../integration/support/aws";
import { ConsoleClient } from "../integration/console-client";
import { SHARED_SECRETS, startServer, TEST_ACCESS_KEY, TEST_ADMIN } from "../support/server";
import { freshDatabase } from "../support/postgres";
import { parseSchemaModels } from "@/lib/db/schema-models";

/**
 * `roleplane backup` and `roleplane restore` carry a whole store from SQLite to PostgreSQL and back, row for row,
 * with secrets still sealed: an access key made before the trip still signs requests after it.
 */

const root = path.resolve(import.meta.dirname, "../..");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "roleplane-backup-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
const credentials = { accessKeyId: TEST_ACCESS_KEY.id, secretAccessKey: TEST_ACCESS_KEY.secret };

/** The CLI as `npx roleplane` runs it (its package.json bin entry); `viaNpx` goes through npx itself. */
function roleplane(args: string[], databaseUrl: string, env: Record<string, string> = {}, viaNpx = false) {
  const [cmd, prefix] = viaNpx ? ["npx", ["roleplane"]] : [process.execPath, ["bin/roleplane.mjs"]];
  const res = spawnSync(cmd, [...prefix, ...args], {
    cwd: root,
    env: { ...process.env, ...SHARED_SECRETS, DATABASE_URL: databaseUrl, ROLEPLANE_DATA_DIR: path.join(work, "cli"), ...env },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { status: res.status, stdout: res.stdout, stderr: res.stderr };
}

function mustRun(args: string[], databaseUrl: string, viaNpx = false) {
  const res = roleplane(args, databaseUrl, {}, viaNpx);
  expect(res.status, res.stderr).toBe(0);
  return res.stdout;
}

/** The rows of a backup, without its header's time and source store. */
function contents(file: string) {
  const [header, ...rows] = fs.readFileSync(file, "utf8").trim().split("\n");
  const { createdAt: _t, source: _s, ...rest } = JSON.parse(header);
  return { header: rest, rows };
}

const sqliteUrl = (name: string) => `file:${path.join(work, `${name}.db`)}`;

describe("backup and restore", () => {
  it("carries a store from SQLite to PostgreSQL and back, row for row, secrets still sealed", async () => {
    // A store with a bit of everything, made through the API.
    const source = await startServer({ databaseUrl: sqliteUrl("source") });
    let secret: { AccessKeyId: string; SecretAccessKey: string };
    try {
      const iam = iamClient(source.baseUrl, credentials);
      await iam.send(new CreateRoleCommand({ RoleName: "trip", Path: "/travel/", AssumeRolePolicyDocument: trustPolicy(), Description: "Grüße, équipe", Tags: [{ Key: "k", Value: "v" }] }));
      await iam.send(new PutRolePolicyCommand({ RoleName: "trip", PolicyName: "inline", PolicyDocument: identityPolicy("s3:PutObject") }));
      const policy = await iam.send(
        new CreatePolicyCommand({ PolicyName: "trip-policy", PolicyDocument: identityPolicy(), Tags: [{ Key: "team", Value: "travel" }] }),
      );
      await iam.send(new CreatePolicyVersionCommand({ PolicyArn: policy.Policy!.Arn!, PolicyDocument: identityPolicy("s3:ListBucket"), SetAsDefault: true }));
      await iam.send(new AttachRolePolicyCommand({ RoleName: "trip", PolicyArn: policy.Policy!.Arn! }));
      await iam.send(new PutRolePermissionsBoundaryCommand({ RoleName: "trip", PermissionsBoundary: policy.Policy!.Arn! }));
      await iam.send(new CreateUserCommand({ UserName: "traveller" }));
      await iam.send(new PutUserPolicyCommand({ UserName: "traveller", PolicyName: "own", PolicyDocument: identityPolicy("iam:GetUser") }));
      await iam.send(new AttachUserPolicyCommand({ UserName: "traveller", PolicyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }));
      secret = (await iam.send(new CreateAccessKeyCommand({ UserName: "traveller" }))).AccessKey as typeof secret;
      // Taken while the server runs: a snapshot does not need a stopped store.
      expect(mustRun(["backup", path.join(work, "a.jsonl")], source.databaseUrl, true)).toMatch(/^Backed up \d+ rows \(.*Role \d+/);
    } finally {
      await source.stop();
    }
    expect(fs.statSync(path.join(work, "a.jsonl")).mode & 0o777).toBe(0o600);

    const postgres = await freshDatabase(inject("postgresServerUrl"), "restore");
    expect(mustRun(["restore", path.join(work, "a.jsonl")], postgres)).toMatch(/^Restored \d+ rows .* \(a sqlite backup of/m);
    mustRun(["backup", path.join(work, "b.jsonl")], postgres);
    mustRun(["restore", path.join(work, "b.jsonl")], sqliteUrl("final"));
    mustRun(["backup", path.join(work, "c.jsonl")], sqliteUrl("final"));

    const [a, b, c] = ["a", "b", "c"].map((n) => contents(path.join(work, `${n}.jsonl`)));
    expect(a.rows.length).toBeGreaterThan(3000); // the AWS-managed catalogue alone
    // Every model of the schema is carried, with no list of tables to keep up to date, but for the change log, which
    // numbers one database's commits (a restore starts a new one).
    const schema = parseSchemaModels(fs.readFileSync(path.join(root, "prisma", "schema.prisma"), "utf8"));
    expect(Object.keys(a.header.models).sort()).toEqual(schema.map((m) => m.name).filter((n) => n !== "StoreChange").sort());
    expect(b).toEqual(a);
    expect(c).toEqual(a);

    // The restored store serves: the console admin signs in, the key made before the trip still signs requests.
    const final = await startServer({ databaseUrl: sqliteUrl("final") });
    try {
      const asTraveller = iamClient(final.baseUrl, { accessKeyId: secret.AccessKeyId, secretAccessKey: secret.SecretAccessKey });
      expect((await asTraveller.send(new GetUserCommand({ UserName: "traveller" }))).User?.UserName).toBe("traveller");
      const iam = iamClient(final.baseUrl, credentials);
      expect((await iam.send(new GetRoleCommand({ RoleName: "trip" }))).Role?.Description).toBe("Grüße, équipe");
      expect((await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: "trip" }))).AttachedPolicies?.map((p) => p.PolicyName)).toEqual(["trip-policy"]);
      await ConsoleClient.signIn(TEST_ADMIN.email, TEST_ADMIN.password, final.baseUrl);
    } finally {
      await final.stop();
    }
  });

  /** A refused restore must leave the store exactly as it was. */
  function expectUnchanged(refused: () => void) {
    const target = sqliteUrl("final");
    mustRun(["backup", path.join(work, "before.jsonl")], target);
    refused();
    mustRun(["backup", path.join(work, "after.jsonl")], target);
    expect(contents(path.join(work, "after.jsonl"))).toEqual(contents(path.join(work, "before.jsonl")));
  }

  it("refuses a backup whose secrets another key sealed, and changes nothing", () => {
    const otherKey = { ROLEPLANE_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString("base64") };
    expectUnchanged(() => {
      const res = roleplane(["restore", path.join(work, "a.jsonl")], sqliteUrl("final"), otherKey);
      expect(res.status).toBe(1);
      expect(res.stderr).toMatch(/the backup's secrets are sealed with the key sha256:[0-9a-f]{16}, and this Roleplane's is sha256:[0-9a-f]{16}/);
    });
  });

  it("refuses a truncated backup and a file that is not one, and changes nothing", () => {
    const truncated = path.join(work, "truncated.jsonl");
    fs.writeFileSync(truncated, fs.readFileSync(path.join(work, "a.jsonl"), "utf8").split("\n").slice(0, -20).join("\n"));
    const notOne = path.join(work, "not-a-backup.jsonl");
    fs.writeFileSync(notOne, "id,name\n1,x\n");
    expectUnchanged(() => {
      const cut = roleplane(["restore", truncated], sqliteUrl("final"));
      expect(cut.status).toBe(1);
      expect(cut.stderr).toMatch(/roleplane: the backup is incomplete: \w+ has \d+ of \d+ rows/);
      expect(roleplane(["restore", notOne], sqliteUrl("final")).stderr).toContain("roleplane: this is not a Roleplane backup");
    });
  });
});
