import { beforeAll, describe, expect, inject, it } from "vitest";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { ConsoleClient, uniqueName } from "./console-client";
import { stsClient } from "./support/sts";

/**
 * The console's federated sign-in to a role (POST /api/console/roles/<name>/federated-sign-in) against a running
 * server: credentials that work, a refusal with AWS's words and the evaluator's explanation, viewers refused by the
 * server, hostile bodies refused with 4xx.
 */

type Reply =
  | { granted: true; credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string }; assumedRoleUser: { arn: string }; provider: string; subject: string }
  | { granted: false; check: string; error: { code: string; message: string }; explanation: string[] };

const ACCT = "111111111111";
const SUB = "repo:acme/app:ref:refs/heads/main";
let admin: ConsoleClient;
let viewer: ConsoleClient;
let oidcArn: string;
let samlArn: string;

beforeAll(async () => {
  admin = await ConsoleClient.signIn(inject("adminEmail"), inject("adminPassword"));
  viewer = await ConsoleClient.signIn(inject("viewerEmail"), inject("viewerPassword"));
  const demo = async (kind: "oidc" | "saml") => {
    const list = await admin.json<{ demo: { oidcArn: string | null; samlArn: string | null } }>("GET", "/api/console/identity-providers");
    const arn = kind === "oidc" ? list.body.demo.oidcArn : list.body.demo.samlArn;
    return arn ?? (await admin.json<{ arn: string }>("POST", `/api/console/identity-providers/demo/${kind}`)).body.arn;
  };
  oidcArn = await demo("oidc");
  samlArn = await demo("saml");
});

async function newRole(trust: object) {
  const name = uniqueName("fed-console");
  const created = await admin.json("POST", "/api/console/roles", { RoleName: name, AssumeRolePolicyDocument: JSON.stringify({ Version: "2012-10-17", Statement: [trust] }) });
  expect(created.status).toBe(201);
  return name;
}

const token = async (subject: string) => (await admin.json<{ token: string }>("POST", "/api/console/identity-providers/demo/oidc/token", { subject, audience: "sts.amazonaws.com" })).body.token;
const signIn = (client: ConsoleClient, role: string, body: unknown) => client.json<Reply>("POST", `/api/console/roles/${role}/federated-sign-in`, body);

describe("federated sign-in in the console", () => {
  it("signs in with a token of the test identity provider; the credentials authenticate as the role session", async () => {
    const role = await newRole({ Effect: "Allow", Principal: { Federated: oidcArn }, Action: "sts:AssumeRoleWithWebIdentity", Condition: { StringEquals: { [`demo-idp.roleplane.test/${ACCT}:sub`]: SUB } } });
    const reply = await signIn(admin, role, { kind: "web-identity", RoleSessionName: "console", WebIdentityToken: await token(SUB), DurationSeconds: 900 });
    expect(reply.status).toBe(200);
    if (!reply.body.granted) throw new Error(JSON.stringify(reply.body));
    expect(reply.body).toMatchObject({ provider: oidcArn, subject: SUB, assumedRoleUser: { arn: `arn:aws:sts::${ACCT}:assumed-role/${role}/console` } });
    const { accessKeyId, secretAccessKey, sessionToken } = reply.body.credentials;
    const me = await stsClient(inject("baseUrl"), { accessKeyId, secretAccessKey, sessionToken }).send(new GetCallerIdentityCommand({}));
    expect(me.Arn).toBe(`arn:aws:sts::${ACCT}:assumed-role/${role}/console`);
  });

  it("answers a refusal with AWS's words and the evaluator's explanation", async () => {
    const role = await newRole({ Effect: "Allow", Principal: { Federated: oidcArn }, Action: "sts:AssumeRoleWithWebIdentity", Condition: { StringEquals: { [`demo-idp.roleplane.test/${ACCT}:sub`]: SUB } } });
    const reply = await signIn(admin, role, { kind: "web-identity", RoleSessionName: "console", WebIdentityToken: await token("someone-else") });
    expect(reply.body).toMatchObject({ granted: false, check: "trust", error: { code: "AccessDenied", message: "Not authorized to perform sts:AssumeRoleWithWebIdentity" } });
    if (reply.body.granted) throw new Error("granted");
    expect(reply.body.explanation.join(" ")).toMatch(/trust policy/i);

    const assertion = (await admin.json<{ samlAssertion: string }>("POST", "/api/console/identity-providers/demo/saml/assertion", { subject: "alice", roleArns: [`arn:aws:iam::${ACCT}:role/${role}`], roleSessionName: "alice" })).body.samlAssertion;
    const saml = await signIn(admin, role, { kind: "saml", PrincipalArn: samlArn, SAMLAssertion: assertion });
    expect(saml.body).toMatchObject({ granted: false, check: "trust", error: { code: "AccessDenied", message: "Not authorized to perform sts:AssumeRoleWithSAML" } });
    const tampered = await signIn(admin, role, { kind: "web-identity", RoleSessionName: "console", WebIdentityToken: "a.b.c" });
    expect(tampered.body).toMatchObject({ granted: false, check: "token", error: { code: "InvalidIdentityToken" } });
  });

  it("refuses a viewer on the server, and hostile bodies with 4xx", async () => {
    const role = await newRole({ Effect: "Allow", Principal: { Federated: oidcArn }, Action: "sts:AssumeRoleWithWebIdentity" });
    const asViewer = await signIn(viewer, role, { kind: "web-identity", RoleSessionName: "console", WebIdentityToken: await token(SUB) });
    expect(asViewer.status).toBe(403);
    expect(asViewer.body).toMatchObject({ error: { code: "AccessDenied" } });

    const oversized = await signIn(admin, role, { kind: "saml", PrincipalArn: samlArn, SAMLAssertion: "A".repeat(100_004) });
    expect(oversized.status).toBe(400);
    expect(JSON.stringify(oversized.body)).not.toContain("AAAAAAAA");
    expect((await signIn(admin, role, { kind: "password", secret: "x" })).status).toBe(400);
    const proto = await admin.request("POST", `/api/console/roles/${role}/federated-sign-in`, {
      body: '{"__proto__": {"kind": "web-identity"}, "constructor": {"prototype": {"x": 1}}}',
      headers: { "content-type": "application/json" },
    });
    expect(proto.status).toBe(400);
    expect((await signIn(admin, "no-such-role-xyz", { kind: "web-identity", RoleSessionName: "console", WebIdentityToken: await token(SUB) })).status).toBe(404);
  });
});
