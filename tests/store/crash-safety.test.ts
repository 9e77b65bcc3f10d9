import fs from "node:fs";
import { describe, expect, inject, it } from "vitest";
import {
  CreateRoleCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  ListRolePoliciesCommand,
  ListRolesCommand,
  ListRoleTagsCommand,
  PutRolePolicyCommand,
  type IAMClient,
} from "@aws-sdk/client-iam";
import { AssumeRoleCommand, GetCallerIdentityCommand, type STSClient } from "@aws-sdk/client-sts";
import { iamClient, trustPolicy } from "../integration/support/aws";
import { asCredentials, stsClient, type SessionCredentials } from "../integration/support/sts";
import { ConsoleClient } from "../integration/console-client";
import { startServer, TEST_ACCESS_KEY, TEST_ADMIN, type RunningServer } from "../support/server";
import { freshDatabase } from "../support/postgres";

/**
 * Writes at full speed, then SIGKILL mid-load (no shutdown code runs), then a restart on the same store. Every write
 * the server acknowledged must be there, and every change that is there must be whole: a role with all its tags and
 * its audit event (written in the same transaction), an inline policy with its whole document, and a role session
 * whose credentials the server handed out (sessions are committed in groups; each group is durable before any of its
 * answers leaves).
 */

const credentials = { accessKeyId: TEST_ACCESS_KEY.id, secretAccessKey: TEST_ACCESS_KEY.secret };
const WORKERS = 8;
/** Load runs at least this long and until this many role-and-policy pairs were acknowledged (a cold server is slow). */
const LOAD_MS = 1_500;
const ACKNOWLEDGED = 40;
const PATH = "/crash/";
/** Every worker assumes this role after each write pair; it lives outside PATH so the checks below skip it. */
const TARGET_ROLE = "crash-target";
const TARGET_ARN = `arn:aws:iam::111111111111:role/${TARGET_ROLE}`;

const tagsOf = (name: string) => [
  { Key: "owner", Value: name },
  { Key: "team", Value: "reliability" },
  { Key: "written", Value: "together" },
];
const descriptionOf = (name: string) => `written under load: ${name}`;
const inlineOf = (name: string) =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Sid: "Whole", Effect: "Allow", Action: "s3:GetObject", Resource: Array.from({ length: 20 }, (_, i) => `arn:aws:s3:::${name}-${i}/*`) }],
  });

interface Load {
  attempted: Set<string>;
  ackedRoles: Set<string>;
  ackedPolicies: Set<string>;
  /** Session name → the credentials an acknowledged AssumeRole returned. */
  ackedSessions: Map<string, SessionCredentials>;
  /** Failures while the server was up: there must be none. */
  errorsBeforeKill: string[];
}

/**
 * Workers create a role (with tags), put its inline policy and assume the target role, over and over, until `until`
 * resolves.
 */
async function driveWrites(iam: IAMClient, sts: STSClient, until: Promise<void>): Promise<Load & { done: Promise<void> }> {
  const load: Load = { attempted: new Set(), ackedRoles: new Set(), ackedPolicies: new Set(), ackedSessions: new Map(), errorsBeforeKill: [] };
  let killed = false;
  void until.then(() => (killed = true));
  const worker = async (w: number) => {
    for (let i = 0; !killed; i++) {
      const name = `crash-${w}-${i}`;
      load.attempted.add(name);
      try {
        await iam.send(
          new CreateRoleCommand({ RoleName: name, Path: PATH, AssumeRolePolicyDocument: trustPolicy(), Description: descriptionOf(name), Tags: tagsOf(name) }),
        );
        load.ackedRoles.add(name);
        await iam.send(new PutRolePolicyCommand({ RoleName: name, PolicyName: "inline", PolicyDocument: inlineOf(name) }));
        load.ackedPolicies.add(name);
        const session = await sts.send(new AssumeRoleCommand({ RoleArn: TARGET_ARN, RoleSessionName: name }));
        load.ackedSessions.set(name, asCredentials(session.Credentials));
      } catch (err) {
        if (!killed) load.errorsBeforeKill.push(`${name}: ${err instanceof Error ? err.message : err}`);
        return;
      }
    }
  };
  const done = Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w))).then(() => {});
  return Object.assign(load, { done });
}

async function rolesOnPath(iam: IAMClient): Promise<string[]> {
  const names: string[] = [];
  let marker: string | undefined;
  do {
    const page = await iam.send(new ListRolesCommand({ PathPrefix: PATH, Marker: marker, MaxItems: 1000 }));
    names.push(...(page.Roles ?? []).map((r) => r.RoleName!));
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  return names;
}

describe.each([
  ["SQLite (WAL)", async () => undefined],
  ["PostgreSQL", async () => freshDatabase(inject("postgresServerUrl"), "crash")],
])("a server killed mid-load on %s", (_store, database) => {
  it("keeps every acknowledged write and no half-written one", async () => {
    const databaseUrl = await database();
    let server: RunningServer = await startServer({ databaseUrl });
    const dataDir = server.dataDir;
    let kill!: () => void;
    const killing = new Promise<void>((resolve) => (kill = resolve));
    try {
      await iamClient(server.baseUrl, credentials).send(
        new CreateRoleCommand({ RoleName: TARGET_ROLE, AssumeRolePolicyDocument: trustPolicy({ AWS: "arn:aws:iam::111111111111:root" }) }),
      );
      const load = await driveWrites(iamClient(server.baseUrl, credentials), stsClient(server.baseUrl, credentials), killing);
      const started = Date.now();
      while ((Date.now() - started < LOAD_MS || load.ackedPolicies.size < ACKNOWLEDGED) && load.errorsBeforeKill.length === 0)
        await new Promise((r) => setTimeout(r, 50));
      kill();
      await server.kill();
      await load.done;
      expect(load.errorsBeforeKill).toEqual([]);
      expect(load.ackedPolicies.size).toBeGreaterThanOrEqual(ACKNOWLEDGED);

      server = await startServer({ databaseUrl, dataDir });
      const iam = iamClient(server.baseUrl, credentials);
      const present = await rolesOnPath(iam);
      const admin = await ConsoleClient.signIn(TEST_ADMIN.email, TEST_ADMIN.password, server.baseUrl);

      for (const name of load.ackedRoles) expect(present, `acknowledged role ${name}`).toContain(name);
      for (const name of present) {
        expect(load.attempted.has(name), `${name} was written by the test`).toBe(true);
        const role = (await iam.send(new GetRoleCommand({ RoleName: name }))).Role!;
        expect(role.Description).toBe(descriptionOf(name));
        expect((await iam.send(new ListRoleTagsCommand({ RoleName: name }))).Tags).toEqual(tagsOf(name));
        const activity = await admin.json<{ action: string; outcome: string }[]>("GET", `/api/console/roles/${name}/activity`);
        expect(activity.body.filter((e) => e.action === "CreateRole" && e.outcome === "Success"), `audit of ${name}`).toHaveLength(1);

        const policies = (await iam.send(new ListRolePoliciesCommand({ RoleName: name }))).PolicyNames ?? [];
        if (load.ackedPolicies.has(name)) expect(policies, `acknowledged policy of ${name}`).toEqual(["inline"]);
        for (const policy of policies) {
          const doc = (await iam.send(new GetRolePolicyCommand({ RoleName: name, PolicyName: policy }))).PolicyDocument!;
          expect(JSON.parse(decodeURIComponent(doc))).toEqual(JSON.parse(inlineOf(name)));
        }
      }
      for (const [name, session] of load.ackedSessions) {
        const identity = await stsClient(server.baseUrl, session).send(new GetCallerIdentityCommand({}));
        expect(identity.Arn, `acknowledged session ${name}`).toBe(`arn:aws:sts::111111111111:assumed-role/${TARGET_ROLE}/${name}`);
      }
      // And it takes writes again.
      await iam.send(new CreateRoleCommand({ RoleName: "after-the-crash", Path: PATH, AssumeRolePolicyDocument: trustPolicy() }));
    } finally {
      kill();
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
