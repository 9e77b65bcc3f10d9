import { beforeAll, describe, expect, it } from "vitest";
import { useFreshTestDb } from "@/lib/db/test-db";
import type { Caller } from "@/lib/iam/callers";
import type { RequestContext } from "@/lib/iam/context";
import * as roles from "@/lib/iam/roles";
import * as users from "@/lib/iam/users";
import { authorizeApiCall, AccessDeniedError } from "@/lib/iam/authorize";
import { refusal } from "@/lib/iam/test-helpers";
import { assumeRole } from "./assume-role";
import { findSessionSigningKey, loadSession } from "./session-auth";
import { listActiveRoleSessions, revokeOlderSessions, revokeOlderSessionsPolicy, revokeSession } from "./sessions";

const ACCT = "111111111111";
const ctx: RequestContext = { accountId: ACCT, actor: "tester@example.com", source: "console", requestId: "r-sts" };
const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });

async function userCaller(name: string): Promise<Caller> {
  const u = await users.createUser(ctx, { UserName: name });
  return { kind: "user", accountId: ACCT, arn: u.arn, userId: u.id, userName: u.name };
}

async function roleTrusting(name: string, principalArn: string, extra: object = {}) {
  return roles.createRole(ctx, { RoleName: name, AssumeRolePolicyDocument: doc({ Effect: "Allow", Principal: { AWS: principalArn }, Action: "sts:AssumeRole", ...extra }) });
}

beforeAll(useFreshTestDb);

describe("assumeRole", () => {
  it("answers a refusal as a value with the decision behind it", async () => {
    const caller = await userCaller("denied-user");
    const role = await roleTrusting("strict", `arn:aws:iam::${ACCT}:root`, { Condition: { StringEquals: { "sts:ExternalId": "x-1" } } });
    const out = await assumeRole({ ctx, caller, input: { RoleArn: role.arn, RoleSessionName: "s1" }, env: {} });
    expect(out.granted).toBe(false);
    if (out.granted) return;
    expect(out.check).toBe("trust");
    expect(out.error.message).toBe(`User: ${caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${role.arn}`);
    expect(out.decision?.decision).toBe("ImplicitlyDenied");
    expect(out.explanation.length).toBeGreaterThan(0);
  });

  it("issues a session the next request authenticates with, until it expires", async () => {
    const caller = await userCaller("granted-user");
    const role = await roleTrusting("open", caller.arn);
    const t0 = new Date();
    const out = await assumeRole({ ctx, caller, input: { RoleArn: role.arn, RoleSessionName: "s1", DurationSeconds: 900 }, env: { now: t0 } });
    if (!out.granted) throw out.error;
    const { accessKeyId, sessionToken, secretAccessKey } = out.issued.credentials;
    expect((await findSessionSigningKey(accessKeyId, sessionToken, t0))?.secretAccessKey).toBe(secretAccessKey);
    const later = new Date(t0.getTime() + 901_000);
    const expired = await refusal(findSessionSigningKey(accessKeyId, sessionToken, later));
    expect([expired.code, expired.message]).toEqual(["ExpiredToken", "The security token included in the request is expired"]);
  });
});

describe("revocation", () => {
  it("one revoked session is refused from the next request; others go on", async () => {
    const caller = await userCaller("revoke-one");
    const role = await roleTrusting("revoke-one-role", caller.arn);
    const issue = async (name: string) => {
      const out = await assumeRole({ ctx, caller, input: { RoleArn: role.arn, RoleSessionName: name }, env: {} });
      if (!out.granted) throw out.error;
      return out.issued.credentials;
    };
    const a = await issue("a1");
    const b = await issue("b1");
    expect((await listActiveRoleSessions(ctx, role.name)).map((s) => s.sessionName).sort()).toEqual(["a1", "b1"]);
    await revokeSession(ctx, role.name, a.accessKeyId);
    expect(await findSessionSigningKey(a.accessKeyId, a.sessionToken)).toBeNull();
    expect(await findSessionSigningKey(b.accessKeyId, b.sessionToken)).not.toBeNull();
    expect((await refusal(revokeSession(ctx, role.name, "ASIANOSUCHSESSION123"))).code).toBe("NoSuchEntity");
  });

  it("writes AWS's AWSRevokeOlderSessions policy, which denies the older sessions everything", async () => {
    const caller = await userCaller("revoke-all");
    const role = await roles.createRole(ctx, {
      RoleName: "revoke-all-role",
      AssumeRolePolicyDocument: doc({ Effect: "Allow", Principal: { AWS: caller.arn }, Action: "sts:AssumeRole" }),
      InlinePolicies: [{ PolicyName: "read", PolicyDocument: doc({ Effect: "Allow", Action: "iam:GetRole", Resource: "*" }) }],
    });
    const out = await assumeRole({ ctx, caller, input: { RoleArn: role.arn, RoleSessionName: "older" }, env: { now: new Date(Date.now() - 5000) } });
    if (!out.granted) throw out.error;
    const session = (await loadSession(out.issued.credentials.accessKeyId))!;
    const asSession: Caller = { kind: "session", accountId: ACCT, arn: session.arn, accessKeyId: session.id, session };
    await expect(authorizeApiCall(asSession, "iam:GetRole", role.arn)).resolves.toMatchObject({ decision: "Allowed" });
    await revokeOlderSessions(ctx, role.name);
    const denied = await refusal(authorizeApiCall(asSession, "iam:GetRole", role.arn));
    expect(denied).toBeInstanceOf(AccessDeniedError);
    expect(denied.message).toContain("with an explicit deny in an identity-based policy");
  });

  it("AWS's policy names the second after now, so a session issued in the same second is revoked too", () => {
    const policy = JSON.parse(revokeOlderSessionsPolicy(new Date("2026-11-29T10:00:00.400Z")));
    expect(policy.Statement[0]).toEqual({ Effect: "Deny", Action: ["*"], Resource: ["*"], Condition: { DateLessThan: { "aws:TokenIssueTime": "2026-11-29T10:00:01Z" } } });
  });
});
