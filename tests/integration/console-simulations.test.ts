import { beforeAll, describe, expect, inject, it } from "vitest";
import { ConsoleClient, uniqueName } from "./console-client";

/**
 * The console's simulations beyond the Simulator's form: a role session or another account's principal as the
 * principal, Test who can assume's trust evaluation, the catalogue completion routes, and roles compared with
 * resource-based policies — each read-only (viewers may run them), refused signed out, and attacked.
 */

type ApiError = { error: { code: string; message: string } };
type Row = { decision: string; trustEvaluated: boolean; matched: { documentId: string; sourcePolicyId: string; start: { line: number }; end: { line: number } }[]; reasons: string[] };
type View = { results: { action: string; decision: string; resources: Row[] }[]; documents: { id: string; policyType: string; text: string }[]; principal?: { arn: string; kind: string } };
type Comparison = {
  callerAccount: string;
  resourceAccount: string;
  viaRole?: { roleArn: string; decision: string; assume: View; act: View };
  viaResourcePolicy: { decision: string; view: View };
  differences: { topic: string; text: string }[];
};

const baseUrl = inject("baseUrl");
const A = "111111111111";
const B = "222222222222";
let admin: ConsoleClient;
let viewer: ConsoleClient;
let partnerAdmin: ConsoleClient;

beforeAll(async () => {
  admin = await ConsoleClient.signIn(inject("adminEmail"), inject("adminPassword"));
  viewer = await ConsoleClient.signIn(inject("viewerEmail"), inject("viewerPassword"));
  partnerAdmin = (await ConsoleClient.signIn(inject("adminEmail"), inject("adminPassword"))).setCookie("rp-account", B);
});

const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement }, null, 2);
const simulate = <T = View>(body: object, client = viewer) => client.json<T>("POST", "/api/console/simulations", body);
const first = (v: View) => v.results[0].resources[0];

async function newUser(client = admin, policy?: string) {
  const res = await client.json<{ arn: string; name: string }>("POST", "/api/console/users", { UserName: uniqueName("sim") });
  expect(res.status).toBe(201);
  if (policy) expect((await client.json("PUT", `/api/console/users/${res.body.name}/inline-policies/p`, { PolicyDocument: policy })).status).toBe(204);
  return res.body;
}

async function newRole(trust: string, client = admin, policy?: string) {
  const res = await client.json<{ arn: string; name: string }>("POST", "/api/console/roles", { RoleName: uniqueName("sim"), AssumeRolePolicyDocument: trust });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  if (policy) expect((await client.json("PUT", `/api/console/roles/${res.body.name}/inline-policies/p`, { PolicyDocument: policy })).status).toBe(204);
  return res.body;
}

describe("principals the console simulates as", () => {
  it("simulates a role session by its assumed-role ARN, with the role's policies, and lists it among the principals", async () => {
    const user = await newUser();
    const role = await newRole(doc({ Effect: "Allow", Principal: { AWS: user.arn }, Action: "sts:AssumeRole" }), admin, doc({ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }));
    const assumed = await admin.json<{ granted: boolean; assumedRoleUser: { arn: string } }>("POST", `/api/console/roles/${role.name}/assume`, { Caller: { kind: "user", arn: user.arn }, RoleSessionName: "sim" });
    expect(assumed.body.granted).toBe(true);
    const sessionArn = assumed.body.assumedRoleUser.arn;

    const listed = await viewer.json<{ items: { arn: string; roleArn: string }[] }>("GET", "/api/console/simulations/principals");
    expect(listed.body.items).toContainEqual(expect.objectContaining({ arn: sessionArn, roleArn: role.arn }));

    const res = await simulate({ PolicySourceArn: sessionArn, ActionNames: ["s3:GetObject", "s3:PutObject"] });
    expect(res.status).toBe(200);
    expect(res.body.principal).toEqual({ arn: sessionArn, kind: "session" });
    expect(res.body.results.map((r) => r.decision)).toEqual(["allowed", "implicitDeny"]);

    const gone = await simulate<ApiError>({ PolicySourceArn: `arn:aws:sts::${A}:assumed-role/${role.name}/never-issued`, ActionNames: ["s3:GetObject"] });
    expect(gone.body.error).toMatchObject({ code: "NoSuchEntity", message: expect.stringContaining("No usable session") });
  });

  it("takes another account's principal the store does not hold: the trust policy decides once its account is supposed to allow", async () => {
    const outsider = "arn:aws:iam::999999999999:user/outsider";
    const role = await newRole(doc({ Effect: "Allow", Principal: { AWS: outsider }, Action: "sts:AssumeRole" }));
    const body = { PolicySourceArn: outsider, ActionNames: ["sts:AssumeRole"], ResourceArns: [role.arn] };
    const unknown = await simulate(body);
    expect(unknown.body.principal).toEqual({ arn: outsider, kind: "external" });
    expect(first(unknown.body)).toMatchObject({ decision: "implicitDeny", trustEvaluated: true });
    const supposed = await simulate({ ...body, SupposeExternalAllowed: true });
    expect(first(supposed.body)).toMatchObject({ decision: "allowed", trustEvaluated: true });
    expect(supposed.body.documents.map((d) => d.id)).toEqual(["SupposedByItsAccount", role.arn]);
  });
});

describe("Test who can assume", () => {
  it("explains a denial by the trust policy at the deny statement's lines, and an allow with MFA", async () => {
    const user = await newUser();
    const trust = doc(
      { Sid: "Team", Effect: "Allow", Principal: { AWS: user.arn }, Action: "sts:AssumeRole" },
      { Sid: "NeedsMfa", Effect: "Deny", Principal: { AWS: "*" }, Action: "sts:AssumeRole", Condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } } },
    );
    const role = await newRole(trust);
    const mfa = (v: string) => ({ PolicySourceArn: user.arn, ActionNames: ["sts:AssumeRole"], ResourceArns: [role.arn], ContextEntries: [{ ContextKeyName: "aws:MultiFactorAuthPresent", ContextKeyType: "boolean", ContextKeyValues: [v] }] });
    const denied = first((await simulate(mfa("false"))).body);
    expect(denied.decision).toBe("explicitDeny");
    // The Deny statement's `{` is the line before its Sid, in the trust policy as it was written.
    const line = trust.split("\n").findIndex((l) => l.includes('"Sid": "NeedsMfa"'));
    expect(denied.matched).toEqual([expect.objectContaining({ documentId: role.arn, sourcePolicyId: "AssumeRolePolicyDocument", start: expect.objectContaining({ line }) })]);
    expect(denied.reasons[0]).toMatch(/^Explicitly denied/);
    const allowed = first((await simulate(mfa("true"))).body);
    expect(allowed).toMatchObject({ decision: "allowed", trustEvaluated: true });
  });
});

describe("the Simulator's completion", () => {
  it("finds actions, expands a service's actions and describes an action's resources and keys", async () => {
    const found = await viewer.json<{ items: { action: string; accessLevel: string }[] }>("GET", "/api/console/simulations/actions?q=s3%3Agetobj");
    expect(found.body.items[0]).toEqual({ action: "s3:GetObject", accessLevel: "Read" });
    const services = await viewer.json<{ items: { action: string }[] }>("GET", "/api/console/simulations/actions?q=kms");
    expect(services.body.items[0]).toEqual({ action: "kms:*", accessLevel: "All actions" });
    const all = await viewer.json<{ items: { action: string }[] }>("GET", "/api/console/simulations/actions?service=sqs");
    expect(all.body.items.map((i) => i.action)).toEqual(expect.arrayContaining(["sqs:SendMessage", "sqs:ReceiveMessage"]));
    expect(all.body.items.every((i) => i.action.startsWith("sqs:"))).toBe(true);

    const help = await viewer.json<{ items: { action: string; known: boolean; resources: { type: string; arn: string }[]; conditionKeys: { key: string; type: string }[] }[] }>(
      "GET",
      "/api/console/simulations/action-help?action=s3%3AGetObject&action=nope%3ANothing",
    );
    const [get, nope] = help.body.items;
    expect(get.resources).toContainEqual(expect.objectContaining({ type: "object", arn: "arn:${Partition}:s3:::${BucketName}/${ObjectName}" }));
    expect(get.conditionKeys).toContainEqual({ key: "s3:TlsVersion", type: "numeric" });
    expect(nope).toMatchObject({ known: false, resources: [] });
  });

  it("refuses the signed out and bad queries", async () => {
    for (const path of ["/api/console/simulations/actions?q=s3", "/api/console/simulations/action-help?action=s3:GetObject", "/api/console/simulations/principals"])
      expect((await fetch(`${baseUrl}${path}`, { redirect: "manual" })).status).toBe(401);
    const bad = async (path: string) => (await viewer.json<ApiError>("GET", path)).body.error.code;
    expect(await bad(`/api/console/simulations/actions?q=${"a".repeat(129)}`)).toBe("ValidationError");
    expect(await bad("/api/console/simulations/actions?service=..%2Fetc")).toBe("ValidationError");
    expect(await bad("/api/console/simulations/action-help")).toBe("ValidationError");
    expect(await bad(`/api/console/simulations/action-help?${Array.from({ length: 21 }, () => "action=s3:GetObject").join("&")}`)).toBe("ValidationError");
    expect((await viewer.json<{ items: unknown[] }>("GET", "/api/console/simulations/actions?q=%00%00")).body.items).toEqual([]);
  });
});

describe("roles compared with resource-based policies", () => {
  it("evaluates both ways across accounts, each explained, and says what differs", async () => {
    const alice = await newUser(admin, doc({ Effect: "Allow", Action: ["sts:AssumeRole", "s3:GetObject"], Resource: "*" }));
    const readers = await newRole(doc({ Effect: "Allow", Principal: { AWS: alice.arn }, Action: "sts:AssumeRole" }), partnerAdmin, doc({ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::shared/*" }));
    const policy = doc({ Effect: "Allow", Principal: { AWS: alice.arn }, Action: "s3:GetObject", Resource: "arn:aws:s3:::shared/*" });
    const body = { PrincipalArn: alice.arn, Action: "s3:GetObject", ResourceArn: "arn:aws:s3:::shared/report.csv", RoleArn: readers.arn, ResourcePolicy: policy };
    const res = await viewer.json<Comparison>("POST", "/api/console/simulations/compare", body);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ callerAccount: A, resourceAccount: B, viaRole: { decision: "allowed" }, viaResourcePolicy: { decision: "allowed" } });
    expect(first(res.body.viaRole!.assume)).toMatchObject({ decision: "allowed", trustEvaluated: true });
    expect(res.body.differences.map((d) => d.topic)).toEqual(["Outcome", "Whose permissions apply", "What the audit records", "Which services support it"]);

    const other = doc({ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${A}:user/someone-else` }, Action: "s3:GetObject", Resource: "arn:aws:s3:::shared/*" });
    const onlyRole = await viewer.json<Comparison>("POST", "/api/console/simulations/compare", { ...body, ResourcePolicy: other });
    expect(onlyRole.body.viaResourcePolicy.decision).toBe("implicitDeny");
    expect(onlyRole.body.differences[0].text).toMatch(/^Only the role allows it/);
  });

  it("refuses a role outside the resource's account, an unknown role, the signed out and hostile bodies", async () => {
    const alice = await newUser();
    const own = await newRole(doc({ Effect: "Allow", Principal: { AWS: alice.arn }, Action: "sts:AssumeRole" }));
    const policy = doc({ Effect: "Allow", Principal: { AWS: alice.arn }, Action: "sqs:SendMessage", Resource: "*" });
    const body = { PrincipalArn: alice.arn, Action: "sqs:SendMessage", ResourceArn: `arn:aws:sqs:us-east-1:${B}:orders`, RoleArn: own.arn, ResourcePolicy: policy };
    const code = async (b: unknown) => (await admin.json<ApiError>("POST", "/api/console/simulations/compare", b)).body.error?.code;
    expect(await code(body)).toBe("InvalidInput");
    expect(await code({ ...body, RoleArn: `arn:aws:iam::${B}:role/does-not-exist` })).toBe("NoSuchEntity");
    expect(await code({ ...body, ResourcePolicy: "{" })).toBe("InvalidInput");
    expect(await code({ ...body, ResourceAccount: "12" })).toBe("ValidationError");
    expect(await code({ ...body, Action: ["sqs:SendMessage"] })).toBe("ValidationError");
    const proto = await admin.json<Comparison>("POST", "/api/console/simulations/compare", JSON.parse(`{"__proto__":{"polluted":1},${JSON.stringify({ ...body, RoleArn: undefined }).slice(1)}`));
    expect(proto.status).toBe(200);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const signedOut = await fetch(`${baseUrl}/api/console/simulations/compare`, { method: "POST", headers: { "content-type": "application/json", origin: baseUrl }, body: JSON.stringify(body) });
    expect(signedOut.status).toBe(401);
    const foreign = await admin.request("POST", "/api/console/simulations/compare", { json: body, headers: { origin: "https://evil.example" } });
    expect(foreign.status).toBe(403);
  });
});
