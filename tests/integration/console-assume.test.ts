import { beforeAll, describe, expect, inject, it } from "vitest";
import { GetRoleCommand } from "@aws-sdk/client-iam";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { Secret, TOTP } from "otpauth";
import { ConsoleClient, uniqueName } from "./console-client";
import { failure } from "./support/aws";
import { iamClientWith, stsClient, type SessionCredentials } from "./support/sts";

/**
 * The console's Assume role and Sessions routes against a real server: the same STS code path as the API (the
 * credentials it returns work through @aws-sdk/client-sts), refusals explained, viewers and bad input refused.
 */

type ApiError = { error: { code: string; message: string } };
type Granted = { granted: true; callerArn: string; credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string; expiration: string }; assumedRoleUser: { arn: string }; sourceIdentity: string | null };
type Denied = { granted: false; callerArn: string; check: string; error: { code: string; message: string }; decision: { decision: string; deniedBy?: string } | null; advice: { summary: string; changes: string[] }; policies: { title: string; document: string }[] };
type SessionRow = { id: string; sessionName: string; callerArn: string; status: string; mfaAuthenticated: boolean; tags: { Key: string; Value: string }[] };
type Activity = { action: string; actor: string; outcome: string; details: { callerArn?: string; sessionName?: string; reasons?: string[] } | null };

const baseUrl = inject("baseUrl");
const A = "111111111111";
let admin: ConsoleClient;
let viewer: ConsoleClient;
let partnerAdmin: ConsoleClient;

beforeAll(async () => {
  admin = await ConsoleClient.signIn(inject("adminEmail"), inject("adminPassword"));
  viewer = await ConsoleClient.signIn(inject("viewerEmail"), inject("viewerPassword"));
  partnerAdmin = (await ConsoleClient.signIn(inject("adminEmail"), inject("adminPassword"))).setCookie("rp-account", "222222222222");
});

const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const creds = (g: Granted): SessionCredentials => ({ accessKeyId: g.credentials.accessKeyId, secretAccessKey: g.credentials.secretAccessKey, sessionToken: g.credentials.sessionToken });

async function newUser(client = admin) {
  const res = await client.json<{ arn: string; name: string }>("POST", "/api/console/users", { UserName: uniqueName("caller") });
  expect(res.status).toBe(201);
  return res.body;
}

async function newRole(trust: string) {
  const name = uniqueName("assumable");
  const res = await admin.json<{ arn: string; name: string }>("POST", "/api/console/roles", { RoleName: name, AssumeRolePolicyDocument: trust });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

const trusting = (principal: string, extra: object = {}) => doc({ Effect: "Allow", Principal: { AWS: principal }, Action: ["sts:AssumeRole", "sts:TagSession", "sts:SetSourceIdentity"], ...extra });
const assume = <T = Granted | Denied>(role: string, body: object, client = admin) => client.json<T>("POST", `/api/console/roles/${role}/assume`, body);
const asUser = (arn: string) => ({ kind: "user", arn });

describe("Assume role from the console", () => {
  it("assumes as an IAM user: the credentials work through the STS API, once, uncached, and the trail names both", async () => {
    const user = await newUser();
    const role = await newRole(trusting(user.arn));
    const res = await admin.request("POST", `/api/console/roles/${role.name}/assume`, {
      json: { Caller: asUser(user.arn), RoleSessionName: "console-test", SourceIdentity: "someone", Tags: [{ Key: "team", Value: "blue" }], TransitiveTagKeys: ["team"] },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const out = (await res.json()) as Granted;
    expect(out).toMatchObject({ granted: true, callerArn: user.arn, sourceIdentity: "someone", assumedRoleUser: { arn: `arn:aws:sts::${A}:assumed-role/${role.name}/console-test` } });
    const me = await stsClient(baseUrl, creds(out)).send(new GetCallerIdentityCommand({}));
    expect(me.Arn).toBe(out.assumedRoleUser.arn);

    const activity = await admin.json<Activity[]>("GET", `/api/console/roles/${role.name}/activity`);
    const event = activity.body.find((e) => e.action === "AssumeRole");
    expect(event).toMatchObject({ actor: inject("adminEmail"), outcome: "Success", details: { callerArn: user.arn, sessionName: "console-test" } });
    expect(JSON.stringify(activity.body)).not.toContain(out.credentials.secretAccessKey);

    const sessions = await admin.json<SessionRow[]>("GET", `/api/console/roles/${role.name}/sessions`);
    expect(sessions.body).toEqual([expect.objectContaining({ id: out.credentials.accessKeyId, callerArn: user.arn, status: "active", tags: [{ Key: "team", Value: "blue" }] })]);
    expect(JSON.stringify(sessions.body)).not.toContain(out.credentials.secretAccessKey);
    const listed = await admin.json<{ items: { name: string; lastUsedAt: string | null }[] }>("GET", `/api/console/roles?search=${role.name}`);
    expect(listed.body.items[0].lastUsedAt).not.toBeNull();
  });

  it("assumes as an active role session (a chain), within the one-hour chaining cap", async () => {
    const user = await newUser();
    const first = await newRole(trusting(user.arn));
    const second = await newRole(trusting(first.arn));
    const session = (await assume<Granted>(first.name, { Caller: asUser(user.arn), RoleSessionName: "hop-1", SourceIdentity: "alice" })).body;
    const asSession = { kind: "session", accessKeyId: session.credentials.accessKeyId };
    const chained = await assume<Granted>(second.name, { Caller: asSession, RoleSessionName: "hop-2", DurationSeconds: 3600 });
    expect(chained.body).toMatchObject({ granted: true, callerArn: session.assumedRoleUser.arn, sourceIdentity: "alice" });
    const tooLong = await assume<ApiError>(second.name, { Caller: asSession, RoleSessionName: "hop-3", DurationSeconds: 7200 });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error).toEqual(expect.objectContaining({ code: "ValidationError", message: "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining." }));
    const found = await admin.json<{ accessKeyId: string }[]>("GET", `/api/console/assume-callers?kind=session&search=${session.credentials.accessKeyId}`);
    expect(found.body.map((s) => s.accessKeyId)).toEqual([session.credentials.accessKeyId]);
  });

  it("explains a denial: AWS's words verbatim, the decision, the trust policy and what would have to change", async () => {
    const user = await newUser();
    const role = await newRole(trusting(user.arn, { Sid: "NeedsExternalId", Condition: { StringEquals: { "sts:ExternalId": "vendor-42" } } }));
    const res = await assume<Denied>(role.name, { Caller: asUser(user.arn), RoleSessionName: "no-external-id" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      granted: false,
      check: "trust",
      error: { code: "AccessDenied", message: `User: ${user.arn} is not authorized to perform: sts:AssumeRole on resource: ${role.arn}` },
      decision: { decision: "ImplicitlyDenied", deniedBy: "trust" },
    });
    expect(res.body.advice.changes).toEqual([`Statement #1 (Sid "NeedsExternalId") of the role's trust policy: pass External ID "vendor-42": the trust policy requires it.`]);
    expect(res.body.policies.map((p) => p.title)).toEqual(["the role's trust policy"]);
    const activity = await admin.json<Activity[]>("GET", `/api/console/roles/${role.name}/activity`);
    expect(activity.body.find((e) => e.action === "AssumeRole")).toMatchObject({ outcome: "Failure", details: { callerArn: user.arn, reasons: expect.arrayContaining([expect.stringContaining("sts:ExternalId")]) } });
    expect((await assume<Granted>(role.name, { Caller: asUser(user.arn), RoleSessionName: "with-id", ExternalId: "vendor-42" })).body.granted).toBe(true);
  });

  it("assumes with a code from one of the user's MFA devices; the code is then spent", async () => {
    const user = await newUser();
    const created = await admin.json<{ serialNumber: string; base32StringSeed: string }>("POST", `/api/console/users/${user.name}/mfa-devices`, { VirtualMFADeviceName: uniqueName("phone") });
    const secret = Secret.fromBase32(created.body.base32StringSeed);
    const code = (stepsAgo: number) => TOTP.generate({ secret, timestamp: Date.now() - stepsAgo * 30_000 });
    // Enabled with the two codes before the current one, so the current code is still unspent.
    const enabled = await admin.json("POST", `/api/console/users/${user.name}/mfa-devices/enable`, { SerialNumber: created.body.serialNumber, AuthenticationCode1: code(2), AuthenticationCode2: code(1) });
    expect(enabled.status).toBe(204);
    const found = await admin.json<{ mfaDevices: string[] }[]>("GET", `/api/console/assume-callers?kind=user&search=${encodeURIComponent(user.arn)}`);
    expect(found.body[0].mfaDevices).toEqual([created.body.serialNumber]);

    const role = await newRole(trusting(user.arn, { Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } }));
    const withoutMfa = (await assume<Denied>(role.name, { Caller: asUser(user.arn), RoleSessionName: "no-mfa" })).body;
    expect(withoutMfa.advice.changes.join(" ")).toContain("authenticate with MFA");
    const mfa = { SerialNumber: created.body.serialNumber, TokenCode: code(0) };
    expect((await assume<Granted>(role.name, { Caller: asUser(user.arn), RoleSessionName: "with-mfa", ...mfa })).body.granted).toBe(true);
    const sessions = (await admin.json<SessionRow[]>("GET", `/api/console/roles/${role.name}/sessions`)).body;
    expect(sessions.find((s) => s.sessionName === "with-mfa")?.mfaAuthenticated).toBe(true);
    const replayed = (await assume<Denied>(role.name, { Caller: asUser(user.arn), RoleSessionName: "replay", ...mfa })).body;
    expect(replayed).toMatchObject({ granted: false, check: "mfa", decision: null });
    expect(replayed.advice.summary).toBe(`The MFA code was not accepted for ${created.body.serialNumber}.`);
  });

  it("assumes as a user of another account once its own policy allows it", async () => {
    const bob = await newUser(partnerAdmin);
    expect(bob.arn).toMatch(/^arn:aws:iam::222222222222:user\//);
    const role = await newRole(trusting("arn:aws:iam::222222222222:root"));
    const denied = (await assume<Denied>(role.name, { Caller: asUser(bob.arn), RoleSessionName: "partner" })).body;
    expect(denied).toMatchObject({ granted: false, decision: { deniedBy: "identity" } });
    expect(denied.advice.summary).toMatch(/across accounts/);
    const put = await partnerAdmin.json("PUT", `/api/console/users/${bob.name}/inline-policies/assume-shared`, {
      PolicyDocument: doc({ Effect: "Allow", Action: "sts:AssumeRole", Resource: role.arn }),
    });
    expect(put.status).toBe(204);
    expect((await assume<Granted>(role.name, { Caller: asUser(bob.arn), RoleSessionName: "partner" })).body).toMatchObject({ granted: true, callerArn: bob.arn });
  });

  it("refuses a viewer, and creates no session", async () => {
    const user = await newUser();
    const role = await newRole(trusting(user.arn));
    const res = await assume<ApiError>(role.name, { Caller: asUser(user.arn), RoleSessionName: "viewer" }, viewer);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("AccessDenied");
    expect((await admin.json<SessionRow[]>("GET", `/api/console/roles/${role.name}/sessions`)).body).toEqual([]);
  });

  it("refuses an admin's cookie sent from another origin, and creates no session", async () => {
    const user = await newUser();
    const role = await newRole(trusting(user.arn));
    const res = await admin.request("POST", `/api/console/roles/${role.name}/assume`, {
      json: { Caller: asUser(user.arn), RoleSessionName: "csrf" },
      headers: { origin: "https://attacker.example", "sec-fetch-site": "cross-site" },
    });
    expect(res.status).toBe(403);
    expect((await admin.json<SessionRow[]>("GET", `/api/console/roles/${role.name}/sessions`)).body).toEqual([]);
  });

  it("refuses malformed input with AWS's ValidationError and changes nothing", async () => {
    const user = await newUser();
    const role = await newRole(trusting(user.arn));
    const cases: [object, RegExp][] = [
      [{ Caller: asUser(user.arn), RoleSessionName: "has space" }, /at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern/],
      [{ RoleSessionName: "no-caller" }, /Value null at 'caller'/],
      [{ Caller: { kind: "root", arn: user.arn }, RoleSessionName: "x1" }, /'caller/],
      [{ Caller: { kind: "session", accessKeyId: "AKIAROLEPLANETEST001" }, RoleSessionName: "x1" }, /'caller.accessKeyId'/],
      [{ Caller: asUser(user.arn), RoleSessionName: "x1", DurationSeconds: "3600" }, /'durationSeconds'/],
      [{ Caller: asUser(user.arn), RoleSessionName: "x1", DurationSeconds: 600 }, /Member must have value greater than or equal to 900/],
      [{ Caller: asUser(user.arn), RoleSessionName: "x1", Tags: [{ Key: "", Value: "v" }] }, /'tags.1.member.key'|tags/i],
    ];
    for (const [body, message] of cases) {
      const res = await assume<ApiError>(role.name, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe("ValidationError");
      expect(res.body.error.message).toMatch(message);
    }
    const proto = await admin.request("POST", `/api/console/roles/${role.name}/assume`, {
      body: `{"__proto__":{"granted":true},"Caller":{"kind":"user","arn":"${user.arn}"},"RoleSessionName":"proto"}`,
      headers: { "content-type": "application/json" },
    });
    expect(((await proto.json()) as Granted).granted).toBe(true);
    expect((await admin.json<SessionRow[]>("GET", `/api/console/roles/${role.name}/sessions`)).body.map((s) => s.sessionName)).toEqual(["proto"]);
    const path = `/api/console/roles/${role.name}/assume`;
    const huge = await admin.request("POST", path, { body: JSON.stringify({ Caller: asUser(user.arn), RoleSessionName: "x".repeat(2 * 1024 * 1024) }), headers: { "content-type": "application/json" } });
    expect(huge.status).toBe(413);
    const deep = await admin.request("POST", path, { body: `{"Caller":${"[".repeat(5000)}${"]".repeat(5000)}}`, headers: { "content-type": "application/json" } });
    expect(deep.status).toBe(400);
    const anonymous = await new ConsoleClient().json<ApiError>("POST", path, { Caller: asUser(user.arn), RoleSessionName: "anon" });
    expect(anonymous.status).toBe(401);
    expect((await admin.json<SessionRow[]>("GET", `/api/console/roles/${role.name}/sessions`)).body).toHaveLength(1);
    const missingRole = await assume<ApiError>("no-such-role-here", { Caller: asUser(user.arn), RoleSessionName: "x1" });
    expect(missingRole.status).toBe(404);
    const nobody = await assume<ApiError>(role.name, { Caller: asUser(`arn:aws:iam::${A}:user/nobody-${Date.now()}`), RoleSessionName: "x1" });
    expect(nobody.body.error.code).toBe("NoSuchEntity");
  });

  it("finds callers of every account and refuses a bad search", async () => {
    const bob = await newUser(partnerAdmin);
    const found = await viewer.json<{ arn: string; accountAlias: string | null; mfaDevices: string[] }[]>("GET", `/api/console/assume-callers?kind=user&search=${bob.name}`);
    expect(found.body).toEqual([expect.objectContaining({ arn: bob.arn, accountAlias: "partner", mfaDevices: [] })]);
    expect((await admin.json<ApiError>("GET", "/api/console/assume-callers?kind=everyone")).status).toBe(400);
  });
});

describe("Sessions: revoke one, and Revoke active sessions", () => {
  async function sessionOn(extraPolicy = false) {
    const user = await newUser();
    const role = await newRole(trusting(user.arn));
    if (extraPolicy) expect((await admin.json("POST", `/api/console/roles/${role.name}/attached-policies`, { PolicyArn: "arn:aws:iam::aws:policy/IAMReadOnlyAccess" })).status).toBe(204);
    const out = (await assume<Granted>(role.name, { Caller: asUser(user.arn), RoleSessionName: uniqueName("s").slice(0, 40) })).body;
    return { role, out };
  }

  it("revoking one session refuses its credentials at the API from the next request on", async () => {
    const { role, out } = await sessionOn();
    const sts = stsClient(baseUrl, creds(out));
    await sts.send(new GetCallerIdentityCommand({}));
    const one = `/api/console/roles/${role.name}/sessions/${out.credentials.accessKeyId}`;
    expect((await viewer.json<ApiError>("DELETE", one)).status).toBe(403);
    await sts.send(new GetCallerIdentityCommand({}));
    expect((await admin.json("DELETE", one)).status).toBe(204);
    expect((await failure(sts.send(new GetCallerIdentityCommand({})))).code).toBe("InvalidClientTokenId");
    const rows = (await admin.json<SessionRow[]>("GET", `/api/console/roles/${role.name}/sessions`)).body;
    expect(rows[0]).toMatchObject({ id: out.credentials.accessKeyId, status: "revoked" });
    expect((await admin.json("DELETE", one)).status).toBe(204); // revoking again changes nothing and is not an error
    expect((await admin.json<ApiError>("DELETE", `/api/console/roles/${role.name}/sessions/not-a-key`)).status).toBe(400);
  });

  it("refuses to revoke from another origin or for a viewer, and the session keeps working", async () => {
    const { role, out } = await sessionOn();
    const one = `/api/console/roles/${role.name}/sessions/${out.credentials.accessKeyId}`;
    const crossSite = { origin: "https://attacker.example", "sec-fetch-site": "cross-site" };
    expect((await admin.request("DELETE", one, { headers: crossSite })).status).toBe(403);
    expect((await admin.request("POST", `/api/console/roles/${role.name}/sessions/revoke-active`, { json: { Acknowledged: true }, headers: crossSite })).status).toBe(403);
    expect((await viewer.json<ApiError>("POST", `/api/console/roles/${role.name}/sessions/revoke-active`, { Acknowledged: true })).status).toBe(403);
    await stsClient(baseUrl, creds(out)).send(new GetCallerIdentityCommand({}));
    expect((await admin.json<SessionRow[]>("GET", `/api/console/roles/${role.name}/sessions`)).body[0].status).toBe("active");
    expect((await admin.json<unknown[]>("GET", `/api/console/roles/${role.name}/inline-policies`)).body).toEqual([]);
  });

  it("Revoke active sessions refuses a smuggled, oversized or deeply nested acknowledgement and writes nothing", async () => {
    const { role } = await sessionOn();
    const path = `/api/console/roles/${role.name}/sessions/revoke-active`;
    const send = (body: string) => admin.request("POST", path, { body, headers: { "content-type": "application/json" } });
    const proto = await send('{"__proto__":{"Acknowledged":true}}');
    expect(proto.status).toBe(400);
    expect(((await proto.json()) as ApiError).error.code).toBe("ValidationError");
    expect((await send('{"Acknowledged":"true"}')).status).toBe(400);
    expect((await send(JSON.stringify({ Acknowledged: true, padding: "x".repeat(2 * 1024 * 1024) }))).status).toBe(413);
    expect((await send(`{"Acknowledged":${"[".repeat(5000)}${"]".repeat(5000)}}`)).status).toBe(400);
    expect((await admin.json<unknown[]>("GET", `/api/console/roles/${role.name}/inline-policies`)).body).toEqual([]);
    expect((await admin.json<SessionRow[]>("GET", `/api/console/roles/${role.name}/sessions`)).body[0].status).toBe("active");
  });

  it("Revoke active sessions writes AWSRevokeOlderSessions, asks for the acknowledgement, and older credentials lose every permission", async () => {
    const { role, out } = await sessionOn(true);
    const iam = iamClientWith(baseUrl, creds(out));
    expect((await iam.send(new GetRoleCommand({ RoleName: role.name }))).Role?.Arn).toBe(role.arn);
    const path = `/api/console/roles/${role.name}/sessions/revoke-active`;
    expect((await admin.json<ApiError>("POST", path, {})).status).toBe(400);
    expect((await viewer.json<ApiError>("POST", path, { Acknowledged: true })).status).toBe(403);
    expect((await admin.json("POST", path, { Acknowledged: true })).status).toBe(204);
    const inline = await admin.json<{ name: string; document: string }[]>("GET", `/api/console/roles/${role.name}/inline-policies`);
    expect(inline.body.map((p) => p.name)).toEqual(["AWSRevokeOlderSessions"]);
    expect(JSON.parse(inline.body[0].document).Statement[0]).toMatchObject({ Effect: "Deny", Action: ["*"], Resource: ["*"], Condition: { DateLessThan: { "aws:TokenIssueTime": expect.any(String) } } });
    const refused = await failure(iam.send(new GetRoleCommand({ RoleName: role.name })));
    expect(refused.code).toBe("AccessDenied");
    expect((await admin.json<SessionRow[]>("GET", `/api/console/roles/${role.name}/sessions`)).body[0].status).toBe("revoked-by-policy");
  });
});
