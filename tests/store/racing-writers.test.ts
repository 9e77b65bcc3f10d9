import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  AttachRolePolicyCommand,
  CreateAccessKeyCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  CreateUserCommand,
  GetRoleCommand,
  ListAccessKeysCommand,
  ListAttachedRolePoliciesCommand,
  ListPolicyVersionsCommand,
  ListRolePoliciesCommand,
  ListRolesCommand,
  PutRolePolicyCommand,
  type IAMClient,
} from "@aws-sdk/client-iam";
import { failure, iamClient, identityPolicy, trustPolicy, uniqueName } from "../integration/support/aws";
import { ConsoleClient } from "../integration/console-client";
import { startServer, TEST_ACCESS_KEY, TEST_ADMIN, type RunningServer } from "../support/server";
import { freshDatabase } from "../support/postgres";

/**
 * Two instances on one PostgreSQL database, as behind a load balancer: requests racing on the same role, user or
 * policy are sent alternately to both, and the database — not one process's memory — must keep IAM's rules.
 */

let a: RunningServer;
let b: RunningServer;
let iam: [IAMClient, IAMClient];
const credentials = { accessKeyId: TEST_ACCESS_KEY.id, secretAccessKey: TEST_ACCESS_KEY.secret };
/** Request i goes to instance i mod 2. */
const via = (i: number) => iam[i % 2];

/** Outcome of a racing SDK call: "ok" or AWS's error code; anything else (a 5xx, a dropped connection) fails the test. */
async function outcome(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return "ok";
  } catch {
    const f = await failure(call);
    expect(f.status, `${f.code}: ${f.message}`).toBeLessThan(500);
    return f.code;
  }
}

const tally = (codes: string[]) => codes.reduce<Record<string, number>>((t, c) => ({ ...t, [c]: (t[c] ?? 0) + 1 }), {});

beforeAll(async () => {
  const databaseUrl = await freshDatabase(inject("postgresServerUrl"), "racing");
  // Started together: the second waits for the first to migrate and seed, then finds it done.
  [a, b] = await Promise.all([startServer({ databaseUrl }), startServer({ databaseUrl })]);
  iam = [iamClient(a.baseUrl, credentials), iamClient(b.baseUrl, credentials)];
});

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

describe("two instances on one PostgreSQL database", () => {
  it("behave as one service: a role created on one is read on the other at once", async () => {
    const name = uniqueName("shared");
    const created = await iam[0].send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: trustPolicy() }));
    const read = await iam[1].send(new GetRoleCommand({ RoleName: name }));
    expect(read.Role?.RoleId).toBe(created.Role?.RoleId);
    expect(read.Role?.Arn).toBe(`arn:aws:iam::111111111111:role/${name}`);
  });

  it("sign console users in on both, and take a session from one on the other", async () => {
    const onA = await ConsoleClient.signIn(TEST_ADMIN.email, TEST_ADMIN.password, a.baseUrl);
    const onB = await ConsoleClient.signIn(TEST_ADMIN.email, TEST_ADMIN.password, b.baseUrl);
    const name = uniqueName("console-shared");
    expect((await onA.json("POST", "/api/console/roles", { RoleName: name, AssumeRolePolicyDocument: trustPolicy() })).status).toBe(201);
    expect((await onB.json("GET", `/api/console/roles/${name}`)).status).toBe(200);
    expect((await onA.at(b.baseUrl).json("GET", `/api/console/roles/${name}`)).status).toBe(200);
  });

  it("let exactly one of 50 simultaneous CreateRole calls with one name succeed; the others get EntityAlreadyExists", async () => {
    const name = uniqueName("race");
    const codes = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        outcome(via(i).send(new CreateRoleCommand({ RoleName: i % 3 ? name : name.toUpperCase(), AssumeRolePolicyDocument: trustPolicy() }))),
      ),
    );
    expect(tally(codes)).toEqual({ ok: 1, EntityAlreadyExists: 49 });
    const listed = await iam[1].send(new ListRolesCommand({ PathPrefix: "/" , MaxItems: 1000 }));
    expect(listed.Roles?.filter((r) => r.RoleName?.toLowerCase() === name.toLowerCase())).toHaveLength(1);
  });

  it("let exactly one trust-policy save win per version when 20 editors save at once; the others get ConcurrentModification", async () => {
    const name = uniqueName("race-trust");
    await iam[0].send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: trustPolicy() }));
    const editors = [
      await ConsoleClient.signIn(TEST_ADMIN.email, TEST_ADMIN.password, a.baseUrl),
      await ConsoleClient.signIn(TEST_ADMIN.email, TEST_ADMIN.password, b.baseUrl),
    ];
    for (let round = 0; round < 3; round++) {
      const before = await editors[round % 2].json<{ version: number }>("GET", `/api/console/roles/${name}`);
      const documents = Array.from({ length: 20 }, (_, i) => trustPolicy({ Service: `svc${round}x${i}.amazonaws.com` }));
      const saves = await Promise.all(
        documents.map((doc, i) =>
          editors[i % 2].json<{ version: number; error?: { code: string } }>("PUT", `/api/console/roles/${name}/trust-policy`, {
            PolicyDocument: doc,
            ExpectedVersion: before.body.version,
          }),
        ),
      );
      expect(saves.every((s) => s.status < 500)).toBe(true);
      expect(tally(saves.map((s) => (s.status === 200 ? "ok" : (s.body.error?.code ?? String(s.status)))))).toEqual({
        ok: 1,
        ConcurrentModification: 19,
      });
      const winner = saves.findIndex((s) => s.status === 200);
      const after = await iam[(round + 1) % 2].send(new GetRoleCommand({ RoleName: name }));
      expect(JSON.parse(decodeURIComponent(after.Role!.AssumeRolePolicyDocument!))).toEqual(JSON.parse(documents[winner]));
      expect(saves[winner].body.version).toBe(before.body.version + 1);
    }
  });

  it("never attach more than 10 managed policies to a role when 30 attachments race", async () => {
    const name = uniqueName("race-attach");
    await iam[0].send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: trustPolicy() }));
    const arns: string[] = [];
    for (let i = 0; i < 30; i++) {
      const p = await via(i).send(new CreatePolicyCommand({ PolicyName: `${name}-${i}`, PolicyDocument: identityPolicy() }));
      arns.push(p.Policy!.Arn!);
    }
    const codes = await Promise.all(arns.map((arn, i) => outcome(via(i).send(new AttachRolePolicyCommand({ RoleName: name, PolicyArn: arn })))));
    const attached = await iam[1].send(new ListAttachedRolePoliciesCommand({ RoleName: name }));
    const succeeded = codes.filter((c) => c === "ok").length;
    expect(attached.AttachedPolicies).toHaveLength(succeeded);
    expect(succeeded).toBeLessThanOrEqual(10);
    expect(succeeded).toBeGreaterThan(0);
    expect(Object.keys(tally(codes)).filter((c) => c !== "ok").every((c) => ["LimitExceeded", "ConcurrentModification"].includes(c))).toBe(true);
  });

  it("never give a user more than 2 access keys when 8 requests race", async () => {
    const user = uniqueName("race-keys");
    await iam[0].send(new CreateUserCommand({ UserName: user }));
    const codes = await Promise.all(Array.from({ length: 8 }, (_, i) => outcome(via(i).send(new CreateAccessKeyCommand({ UserName: user })))));
    const keys = await iam[1].send(new ListAccessKeysCommand({ UserName: user }));
    expect(keys.AccessKeyMetadata).toHaveLength(codes.filter((c) => c === "ok").length);
    expect(keys.AccessKeyMetadata!.length).toBeLessThanOrEqual(2);
    expect(codes.filter((c) => c !== "ok").every((c) => ["LimitExceeded", "ConcurrentModification"].includes(c))).toBe(true);
  });

  it("never keep more than 5 versions of a policy when 10 new versions race", async () => {
    const policy = await iam[0].send(new CreatePolicyCommand({ PolicyName: uniqueName("race-versions"), PolicyDocument: identityPolicy() }));
    const arn = policy.Policy!.Arn!;
    const codes = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        outcome(via(i).send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: identityPolicy(`s3:Get${i}`), SetAsDefault: i % 2 === 0 }))),
      ),
    );
    const versions = await iam[1].send(new ListPolicyVersionsCommand({ PolicyArn: arn }));
    expect(versions.Versions).toHaveLength(1 + codes.filter((c) => c === "ok").length);
    expect(versions.Versions!.length).toBeLessThanOrEqual(5);
    expect(versions.Versions!.filter((v) => v.IsDefaultVersion)).toHaveLength(1);
  });

  it("never let a role's inline policies outgrow 10,240 characters when puts race", async () => {
    const name = uniqueName("race-inline");
    await iam[0].send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: trustPolicy() }));
    // Each document is about 3,000 characters without whitespace: three fit in the quota, four do not.
    const doc = (i: number) =>
      JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: Array.from({ length: 90 }, (_, j) => `arn:aws:s3:::bucket-${i}-${String(j).padStart(3, "0")}/*`) }],
      });
    expect(doc(0).length).toBeGreaterThan(2600);
    expect(doc(0).length * 4).toBeGreaterThan(10_240);
    const codes = await Promise.all(
      Array.from({ length: 6 }, (_, i) => outcome(via(i).send(new PutRolePolicyCommand({ RoleName: name, PolicyName: `p${i}`, PolicyDocument: doc(i) })))),
    );
    const names = await iam[1].send(new ListRolePoliciesCommand({ RoleName: name }));
    expect(names.PolicyNames).toHaveLength(codes.filter((c) => c === "ok").length);
    expect(names.PolicyNames!.length * doc(0).length).toBeLessThanOrEqual(10_240);
    expect(codes.filter((c) => c !== "ok").every((c) => ["LimitExceeded", "ConcurrentModification"].includes(c))).toBe(true);
  });
});
