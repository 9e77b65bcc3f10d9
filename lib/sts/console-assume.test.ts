import { beforeAll, describe, expect, it } from "vitest";
import { useFreshTestDb } from "@/lib/db/test-db";
import type { ConsoleAssumeDenied, ConsoleAssumeGranted, ConsoleAssumeRoleInput } from "@/lib/domain/console-assume";
import { listAuditEvents } from "@/lib/iam/audit";
import type { RequestContext } from "@/lib/iam/context";
import { createRole } from "@/lib/iam/roles";
import { refusal } from "@/lib/iam/test-helpers";
import { createUser } from "@/lib/iam/users";
import { assumeRoleFromConsole } from "./console-assume";
import { searchAssumeCallers } from "./console-caller";
import { listRoleSessionViews } from "./console-sessions";
import { revokeOlderSessions, revokeSession } from "./sessions";

const ctx: RequestContext = { accountId: "111111111111", actor: "admin@example.com", source: "console", requestId: "r-1" };
const partner: RequestContext = { ...ctx, accountId: "222222222222" };
const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const trusting = (principal: string, extra: object = {}) => doc({ Effect: "Allow", Principal: { AWS: principal }, Action: "sts:AssumeRole", ...extra });

let alice: { arn: string };
beforeAll(async () => {
  await useFreshTestDb();
  alice = await createUser(ctx, { UserName: "alice" });
});

const assume = (roleName: string, input: Partial<ConsoleAssumeRoleInput> & Pick<ConsoleAssumeRoleInput, "Caller">, now?: Date) =>
  assumeRoleFromConsole({ ctx, roleName, input: { RoleSessionName: "console", ...input }, env: { now } });
const asAlice = { kind: "user", arn: "arn:aws:iam::111111111111:user/alice" } as const;

describe("assumeRoleFromConsole", () => {
  it("assumes a role as a user through STS, and the audit event says who asked on whose behalf", async () => {
    const role = await createRole(ctx, { RoleName: "reader", AssumeRolePolicyDocument: trusting(alice.arn) });
    const out = (await assume("reader", { Caller: asAlice, RoleSessionName: "alice-console" })) as ConsoleAssumeGranted;
    expect(out).toMatchObject({ granted: true, callerArn: alice.arn, assumedRoleUser: { arn: "arn:aws:sts::111111111111:assumed-role/reader/alice-console", assumedRoleId: `${role.id}:alice-console` } });
    expect(out.credentials.accessKeyId).toMatch(/^ASIA/);
    const [event] = await listAuditEvents({ target: role.arn, limit: 1 });
    expect(event).toMatchObject({ action: "AssumeRole", actor: "admin@example.com", source: "console", outcome: "Success", details: expect.objectContaining({ callerArn: alice.arn, sessionName: "alice-console" }) });
    expect(JSON.stringify(event)).not.toContain(out.credentials.secretAccessKey);
  });

  it("chains from an active role session, capped at one hour", async () => {
    const first = await createRole(ctx, {
      RoleName: "first",
      AssumeRolePolicyDocument: doc({ Effect: "Allow", Principal: { AWS: alice.arn }, Action: ["sts:AssumeRole", "sts:SetSourceIdentity"] }),
    });
    await createRole(ctx, { RoleName: "second", AssumeRolePolicyDocument: trusting(first.arn) });
    const session = (await assume("first", { Caller: asAlice, SourceIdentity: "alice" })) as ConsoleAssumeGranted;
    expect(session.granted).toBe(true);
    const fromSession = { kind: "session", accessKeyId: session.credentials.accessKeyId } as const;
    const chained = (await assume("second", { Caller: fromSession })) as ConsoleAssumeGranted;
    expect(chained).toMatchObject({ granted: true, callerArn: session.assumedRoleUser.arn, sourceIdentity: "alice" });
    const tooLong = await refusal(assume("second", { Caller: fromSession, DurationSeconds: 7200 }));
    expect(tooLong.message).toBe("The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");
  });

  it("explains a refusal: AWS's words, the decision, the trust policy's text and what would have to change", async () => {
    await createRole(ctx, { RoleName: "vendor", AssumeRolePolicyDocument: trusting(alice.arn, { Sid: "Vendor", Condition: { StringEquals: { "sts:ExternalId": "ext-123" } } }) });
    const out = (await assume("vendor", { Caller: asAlice })) as ConsoleAssumeDenied;
    expect(out.granted).toBe(false);
    expect(out.error).toEqual({ code: "AccessDenied", message: `User: ${alice.arn} is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::111111111111:role/vendor` });
    expect(out.decision).toMatchObject({ decision: "ImplicitlyDenied", deniedBy: "trust" });
    expect(out.advice.changes).toEqual([`Statement #1 (Sid "Vendor") of the role's trust policy: pass External ID "ext-123": the trust policy requires it.`]);
    expect(out.policies).toEqual([expect.objectContaining({ title: "the role's trust policy", ref: expect.objectContaining({ type: "trust" }) })]);
    expect(out.policies[0].document).toContain('"sts:ExternalId": "ext-123"');
    const [event] = await listAuditEvents({ target: "arn:aws:iam::111111111111:role/vendor", limit: 1 });
    expect(event.details?.reasons).toContainEqual(expect.stringMatching(/^Statement #1 \(Sid "Vendor"\) of the role trust policy would allow it, but its condition does not hold/));
    expect((await assume("vendor", { Caller: asAlice, ExternalId: "ext-123" })).granted).toBe(true);
  });

  it("acts as a user of another account, which its own policies must allow", async () => {
    const bob = await createUser(partner, { UserName: "bob" });
    await createRole(ctx, { RoleName: "shared", AssumeRolePolicyDocument: trusting("arn:aws:iam::222222222222:root") });
    const denied = (await assume("shared", { Caller: { kind: "user", arn: bob.arn } })) as ConsoleAssumeDenied;
    expect(denied).toMatchObject({ granted: false, callerArn: bob.arn, decision: { deniedBy: "identity" } });
    expect(denied.advice.changes).toContain(`Attach a policy to the user ${bob.arn} that allows "sts:AssumeRole" on "arn:aws:iam::111111111111:role/shared".`);
  });

  it("refuses a user or a session that does not exist, a revoked session and an expired one", async () => {
    expect((await refusal(assume("reader", { Caller: { kind: "user", arn: "arn:aws:iam::111111111111:user/nobody" } }))).code).toBe("NoSuchEntity");
    expect((await refusal(assume("reader", { Caller: { kind: "session", accessKeyId: "ASIAAAAAAAAAAAAAAAAA" } }))).code).toBe("NoSuchEntity");
    const s = (await assume("first", { Caller: asAlice })) as ConsoleAssumeGranted;
    const ref = { kind: "session", accessKeyId: s.credentials.accessKeyId } as const;
    expect((await refusal(assume("second", { Caller: ref }, new Date(Date.now() + 2 * 3600_000)))).code).toBe("ExpiredToken");
    await revokeSession(ctx, "first", s.credentials.accessKeyId);
    expect((await refusal(assume("second", { Caller: ref }))).code).toBe("InvalidClientTokenId");
  });
});

describe("searchAssumeCallers", () => {
  it("finds users of every account with their MFA devices, and active role sessions by ARN or key id", async () => {
    const users = await searchAssumeCallers({ kind: "user", search: "b" });
    expect(users).toContainEqual({ kind: "user", arn: "arn:aws:iam::222222222222:user/bob", name: "bob", accountId: "222222222222", accountAlias: "partner", mfaDevices: [] });
    const s = (await assume("first", { Caller: asAlice, RoleSessionName: "findme" })) as ConsoleAssumeGranted;
    expect((await searchAssumeCallers({ kind: "session", search: "findme" })).map((o) => o.kind === "session" && o.accessKeyId)).toEqual([s.credentials.accessKeyId]);
    expect(await searchAssumeCallers({ kind: "session", search: s.credentials.accessKeyId })).toHaveLength(1);
  });
});

describe("listRoleSessionViews", () => {
  it("marks sessions revoked one by one and those AWSRevokeOlderSessions cuts off; later ones stay active", async () => {
    await createRole(ctx, { RoleName: "watched", AssumeRolePolicyDocument: trusting(alice.arn) });
    const t0 = Date.now() - 10 * 60_000;
    const one = (await assume("watched", { Caller: asAlice, RoleSessionName: "one" }, new Date(t0))) as ConsoleAssumeGranted;
    const two = (await assume("watched", { Caller: asAlice, RoleSessionName: "two" }, new Date(t0 + 1000))) as ConsoleAssumeGranted;
    await revokeSession(ctx, "watched", one.credentials.accessKeyId);
    await revokeOlderSessions(ctx, "watched", new Date(t0 + 60_000));
    const three = (await assume("watched", { Caller: asAlice, RoleSessionName: "three" })) as ConsoleAssumeGranted;
    const status = Object.fromEntries((await listRoleSessionViews(ctx, "watched")).map((s) => [s.sessionName, s.status]));
    expect(status).toEqual({ one: "revoked", two: "revoked-by-policy", three: "active" });
    expect(two.granted && three.granted).toBe(true);
  });
});
