import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { fromIni } from "@aws-sdk/credential-provider-ini";
import { CreateRoleCommand, CreateSAMLProviderCommand, GetRoleCommand, PutRolePolicyCommand } from "@aws-sdk/client-iam";
import {
  AssumeRoleCommand,
  AssumeRoleWithSAMLCommand,
  AssumeRoleWithWebIdentityCommand,
  GetCallerIdentityCommand,
  STSClient,
} from "@aws-sdk/client-sts";
import { generateDemoOidcKeys, generateDemoSamlIdentity, mintDemoJwt, mintDemoSamlResponse, signElement } from "@/lib/federation/demo-idp";
import { ConsoleClient } from "./console-client";
import { failure, iamClient, rawRequest, uniqueName } from "./support/aws";
import { asCredentials, iamClientWith, stsClient } from "./support/sts";

/**
 * Federation that really signs in, through the official SDK's STS client against a running server: tokens and
 * assertions minted by the account's test identity provider (and by keys of this test's own providers, for the
 * ones the minter will not make: expired, hostile), the trust policy's claim conditions, AWS's refusals, and
 * credentials that authenticate as the role session.
 */

const baseUrl = inject("baseUrl");
const admin = { accessKeyId: inject("adminAccessKeyId"), secretAccessKey: inject("adminSecretAccessKey") };
const iam = iamClient(baseUrl, admin);
const ACCT = "111111111111";
const OIDC_KEY = `demo-idp.roleplane.test/${ACCT}`;
const SUB = "repo:acme/app:ref:refs/heads/main";
const SAML_AUD = "https://signin.aws.amazon.com/saml";
const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });
/** The SDK sends these two actions unsigned: the client needs no credentials. */
const anonymous = new STSClient({ endpoint: `${baseUrl}/api/aws`, region: "us-east-1", maxAttempts: 1 });

let console_: ConsoleClient;
let oidcArn: string;
let samlArn: string;

async function ensureDemo(kind: "oidc" | "saml"): Promise<string> {
  const list = await console_.json<{ demo: { oidcArn: string | null; samlArn: string | null } }>("GET", "/api/console/identity-providers");
  const arn = kind === "oidc" ? list.body.demo.oidcArn : list.body.demo.samlArn;
  if (arn) return arn;
  const created = await console_.json<{ arn: string }>("POST", `/api/console/identity-providers/demo/${kind}`);
  expect(created.status).toBe(201);
  return created.body.arn;
}

const mintToken = async (body: { subject: string; audience?: string; claims?: Record<string, string | string[]> }) => {
  const minted = await console_.json<{ token: string }>("POST", "/api/console/identity-providers/demo/oidc/token", { audience: "sts.amazonaws.com", ...body });
  expect(minted.status).toBe(201);
  return minted.body.token;
};

const mintAssertion = async (body: { subject: string; roleArns: string[]; roleSessionName: string; attributes?: Record<string, string[]> }) => {
  const minted = await console_.json<{ samlAssertion: string }>("POST", "/api/console/identity-providers/demo/saml/assertion", body);
  expect(minted.status).toBe(201);
  return minted.body.samlAssertion;
};

async function newRole(prefix: string, ...trust: object[]) {
  const name = uniqueName(prefix);
  const r = await iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: doc(...trust), MaxSessionDuration: 7200 }));
  return { name, arn: r.Role!.Arn!, id: r.Role!.RoleId! };
}

const trustOidc = (provider: string, condition: object, action = "sts:AssumeRoleWithWebIdentity") => ({
  Effect: "Allow",
  Principal: { Federated: provider },
  Action: action,
  Condition: condition,
});

const webIdentity = (RoleArn: string, WebIdentityToken: string, extra: object = {}) =>
  anonymous.send(new AssumeRoleWithWebIdentityCommand({ RoleArn, RoleSessionName: "ci-run", WebIdentityToken, ...extra }));

beforeAll(async () => {
  console_ = await ConsoleClient.signIn(inject("adminEmail"), inject("adminPassword"));
  oidcArn = await ensureDemo("oidc");
  samlArn = await ensureDemo("saml");
});

/** An OIDC provider of this test's own, with its keys uploaded as Roleplane's Jwks member, for tokens the minter will not make. */
async function ownOidcProvider() {
  const keys = await generateDemoOidcKeys();
  const issuer = `https://${uniqueName("issuer")}.example.com`;
  const created = await rawRequest({
    baseUrl,
    credentials: admin,
    params: { Action: "CreateOpenIDConnectProvider", Version: "2010-05-08", Url: issuer, "ClientIDList.member.1": "sts.amazonaws.com", Jwks: JSON.stringify(keys.jwks) },
  });
  expect(created.status).toBe(200);
  const arn = `arn:aws:iam::${ACCT}:oidc-provider/${issuer.slice("https://".length)}`;
  const mint = (claims: Record<string, unknown>, at = new Date(), subject = SUB) =>
    mintDemoJwt({ issuer, privateKeyPem: keys.privateKeyPem, kid: keys.kid }, { subject, audience: "sts.amazonaws.com", expiresInSeconds: 3600, claims: claims as Record<string, string> }, at).then((m) => m.token);
  return { arn, issuer, keys, mint, prefix: issuer.slice("https://".length) };
}

describe("AssumeRoleWithWebIdentity", () => {
  it("issues a role session for a token of the test identity provider, whose credentials call GetCallerIdentity, and audits it naming the provider", async () => {
    const role = await newRole("web", trustOidc(oidcArn, { StringEquals: { [`${OIDC_KEY}:aud`]: "sts.amazonaws.com", [`${OIDC_KEY}:sub`]: SUB } }));
    const out = await webIdentity(role.arn, await mintToken({ subject: SUB }), { DurationSeconds: 1800 });
    expect(out).toMatchObject({
      SubjectFromWebIdentityToken: SUB,
      Audience: "sts.amazonaws.com",
      Provider: oidcArn,
      AssumedRoleUser: { AssumedRoleId: `${role.id}:ci-run`, Arn: `arn:aws:sts::${ACCT}:assumed-role/${role.name}/ci-run` },
    });
    expect(out.Credentials?.AccessKeyId).toMatch(/^ASIA/);
    const seconds = (out.Credentials!.Expiration!.getTime() - Date.now()) / 1000;
    expect(seconds).toBeGreaterThan(1700);
    expect(seconds).toBeLessThanOrEqual(1800);

    const me = await stsClient(baseUrl, asCredentials(out.Credentials)).send(new GetCallerIdentityCommand({}));
    expect(me).toEqual(expect.objectContaining({ UserId: `${role.id}:ci-run`, Account: ACCT, Arn: `arn:aws:sts::${ACCT}:assumed-role/${role.name}/ci-run` }));

    const activity = await console_.json<{ action: string; outcome: string; actor: string; details: { provider?: string; subject?: string } }[]>("GET", `/api/console/roles/${role.name}/activity`);
    expect(activity.body).toContainEqual(
      expect.objectContaining({ action: "AssumeRoleWithWebIdentity", outcome: "Success", actor: `${oidcArn}:${SUB}`, details: expect.objectContaining({ provider: oidcArn, subject: SUB }) }),
    );
  });

  it("refuses a token for another audience, a subject the trust policy does not name, and a role that does not trust the provider, in AWS's words", async () => {
    const role = await newRole("web-sub", trustOidc(oidcArn, { StringEquals: { [`${OIDC_KEY}:sub`]: SUB } }));
    expect(await failure(webIdentity(role.arn, await mintToken({ subject: SUB, audience: "some-other-app" })))).toEqual({
      code: "InvalidIdentityToken",
      message: "Incorrect token audience",
      status: 400,
    });
    expect(await failure(webIdentity(role.arn, await mintToken({ subject: "repo:evil/app:ref:refs/heads/main" })))).toEqual({
      code: "AccessDenied",
      message: "Not authorized to perform sts:AssumeRoleWithWebIdentity",
      status: 403,
    });
    const samlOnly = await newRole("web-saml-only", { Effect: "Allow", Principal: { Federated: samlArn }, Action: "sts:AssumeRoleWithSAML" });
    expect((await failure(webIdentity(samlOnly.arn, await mintToken({ subject: SUB })))).code).toBe("AccessDenied");
    const missing = `arn:aws:iam::${ACCT}:role/no-such-role-${Date.now()}`;
    expect((await failure(webIdentity(missing, await mintToken({ subject: SUB })))).message).toBe("Not authorized to perform sts:AssumeRoleWithWebIdentity");

    const activity = await console_.json<{ action: string; outcome: string; errorCode: string }[]>("GET", `/api/console/roles/${role.name}/activity`);
    expect(activity.body.filter((e) => e.action === "AssumeRoleWithWebIdentity").map((e) => e.errorCode).sort()).toEqual(["AccessDenied", "InvalidIdentityToken"]);
  });

  it("refuses an expired token, a tampered signature and an issuer the account has no provider for", async () => {
    const own = await ownOidcProvider();
    const role = await newRole("web-own", trustOidc(own.arn, { StringEquals: { [`${own.prefix}:aud`]: "sts.amazonaws.com" } }));
    expect((await webIdentity(role.arn, await own.mint({}))).Provider).toBe(own.arn);

    const expired = await failure(webIdentity(role.arn, await own.mint({}, new Date(Date.now() - 2 * 3600_000))));
    expect(expired).toMatchObject({ code: "ExpiredTokenException", status: 400 });
    expect(expired.message).toMatch(/^Token expired: current date\/time \d+ must be before the expiration date\/time \d+$/);

    const [h, p, s] = (await own.mint({})).split(".");
    const tampered = `${h}.${p}.${s.slice(0, 10)}${s[10] === "A" ? "B" : "A"}${s.slice(11)}`;
    expect(await failure(webIdentity(role.arn, tampered))).toMatchObject({ code: "InvalidIdentityToken", status: 400 });
    const forgedClaims = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p, "base64url").toString()), sub: "someone-else" })).toString("base64url");
    expect((await failure(webIdentity(role.arn, `${h}.${forgedClaims}.${s}`))).code).toBe("InvalidIdentityToken");

    const stranger = await generateDemoOidcKeys();
    const unknownIssuer = `https://${uniqueName("stranger")}.example.com`;
    const foreign = await mintDemoJwt({ issuer: unknownIssuer, privateKeyPem: stranger.privateKeyPem, kid: stranger.kid }, { subject: SUB, audience: "sts.amazonaws.com", expiresInSeconds: 600, claims: {} });
    expect(await failure(webIdentity(role.arn, foreign.token))).toEqual({
      code: "InvalidIdentityToken",
      message: `No OpenIDConnect provider found in your account for ${unknownIssuer}`,
      status: 400,
    });
  });

  it("takes session tags and a source identity from the token's claims, only where the trust policy allows sts:TagSession and sts:SetSourceIdentity", async () => {
    const own = await ownOidcProvider();
    const claims = {
      "https://aws.amazon.com/tags": { principal_tags: { team: ["blue"] }, transitive_tag_keys: ["team"] },
      "https://aws.amazon.com/source_identity": "alice",
    };
    const allowing = await newRole("web-tags", trustOidc(own.arn, {}, "sts:AssumeRoleWithWebIdentity"), {
      Effect: "Allow",
      Principal: { Federated: own.arn },
      Action: ["sts:TagSession", "sts:SetSourceIdentity"],
      Condition: { StringEquals: { "aws:RequestTag/team": "blue" } },
    });
    await iam.send(new PutRolePolicyCommand({ RoleName: allowing.name, PolicyName: "tagged", PolicyDocument: doc({ Effect: "Allow", Action: "iam:GetRole", Resource: "*", Condition: { StringEquals: { "aws:PrincipalTag/team": "blue" } } }) }));
    const out = await webIdentity(allowing.arn, await own.mint(claims));
    expect(out.SourceIdentity).toBe("alice");
    expect(out.PackedPolicySize).toBeGreaterThan(0);
    const asSession = iamClientWith(baseUrl, asCredentials(out.Credentials));
    expect((await asSession.send(new GetRoleCommand({ RoleName: allowing.name }))).Role?.RoleName).toBe(allowing.name);

    const plain = await newRole("web-notags", trustOidc(own.arn, {}));
    expect(await failure(webIdentity(plain.arn, await own.mint(claims)))).toEqual({ code: "AccessDenied", message: "Not authorized to perform sts:TagSession", status: 403 });
  });

  it("applies session policies and the role's MaxSessionDuration, and validates every parameter", async () => {
    const role = await newRole("web-params", trustOidc(oidcArn, { StringEquals: { [`${OIDC_KEY}:sub`]: SUB } }));
    const token = await mintToken({ subject: SUB });
    const narrowed = await webIdentity(role.arn, token, { Policy: doc({ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }), PolicyArns: [{ arn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }] });
    expect(narrowed.PackedPolicySize).toBeGreaterThan(0);
    expect(await failure(webIdentity(role.arn, token, { DurationSeconds: 7201 }))).toEqual({
      code: "ValidationError",
      message: "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.",
      status: 400,
    });
    expect((await failure(webIdentity(role.arn, token, { Policy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow"}]}' }))).code).toBe("MalformedPolicyDocument");
    expect((await failure(webIdentity(role.arn, token, { RoleSessionName: "a" }))).message).toMatch(/at 'roleSessionName' failed to satisfy constraint: Member must have length greater than or equal to 2/);
  });

  it("answers hostile tokens with AWS's errors, never echoing the token: oversized, not a JWT, alg none, and __proto__ claims", async () => {
    const role = await newRole("web-hostile", trustOidc(oidcArn, {}));
    const huge = `${"a".repeat(10_000)}.${"b".repeat(10_000)}.c`;
    const tooLong = await failure(webIdentity(role.arn, huge));
    expect(tooLong).toMatchObject({ code: "ValidationError", status: 400 });
    expect(tooLong.message).toBe("1 validation error detected: Value '*** Sensitive Data Redacted ***' at 'webIdentityToken' failed to satisfy constraint: Member must have length less than or equal to 20000");
    expect(await failure(webIdentity(role.arn, "not-a-jwt"))).toMatchObject({ code: "InvalidIdentityToken", status: 400 });
    const none = `${Buffer.from('{"alg":"none"}').toString("base64url")}.${Buffer.from(JSON.stringify({ iss: `https://${OIDC_KEY}`, sub: SUB, aud: "sts.amazonaws.com", exp: 9_999_999_999 })).toString("base64url")}.`;
    expect((await failure(webIdentity(role.arn, none))).code).toBe("InvalidIdentityToken");

    const own = await ownOidcProvider();
    const tagging = await newRole("web-proto", trustOidc(own.arn, {}), { Effect: "Allow", Principal: { Federated: own.arn }, Action: "sts:TagSession" });
    const proto = JSON.parse('{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}, "https://aws.amazon.com/tags": {"principal_tags": {"__proto__": ["x"]}}}') as Record<string, unknown>;
    const out = await webIdentity(tagging.arn, await own.mint(proto));
    expect(out.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${ACCT}:assumed-role/${tagging.name}/ci-run`);
    const badTags = await failure(webIdentity(tagging.arn, await own.mint({ "https://aws.amazon.com/tags": { principal_tags: { team: ["a", "b"] } } })));
    expect(badTags).toMatchObject({ code: "InvalidParameterValue", status: 400 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("a web identity session in the SDK's own flows", () => {
  it("a profile with web_identity_token_file (as EKS and GitHub Actions set up) signs in through the SDK's credential provider", async () => {
    const role = await newRole("web-profile", trustOidc(oidcArn, { StringEquals: { [`${OIDC_KEY}:sub`]: SUB } }));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "roleplane-web-identity-"));
    try {
      fs.writeFileSync(path.join(dir, "token"), await mintToken({ subject: SUB }));
      fs.writeFileSync(path.join(dir, "credentials"), "");
      fs.writeFileSync(path.join(dir, "config"), `[profile ci]\nrole_arn = ${role.arn}\nweb_identity_token_file = ${path.join(dir, "token")}\nrole_session_name = from-token-file\nregion = us-east-1\n`);
      // The SDK's service-specific endpoint variable, as a user points the SDK at Roleplane without code changes.
      process.env.AWS_ENDPOINT_URL_STS = `${baseUrl}/api/aws`;
      const credentials = fromIni({ profile: "ci", filepath: path.join(dir, "credentials"), configFilepath: path.join(dir, "config") });
      const sts = new STSClient({ endpoint: `${baseUrl}/api/aws`, region: "us-east-1", credentials, maxAttempts: 1 });
      expect((await sts.send(new GetCallerIdentityCommand({}))).Arn).toBe(`arn:aws:sts::${ACCT}:assumed-role/${role.name}/from-token-file`);
    } finally {
      delete process.env.AWS_ENDPOINT_URL_STS;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a web identity session assuming another role is role chaining: one hour at most, transitive tags carried", async () => {
    const own = await ownOidcProvider();
    const first = await newRole("web-chain-1", trustOidc(own.arn, {}), { Effect: "Allow", Principal: { Federated: own.arn }, Action: "sts:TagSession" });
    await iam.send(new PutRolePolicyCommand({ RoleName: first.name, PolicyName: "assume", PolicyDocument: doc({ Effect: "Allow", Action: "sts:AssumeRole", Resource: "*" }) }));
    const second = await newRole("web-chain-2", {
      Effect: "Allow",
      Principal: { AWS: first.arn },
      Action: "sts:AssumeRole",
      Condition: { StringEquals: { "aws:PrincipalTag/team": "blue" } },
    });
    const token = await own.mint({ "https://aws.amazon.com/tags": { principal_tags: { team: ["blue"] }, transitive_tag_keys: ["team"] } });
    const session = asCredentials((await webIdentity(first.arn, token)).Credentials);
    const chained = stsClient(baseUrl, session);
    expect((await failure(chained.send(new AssumeRoleCommand({ RoleArn: second.arn, RoleSessionName: "hop", DurationSeconds: 3601 })))).message).toBe(
      "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.",
    );
    const hop = await chained.send(new AssumeRoleCommand({ RoleArn: second.arn, RoleSessionName: "hop" }));
    expect(hop.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${ACCT}:assumed-role/${second.name}/hop`);
  });
});

/** A SAML provider of this test's own (its key held here), a role trusting it, and what minting for that role takes. */
async function ownSamlProvider() {
  const name = uniqueName("Corp").replace(/-/g, "_");
  const entityId = `https://${name}.example.com/saml`;
  const identity = generateDemoSamlIdentity(entityId);
  const provider = (await iam.send(new CreateSAMLProviderCommand({ Name: name, SAMLMetadataDocument: identity.metadataXml }))).SAMLProviderArn!;
  const ownRole = await newRole("saml-own", { Effect: "Allow", Principal: { Federated: provider }, Action: "sts:AssumeRoleWithSAML" });
  const key = { entityId, providerArn: provider, privateKeyPem: identity.privateKeyPem, certificatePem: identity.certificatePem };
  const input = { subject: "bob", nameIdFormat: "transient" as const, roleArns: [ownRole.arn], roleSessionName: "bob", audience: SAML_AUD, recipient: SAML_AUD, expiresInSeconds: 300, attributes: {} };
  return { provider, ownRole, key, input };
}

describe("AssumeRoleWithSAML", () => {
  const saml = (RoleArn: string, SAMLAssertion: string, PrincipalArn = samlArn, extra: object = {}) =>
    anonymous.send(new AssumeRoleWithSAMLCommand({ RoleArn, PrincipalArn, SAMLAssertion, ...extra }));
  const trustSaml = (condition: object = { StringEquals: { "SAML:aud": SAML_AUD } }) => ({ Effect: "Allow", Principal: { Federated: samlArn }, Action: "sts:AssumeRoleWithSAML", Condition: condition });

  it("issues a role session for an assertion of the test identity provider, with AWS's response members", async () => {
    const role = await newRole("saml", trustSaml());
    const assertion = await mintAssertion({ subject: "alice@example.com", roleArns: [role.arn], roleSessionName: "alice" });
    const out = await saml(role.arn, assertion, samlArn, { DurationSeconds: 900 });
    expect(out).toMatchObject({
      Subject: "alice@example.com",
      SubjectType: "persistent",
      Issuer: `https://demo-idp.roleplane.test/${ACCT}/saml`,
      Audience: SAML_AUD,
      AssumedRoleUser: { AssumedRoleId: `${role.id}:alice`, Arn: `arn:aws:sts::${ACCT}:assumed-role/${role.name}/alice` },
    });
    expect(out.NameQualifier).toMatch(/^[A-Za-z0-9+/]{27}=$/);
    const me = await stsClient(baseUrl, asCredentials(out.Credentials)).send(new GetCallerIdentityCommand({}));
    expect(me.Arn).toBe(`arn:aws:sts::${ACCT}:assumed-role/${role.name}/alice`);
    const activity = await console_.json<{ action: string; outcome: string; details: { provider?: string } }[]>("GET", `/api/console/roles/${role.name}/activity`);
    expect(activity.body).toContainEqual(expect.objectContaining({ action: "AssumeRoleWithSAML", outcome: "Success", details: expect.objectContaining({ provider: samlArn, subject: "alice@example.com" }) }));
  });

  it("evaluates SAML:sub and principal tags from PrincipalTag attributes, and refuses in AWS's words", async () => {
    const role = await newRole("saml-sub", trustSaml({ StringEquals: { "SAML:sub": "alice@example.com", "SAML:sub_type": "persistent" } }), {
      Effect: "Allow",
      Principal: { Federated: samlArn },
      Action: "sts:TagSession",
    });
    const tagged = await mintAssertion({ subject: "alice@example.com", roleArns: [role.arn], roleSessionName: "alice", attributes: { "https://aws.amazon.com/SAML/Attributes/PrincipalTag:team": ["blue"] } });
    expect((await saml(role.arn, tagged)).PackedPolicySize).toBeGreaterThan(0);
    expect(await failure(saml(role.arn, await mintAssertion({ subject: "mallory@example.com", roleArns: [role.arn], roleSessionName: "mallory" })))).toEqual({
      code: "AccessDenied",
      message: "Not authorized to perform sts:AssumeRoleWithSAML",
      status: 403,
    });
    const other = await newRole("saml-other", trustSaml());
    expect(await failure(saml(other.arn, await mintAssertion({ subject: "alice@example.com", roleArns: [role.arn], roleSessionName: "alice" })))).toEqual({
      code: "InvalidIdentityToken",
      message: "SAML Assertion doesn't contain the requested Role and Metadata in the attributes",
      status: 400,
    });
    expect(await failure(saml(role.arn, tagged, `arn:aws:iam::${ACCT}:saml-provider/NoSuchProvider`))).toEqual({ code: "InvalidIdentityToken", message: "Specified provider doesn't exist", status: 400 });
  });

  it("refuses a tampered assertion, an expired one, and XML entity and DTD attacks", async () => {
    const role = await newRole("saml-attack", trustSaml());
    const assertion = await mintAssertion({ subject: "alice@example.com", roleArns: [role.arn], roleSessionName: "alice" });
    const xml = Buffer.from(assertion, "base64").toString("utf8");
    const tampered = Buffer.from(xml.replace(">alice@example.com<", ">admin@example.com<")).toString("base64");
    expect(await failure(saml(role.arn, tampered))).toEqual({ code: "InvalidIdentityToken", message: "Response signature invalid", status: 400 });

    // A provider of this test's own, so an assertion can be signed as issued two hours ago.
    const { provider, ownRole, key, input } = await ownSamlProvider();
    expect((await saml(ownRole.arn, mintDemoSamlResponse(key, input).samlAssertion, provider)).SubjectType).toBe("transient");
    const old = mintDemoSamlResponse(key, input, new Date(Date.now() - 2 * 3600_000)).samlAssertion;
    expect((await failure(saml(ownRole.arn, old, provider))).code).toBe("ExpiredTokenException");

    // Entities and DTDs are refused before anything is expanded, signed or not.
    const fresh = Buffer.from(mintDemoSamlResponse(key, input).samlAssertion, "base64").toString("utf8");
    const laughs = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>`;
    const withDtd = Buffer.from(laughs + fresh.replace(">bob<", ">&c;<")).toString("base64");
    const dtd = await failure(saml(ownRole.arn, withDtd, provider));
    expect(dtd).toMatchObject({ code: "InvalidIdentityToken", status: 400 });
    const external = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>`;
    expect((await failure(saml(ownRole.arn, Buffer.from(external + fresh.replace(">bob<", ">&x;<")).toString("base64"), provider))).code).toBe("InvalidIdentityToken");
    expect((await failure(saml(ownRole.arn, Buffer.from("<not xml").toString("base64"), provider))).code).toBe("InvalidIdentityToken");
    expect((await failure(saml(ownRole.arn, "!!!not base64!!!", provider))).message).toBe("Invalid base64 SAMLResponse");
  });

  it("cuts the session at the assertion's SessionNotOnOrAfter, whatever DurationSeconds asks", async () => {
    const { provider, ownRole, key, input } = await ownSamlProvider();
    const endsAt = new Date(Math.floor(Date.now() / 1000) * 1000 + 1200_000);
    const bare = Buffer.from(mintDemoSamlResponse(key, input).samlAssertion, "base64").toString("utf8")
      .replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, "")
      .replace("<saml:AuthnStatement ", `<saml:AuthnStatement SessionNotOnOrAfter="${endsAt.toISOString()}" `);
    const signed = signElement(bare, /<saml:Assertion[^>]* ID="([^"]+)"/.exec(bare)![1], key);
    const out = await saml(ownRole.arn, Buffer.from(signed).toString("base64"), provider, { DurationSeconds: 3600 });
    expect(Math.abs(out.Credentials!.Expiration!.getTime() - endsAt.getTime())).toBeLessThanOrEqual(2000);
  });

  it("refuses an oversized assertion without repeating it, and answers unsigned without credentials", async () => {
    const role = await newRole("saml-big", trustSaml());
    const big = await failure(saml(role.arn, "A".repeat(100_004)));
    expect(big).toMatchObject({ code: "ValidationError", status: 400 });
    expect(big.message).toBe("1 validation error detected: Value '*** Sensitive Data Redacted ***' at 'sAMLAssertion' failed to satisfy constraint: Member must have length less than or equal to 100000");
    // The raw Query request: no Authorization header, no credentials anywhere.
    const raw = await rawRequest({ baseUrl, params: { Action: "AssumeRoleWithSAML", Version: "2011-06-15", RoleArn: role.arn, PrincipalArn: samlArn, SAMLAssertion: "QUJDRA==" } });
    expect(raw.status).toBe(400);
    expect(raw.body).toContain("<Code>InvalidIdentityToken</Code>");
    const unsignedAssume = await rawRequest({ baseUrl, params: { Action: "AssumeRole", Version: "2011-06-15", RoleArn: role.arn, RoleSessionName: "x1" } });
    expect(unsignedAssume.status).toBeGreaterThanOrEqual(400);
    expect(unsignedAssume.body).not.toContain("<Credentials>");
  });
});
