import { beforeAll, describe, expect, inject, it } from "vitest";
import { generateDemoSamlIdentity } from "@/lib/federation/demo-idp";
import { ConsoleClient, uniqueName } from "./console-client";

/**
 * The identity-provider console routes against a running server: an admin registers, changes and deletes
 * providers and mints demo tokens; a viewer is refused every change by the server; hostile bodies are refused
 * with 4xx and change nothing.
 */

type ApiError = { error: { code: string; message: string } };
interface Details {
  type: "OIDC" | "SAML";
  provider: { arn: string; clientIds?: string[]; tags: { Key: string; Value: string }[] };
  certificates?: { subject: string; notAfter: string }[];
  keys?: { kid: string }[];
  roles: { name: string }[];
}

const BASE = "/api/console/identity-providers";
let admin: ConsoleClient;
let viewer: ConsoleClient;

beforeAll(async () => {
  admin = await ConsoleClient.signIn(inject("adminEmail"), inject("adminPassword"));
  viewer = await ConsoleClient.signIn(inject("viewerEmail"), inject("viewerPassword"));
});

const details = (arn: string) => admin.json<Details>("GET", `${BASE}/provider?arn=${encodeURIComponent(arn)}`);

describe("identity providers in the console", () => {
  it("an admin registers a SAML provider from metadata, sees its certificate and the roles naming it, and deletes it", async () => {
    const name = uniqueName("Corp").replace(/-/g, "_");
    const metadata = generateDemoSamlIdentity(`https://${name}.example.com/saml`).metadataXml;
    const created = await admin.json<{ arn: string }>("POST", `${BASE}/saml`, { Name: name, SAMLMetadataDocument: metadata });
    expect(created.status).toBe(201);
    const role = uniqueName("saml-role");
    const trust = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Federated: created.body.arn }, Action: "sts:AssumeRoleWithSAML", Condition: { StringEquals: { "SAML:aud": "https://signin.aws.amazon.com/saml" } } }] };
    expect((await admin.json("POST", "/api/console/roles", { RoleName: role, AssumeRolePolicyDocument: JSON.stringify(trust) })).status).toBe(201);

    const seen = await details(created.body.arn);
    expect(seen.body.type).toBe("SAML");
    expect(seen.body.certificates?.[0].subject).toContain("Roleplane demo SAML IdP");
    expect(seen.body.roles.map((r) => r.name)).toEqual([role]);
    expect((await admin.json("PUT", `${BASE}/provider/tags`, { Arn: created.body.arn, Tags: [{ Key: "owner", Value: "it" }] })).status).toBe(204);
    expect((await details(created.body.arn)).body.provider.tags).toEqual([{ Key: "owner", Value: "it" }]);

    expect((await admin.request("DELETE", `${BASE}/provider?arn=${encodeURIComponent(created.body.arn)}`)).status).toBe(204);
    expect((await details(created.body.arn)).status).toBe(404);
    await admin.request("DELETE", `/api/console/roles/${role}`);
  });

  it("an admin registers the demo OIDC provider and mints a token; the list shows it", async () => {
    const before = await admin.json<{ demo: { oidcArn: string | null } }>("GET", BASE);
    if (!before.body.demo.oidcArn) expect((await admin.json("POST", `${BASE}/demo/oidc`)).status).toBe(201);
    const list = await admin.json<{ items: { arn: string; type: string; demo: boolean }[]; demo: { oidcArn: string } }>("GET", BASE);
    expect(list.body.items.find((i) => i.arn === list.body.demo.oidcArn)).toMatchObject({ type: "OIDC", demo: true });
    const minted = await admin.json<{ token: string; issuer: string }>("POST", `${BASE}/demo/oidc/token`, { subject: "user-1", audience: "sts.amazonaws.com", claims: { email: "u@example.com" } });
    expect(minted.status).toBe(201);
    const payload = JSON.parse(Buffer.from(minted.body.token.split(".")[1], "base64url").toString()) as Record<string, unknown>;
    expect(payload).toMatchObject({ iss: minted.body.issuer, sub: "user-1", aud: "sts.amazonaws.com", email: "u@example.com" });
    const d = await details(list.body.demo.oidcArn);
    expect(d.body.keys?.[0].kid).toMatch(/^roleplane-demo-/);
    expect(JSON.stringify(d.body)).not.toMatch(/PRIVATE KEY|demoKeySealed/);
  });

  it("refuses claims the minter sets, and an OIDC provider with a bad URL, with the API's words", async () => {
    const reserved = await admin.json<ApiError>("POST", `${BASE}/demo/oidc/token`, { subject: "s", audience: "a", claims: { iss: "https://evil.example.com" } });
    expect(reserved.status).toBe(400);
    const badUrl = await admin.json<ApiError>("POST", `${BASE}/oidc`, { Url: "http://insecure.example.com" });
    expect(badUrl.status).toBe(400);
    expect(badUrl.body.error.code).toBe("InvalidInput");
  });
});

describe("a viewer", () => {
  it("sees providers but every change is refused by the server", async () => {
    const metadata = generateDemoSamlIdentity("https://viewer.example.com/saml").metadataXml;
    const arn = "arn:aws:iam::111111111111:oidc-provider/demo-idp.roleplane.test/111111111111";
    const attempts: [string, string, unknown][] = [
      ["POST", `${BASE}/oidc`, { Url: `https://${uniqueName("v")}.example.com` }],
      ["POST", `${BASE}/saml`, { Name: uniqueName("V"), SAMLMetadataDocument: metadata }],
      ["POST", `${BASE}/demo/oidc`, undefined],
      ["POST", `${BASE}/demo/saml`, undefined],
      ["POST", `${BASE}/demo/oidc/token`, { subject: "s", audience: "sts.amazonaws.com" }],
      ["POST", `${BASE}/demo/saml/assertion`, { subject: "s", roleArns: ["arn:aws:iam::111111111111:role/x"], roleSessionName: "s1" }],
      ["POST", `${BASE}/oidc/client-ids`, { OpenIDConnectProviderArn: arn, ClientID: "x" }],
      ["DELETE", `${BASE}/oidc/client-ids`, { OpenIDConnectProviderArn: arn, ClientID: "sts.amazonaws.com" }],
      ["PUT", `${BASE}/oidc/thumbprints`, { OpenIDConnectProviderArn: arn, ThumbprintList: [] }],
      ["PUT", `${BASE}/oidc/jwks`, { OpenIDConnectProviderArn: arn, Jwks: '{"keys":[]}' }],
      ["POST", `${BASE}/oidc/jwks/fetch`, { OpenIDConnectProviderArn: arn }],
      ["PUT", `${BASE}/saml/metadata`, { SAMLProviderArn: "arn:aws:iam::111111111111:saml-provider/x", SAMLMetadataDocument: metadata }],
      ["PUT", `${BASE}/provider/tags`, { Arn: arn, Tags: [] }],
    ];
    expect((await viewer.json("GET", BASE)).status).toBe(200);
    for (const [method, url, body] of attempts) {
      const res = await viewer.json<ApiError>(method, url, body);
      expect(res.status, `${method} ${url}`).toBe(403);
      expect(res.body.error.code).toBe("AccessDenied");
    }
    expect((await viewer.request("DELETE", `${BASE}/provider?arn=${encodeURIComponent(arn)}`)).status).toBe(403);
    expect((await details(arn)).body.provider.clientIds).toContain("sts.amazonaws.com");
  });
});

describe("hostile input", () => {
  it("a body nested deep, an ARN that is not one, and a huge metadata document are 4xx", async () => {
    const deep = await admin.request("POST", `${BASE}/demo/oidc/token`, { body: `{"claims":${"[".repeat(5000)}${"]".repeat(5000)}}`, headers: { "content-type": "application/json" } });
    expect(deep.status).toBe(400);
    expect((await admin.json("GET", `${BASE}/provider?arn=${encodeURIComponent("arn:aws:iam::111111111111:role/nope")}`)).status).toBe(400);
    const huge = await admin.request("POST", `${BASE}/saml`, { body: JSON.stringify({ Name: "Huge", SAMLMetadataDocument: "<x>".repeat(400_000) }), headers: { "content-type": "application/json" } });
    expect(huge.status).toBe(413);
  });
});
