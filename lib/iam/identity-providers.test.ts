import http from "node:http";
import type { AddressInfo } from "node:net";
import { beforeAll, describe, expect, it } from "vitest";
import { useFreshTestDb } from "@/lib/db/test-db";
import { getDb } from "@/lib/db/client";
import { mintDemoAssertionSchema, mintDemoTokenSchema } from "@/lib/domain/identity-provider-schemas";
import { generateDemoOidcKeys, generateDemoSamlIdentity, mintDemoJwt } from "@/lib/federation/demo-idp";
import type { FetchLike } from "@/lib/federation/discovery";
import type { RequestContext } from "./context";
import * as oidc from "./oidc-providers";
import * as saml from "./saml-providers";
import * as demo from "./demo-identity-providers";
import { describeIdentityProvider } from "./identity-providers";
import { verifySamlAssertion, verifyWebIdentityToken } from "./federation";
import { createRole } from "./roles";
import { refusal } from "./test-helpers";

const ctx: RequestContext = { accountId: "111111111111", actor: "tester@example.com", source: "api", requestId: "r-idp" };
const other: RequestContext = { ...ctx, accountId: "222222222222" };
const thumb = "9e99a48a9960b14926bb7f3b02e22da2b0ab7280";

beforeAll(useFreshTestDb);

describe("OIDC providers", () => {
  it("creates one with its ARN from the URL, and refuses a second for the same URL", async () => {
    const p = await oidc.createOidcProvider(ctx, { Url: "https://Token.Example.com/tenant-1", ClientIDList: ["app", "app"], ThumbprintList: [thumb.toUpperCase()], Tags: [{ Key: "team", Value: "ci" }] });
    expect(p).toMatchObject({ arn: "arn:aws:iam::111111111111:oidc-provider/token.example.com/tenant-1", url: "https://token.example.com/tenant-1", clientIds: ["app"], thumbprints: [thumb] });
    const dup = await refusal(oidc.createOidcProvider(ctx, { Url: "https://token.example.com/tenant-1" }));
    expect(dup).toMatchObject({ code: "EntityAlreadyExists", message: "Provider with url https://token.example.com/tenant-1 already exists." });
    expect((await oidc.createOidcProvider(other, { Url: "https://token.example.com/tenant-1" })).arn).toContain("222222222222");
  });

  it.each([
    ["http://insecure.example.com", "InvalidInput"],
    ["https://example.com:8443", "InvalidInput"],
    ["https://example.com/?x=1", "InvalidInput"],
    ["https://", "InvalidInput"],
  ])("refuses the URL %s", async (Url, code) => {
    expect((await refusal(oidc.createOidcProvider(ctx, { Url }))).code).toBe(code);
  });

  it("holds client IDs, thumbprints and JWKS to their rules", async () => {
    expect((await refusal(oidc.createOidcProvider(ctx, { Url: "https://a.example.com", ThumbprintList: ["z".repeat(40)] }))).code).toBe("InvalidInput");
    const six = Array.from({ length: 6 }, (_, i) => String(i).repeat(40));
    expect(await refusal(oidc.createOidcProvider(ctx, { Url: "https://a.example.com", ThumbprintList: six }))).toMatchObject({ code: "LimitExceeded", message: "Cannot exceed quota for ThumbprintsPerOpenIdConnectProvider: 5" });
    const many = Array.from({ length: 101 }, (_, i) => `client-${i}`);
    expect((await refusal(oidc.createOidcProvider(ctx, { Url: "https://a.example.com", ClientIDList: many }))).code).toBe("LimitExceeded");
    expect(await refusal(oidc.createOidcProvider(ctx, { Url: "https://a.example.com", Jwks: '{"keys":[{"kty":"oct","k":"c2VjcmV0"}]}' }))).toMatchObject({ code: "InvalidInput", message: expect.stringMatching(/^The JWKS cannot be used: key 1 holds private or symmetric key material/) });
    expect((await oidc.listOidcProviders(ctx)).map((p) => p.url)).not.toContain("https://a.example.com");
  });

  it("adds and removes client IDs idempotently, replaces thumbprints, tags, and deletes idempotently", async () => {
    const { arn } = await oidc.createOidcProvider(ctx, { Url: "https://b.example.com" });
    await oidc.addClientId(ctx, arn, "one");
    await oidc.addClientId(ctx, arn, "one");
    await oidc.addClientId(ctx, arn, "two");
    await oidc.removeClientId(ctx, arn, "one");
    await oidc.removeClientId(ctx, arn, "missing");
    await oidc.updateThumbprints(ctx, arn, [thumb]);
    await oidc.tagOidcProvider(ctx, arn, [{ Key: "z", Value: "1" }, { Key: "a", Value: "2" }]);
    await oidc.untagOidcProvider(ctx, arn, ["Z"]);
    expect(await oidc.getOidcProvider(ctx, arn)).toMatchObject({ clientIds: ["two"], thumbprints: [thumb], tags: [{ Key: "a", Value: "2" }] });
    expect((await refusal(oidc.getOidcProvider(other, arn))).message).toBe(`OpenIDConnect Provider not found for arn ${arn}`);
    await oidc.deleteOidcProvider(ctx, arn);
    await oidc.deleteOidcProvider(ctx, arn);
    expect((await refusal(oidc.getOidcProvider(ctx, arn))).code).toBe("NoSuchEntity");
    expect((await refusal(oidc.addClientId(ctx, arn, "x"))).code).toBe("NoSuchEntity");
    expect((await refusal(oidc.getOidcProvider(ctx, "arn:aws:iam::111111111111:role/x"))).code).toBe("InvalidInput");
  });
});

describe("SAML providers", () => {
  const metadata = generateDemoSamlIdentity("https://corp.example.com/saml").metadataXml;

  it("creates, reads, updates and deletes one; bad metadata changes nothing", async () => {
    const p = await saml.createSamlProvider(ctx, { Name: "Corp", SAMLMetadataDocument: metadata });
    expect(p).toMatchObject({ arn: "arn:aws:iam::111111111111:saml-provider/Corp", validUntil: null });
    expect(p.uuid).toMatch(/^[A-Z0-9]{22,64}$/);
    expect((await refusal(saml.createSamlProvider(ctx, { Name: "corp", SAMLMetadataDocument: metadata }))).code).toBe("EntityAlreadyExists");
    const bad = await refusal(saml.createSamlProvider(ctx, { Name: "Bad", SAMLMetadataDocument: `<html>${" ".repeat(1000)}</html>` }));
    expect(bad).toMatchObject({ code: "InvalidInput", message: "Could not parse metadata: its root element is not a SAML 2.0 metadata EntityDescriptor." });
    expect((await refusal(saml.updateSamlProvider(ctx, { SAMLProviderArn: p.arn }))).message).toBe("Unable to update identity provider. No updates are defined for metadata or encryption assertion.");
    expect((await refusal(saml.createSamlProvider(ctx, { Name: "Enc", SAMLMetadataDocument: metadata, AssertionEncryptionMode: "Required" }))).code).toBe("InvalidInput");
    const later = metadata.replace('entityID="https://corp.example.com/saml"', 'entityID="https://corp.example.com/saml" validUntil="2030-01-01T00:00:00Z"');
    expect((await saml.updateSamlProvider(ctx, { SAMLProviderArn: p.arn, SAMLMetadataDocument: later })).validUntil).toEqual(new Date("2030-01-01T00:00:00Z"));
    await saml.deleteSamlProvider(ctx, p.arn);
    expect((await refusal(saml.deleteSamlProvider(ctx, p.arn))).message).toBe(`Manifest not found for arn ${p.arn}`);
  });

  it("lists the roles whose trust policies name a provider", async () => {
    const p = await saml.createSamlProvider(ctx, { Name: "Named", SAMLMetadataDocument: metadata });
    const trust = (arn: string) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Federated: arn }, Action: "sts:AssumeRoleWithSAML" }] });
    await createRole(ctx, { RoleName: "saml-named", AssumeRolePolicyDocument: trust(p.arn).replace(/\//g, "\\/") });
    await createRole(ctx, { RoleName: "ec2-only", AssumeRolePolicyDocument: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }] }) });
    const details = await describeIdentityProvider(ctx, p.arn);
    expect(details.roles.map((r) => r.name)).toEqual(["saml-named"]);
    expect(details.type === "SAML" && details.certificates[0].subject).toContain("Roleplane demo SAML IdP");
  });
});

describe("the demo providers and the store-aware verifiers", () => {
  it("registers the demo OIDC provider, mints a token, and verifies it for the account", async () => {
    const p = await demo.registerDemoOidcProvider(ctx);
    expect(p).toMatchObject({ url: "https://demo-idp.roleplane.test/111111111111", clientIds: ["sts.amazonaws.com"], demo: true, jwksSource: "upload" });
    const row = await getDb().identityProvider.findUnique({ where: { arn: p.arn } });
    expect(row?.demoKeySealed).toMatch(/^v1:/);
    expect(row?.demoKeySealed).not.toContain("PRIVATE KEY");
    expect((await refusal(demo.registerDemoOidcProvider(ctx))).code).toBe("EntityAlreadyExists");

    const { token } = await demo.mintDemoWebIdentityToken(ctx, mintDemoTokenSchema.parse({ subject: "repo:acme/app:ref:refs/heads/main", audience: "sts.amazonaws.com" }));
    const ok = await verifyWebIdentityToken({ token, accountId: ctx.accountId });
    expect(ok.ok && ok.value.contextKeys["demo-idp.roleplane.test/111111111111:sub"]).toBe("repo:acme/app:ref:refs/heads/main");
    const elsewhere = await verifyWebIdentityToken({ token, accountId: other.accountId });
    expect(!elsewhere.ok && elsewhere.refusal.message).toBe("No OpenIDConnect provider found in your account for https://demo-idp.roleplane.test/111111111111");
    expect((await refusal(demo.mintDemoWebIdentityToken(other, mintDemoTokenSchema.parse({ subject: "x", audience: "y" })))).code).toBe("NoSuchEntity");
  });

  it("matches a token's issuer to a provider ignoring the host's case, never the path's", async () => {
    const keys = await generateDemoOidcKeys();
    await oidc.createOidcProvider(ctx, { Url: "https://tenants.example.com/Tenant-A", ClientIDList: ["app"], Jwks: JSON.stringify(keys.jwks) });
    const tokenFrom = async (issuer: string) =>
      (await mintDemoJwt({ issuer, privateKeyPem: keys.privateKeyPem, kid: keys.kid }, mintDemoTokenSchema.parse({ subject: "s", audience: "app" }))).token;
    expect((await verifyWebIdentityToken({ token: await tokenFrom("https://TENANTS.example.com/Tenant-A"), accountId: ctx.accountId })).ok).toBe(true);
    const otherTenant = await verifyWebIdentityToken({ token: await tokenFrom("https://tenants.example.com/tenant-a"), accountId: ctx.accountId });
    expect(!otherTenant.ok && otherTenant.refusal.message).toBe("No OpenIDConnect provider found in your account for https://tenants.example.com/tenant-a");
  });

  it("registers the demo SAML provider, mints an assertion, and verifies it", async () => {
    const p = await demo.registerDemoSamlProvider(ctx);
    const role = "arn:aws:iam::111111111111:role/saml-named";
    const minted = await demo.mintDemoSamlAssertion(ctx, mintDemoAssertionSchema.parse({ subject: "ada", roleArns: [role], roleSessionName: "ada" }));
    const ok = await verifySamlAssertion({ samlAssertion: minted.samlAssertion, roleArn: role, principalArn: p.arn });
    expect(ok.ok && ok.value.contextKeys["SAML:doc"]).toBe("111111111111/RoleplaneDemoIdP");
    const gone = await verifySamlAssertion({ samlAssertion: minted.samlAssertion, roleArn: role, principalArn: "arn:aws:iam::111111111111:saml-provider/Nope" });
    expect(!gone.ok && gone.refusal).toEqual({ code: "InvalidIdentityToken", message: "Specified provider doesn't exist" });
  });

  it("uses an uploaded JWKS, or fetches the issuer's keys through its discovery document", async () => {
    const keys = await generateDemoOidcKeys();
    const server = http.createServer((req, res) => {
      res.setHeader("content-type", "application/json");
      if (req.url === "/.well-known/openid-configuration") res.end(JSON.stringify({ issuer: "https://keys.example.com", jwks_uri: "https://keys.example.com/jwks" }));
      else if (req.url === "/jwks") res.end(JSON.stringify(keys.jwks));
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as AddressInfo).port;
    // The issuer is https; the test reaches the same paths on a local plain-HTTP server.
    const fetchImpl: FetchLike = (url, init) => fetch(url.replace("https://keys.example.com", `http://127.0.0.1:${port}`), init);
    try {
      await oidc.createOidcProvider(ctx, { Url: "https://keys.example.com", ClientIDList: ["app"] });
      const { token } = await mintDemoJwt({ issuer: "https://keys.example.com", privateKeyPem: keys.privateKeyPem, kid: keys.kid }, mintDemoTokenSchema.parse({ subject: "s", audience: "app" }));
      const viaDiscovery = await verifyWebIdentityToken({ token, accountId: ctx.accountId, discovery: { fetchImpl } });
      expect(viaDiscovery.ok).toBe(true);
    } finally {
      await new Promise((r) => server.close(r));
    }
    const unreachable = await oidc.createOidcProvider(ctx, { Url: "https://unreachable.roleplane.test" });
    expect((await refusal(oidc.fetchOidcJwks(ctx, unreachable.arn))).code).toBe("OpenIdIdpCommunicationError");
  });
});

