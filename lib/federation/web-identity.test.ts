import { createPublicKey, createHmac, generateKeyPairSync } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { exportJWK, importPKCS8, SignJWT, type JSONWebKeySet, type JWTPayload } from "jose";
import { generateDemoOidcKeys, mintDemoJwt, type DemoOidcKeys } from "./demo-idp";
import { parseJwks } from "./jwks";
import { NOT_BEFORE_LEEWAY_SECONDS, NO_KEYS, verifyWebIdentityJwt, type FindWebIdentityTrust, type WebIdentityTrust } from "./web-identity";

/*
 * The web identity verifier against tokens minted here, valid and refused, including the attacks a hostile client
 * would try: alg none, HMAC signed with the public key (key confusion), a tampered payload, a key of its own
 * (same kid, or embedded in the header), tokens from another issuer, expired and not-yet-valid tokens.
 */

const ISSUER = "https://idp.example.com/tenant";
const ARN = "arn:aws:iam::111111111111:oidc-provider/idp.example.com/tenant";
let keys: DemoOidcKeys;

beforeAll(async () => {
  keys = await generateDemoOidcKeys();
});

function trust(over: Partial<WebIdentityTrust> = {}, jwks?: JSONWebKeySet | null): FindWebIdentityTrust {
  return async (iss) =>
    iss === ISSUER
      ? { providerArn: ARN, keyPrefix: "idp.example.com/tenant", clientIds: ["app-1", "app-2"], keys: async () => (jwks === undefined ? keys.jwks : jwks), ...over }
      : null;
}

const mint = (over: Partial<Parameters<typeof mintDemoJwt>[1]> = {}, issuer = ISSUER, now?: Date) =>
  mintDemoJwt({ issuer, privateKeyPem: keys.privateKeyPem, kid: keys.kid }, { subject: "user-42", audience: "app-1", expiresInSeconds: 600, claims: {}, ...over }, now).then((t) => t.token);

const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString("base64url");
const claims = (over: JWTPayload = {}): JWTPayload => ({ iss: ISSUER, sub: "user-42", aud: "app-1", exp: Math.floor(Date.now() / 1000) + 600, ...over });

describe("verifyWebIdentityJwt accepts", () => {
  it("a token from a registered provider, with the condition keys STS sets", async () => {
    const token = await mint({ claims: { amr: ["pwd", "mfa"], email: "ada@example.com" } });
    const r = await verifyWebIdentityJwt({ token }, trust());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({ issuer: ISSUER, providerArn: ARN, subject: "user-42", audience: "app-1" });
    expect(r.value.contextKeys).toEqual({
      "idp.example.com/tenant:aud": "app-1",
      "idp.example.com/tenant:oaud": "app-1",
      "idp.example.com/tenant:sub": "user-42",
      "idp.example.com/tenant:amr": ["pwd", "mfa"],
      "idp.example.com/tenant:email": "ada@example.com",
      "aws:FederatedProvider": ARN,
    });
  });

  it("the authorized party (azp) as the audience, keeping aud as oaud", async () => {
    const token = await mint({ audience: "web-client", claims: { azp: "app-2" } });
    const r = await verifyWebIdentityJwt({ token }, trust());
    expect(r.ok && r.value.contextKeys).toMatchObject({ "idp.example.com/tenant:aud": "app-2", "idp.example.com/tenant:oaud": "web-client", "idp.example.com/tenant:azp": "app-2" });
  });

  it("a provider AWS trusts without registration, whose audience the trust policy checks", async () => {
    const token = await mint({ audience: "any-client" });
    const r = await verifyWebIdentityJwt({ token }, trust({ providerArn: null, keyPrefix: "accounts.google.com", clientIds: null }));
    expect(r.ok && r.value.contextKeys).toMatchObject({ "accounts.google.com:aud": "any-client", "aws:FederatedProvider": "accounts.google.com" });
  });

  it("an nbf slightly in the future (clock skew)", async () => {
    const token = await mint({}, ISSUER, new Date(Date.now() + (NOT_BEFORE_LEEWAY_SECONDS - 30) * 1000));
    expect((await verifyWebIdentityJwt({ token }, trust())).ok).toBe(true);
  });
});

describe("verifyWebIdentityJwt refuses", () => {
  const refusal = async (token: string, find = trust(), providerId?: string) => {
    const r = await verifyWebIdentityJwt({ token, providerId }, find);
    if (r.ok) throw new Error("expected a refusal");
    return r.refusal;
  };

  it("a token whose issuer the account has no provider for", async () => {
    expect(await refusal(await mint({}, "https://other.example.com"))).toEqual({ code: "InvalidIdentityToken", message: "No OpenIDConnect provider found in your account for https://other.example.com" });
  });

  it("a token for another audience", async () => {
    expect(await refusal(await mint({ audience: "someone-else" }))).toEqual({ code: "InvalidIdentityToken", message: "Incorrect token audience" });
  });

  it("an expired token, in AWS's words", async () => {
    const issued = new Date(Date.now() - 3600_000);
    const r = await refusal(await mint({ expiresInSeconds: 600 }, ISSUER, issued));
    expect(r.code).toBe("ExpiredTokenException");
    expect(r.message).toMatch(/^Token expired: current date\/time \d{10} must be before the expiration date\/time \d{10}$/);
  });

  it("a token used before its nbf", async () => {
    const r = await refusal(await mint({}, ISSUER, new Date(Date.now() + 3600_000)));
    expect(r).toMatchObject({ code: "InvalidIdentityToken", message: expect.stringMatching(/^Token is not yet valid/) });
  });

  it("alg none", async () => {
    const token = `${b64({ alg: "none", typ: "JWT" })}.${b64(claims())}.`;
    expect(await refusal(token)).toMatchObject({ code: "InvalidIdentityToken", message: expect.stringContaining("no algorithm (alg none)") });
  });

  it("HMAC signed with the provider's public key (key confusion)", async () => {
    const publicPem = createPublicKey(keys.privateKeyPem).export({ type: "spki", format: "pem" });
    const head = `${b64({ alg: "HS256", typ: "JWT", kid: keys.kid })}.${b64(claims())}`;
    const token = `${head}.${createHmac("sha256", publicPem).update(head).digest("base64url")}`;
    expect(await refusal(token)).toMatchObject({ code: "InvalidIdentityToken", message: expect.stringContaining("signed with HS256") });
  });

  it("a tampered payload", async () => {
    const [h, , s] = (await mint()).split(".");
    expect(await refusal(`${h}.${b64(claims({ sub: "admin" }))}.${s}`)).toEqual({ code: "InvalidIdentityToken", message: "The token's signature does not verify with the provider's keys." });
  });

  it("a token signed with another key under the provider's kid", async () => {
    const other = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs8", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });
    const token = await new SignJWT(claims()).setProtectedHeader({ alg: "RS256", kid: keys.kid }).sign(await importPKCS8(other.privateKey, "RS256"));
    expect((await refusal(token)).message).toBe("The token's signature does not verify with the provider's keys.");
  });

  it("a token carrying its own key in the header (jwk), which is never trusted", async () => {
    const other = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs8", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });
    const jwk = await exportJWK(createPublicKey(other.publicKey));
    const token = await new SignJWT(claims()).setProtectedHeader({ alg: "RS256", jwk, kid: "attacker" }).sign(await importPKCS8(other.privateKey, "RS256"));
    expect(await refusal(token)).toEqual({ code: "InvalidIdentityToken", message: "None of the provider's keys matches the token's key ID (kid) and algorithm." });
  });

  it("a token without exp or sub", async () => {
    const sign = async (c: JWTPayload) => new SignJWT(c).setProtectedHeader({ alg: "RS256", kid: keys.kid }).sign(await importPKCS8(keys.privateKeyPem, "RS256"));
    expect((await refusal(await sign({ iss: ISSUER, sub: "x", aud: "app-1" }))).message).toMatch(/no expiration/);
    expect((await refusal(await sign({ iss: ISSUER, aud: "app-1", exp: Math.floor(Date.now() / 1000) + 60 }))).message).toMatch(/no subject/);
  });

  it("something that is not a JWT", async () => {
    for (const token of ["not-a-token", "a.b", "....", `${b64({ typ: "JWT" })}.${b64(claims())}.sig`, `${b64({ alg: "RS256" })}.${b64({ sub: "no-issuer" })}.sig`])
      expect(await refusal(token)).toEqual({ code: "InvalidIdentityToken", message: "The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)" });
  });

  it("when the provider's keys cannot be had", async () => {
    expect(await refusal(await mint(), trust({}, null))).toEqual({ code: "InvalidIdentityToken", message: NO_KEYS });
  });

  it("OAuth access tokens (ProviderId), which need the provider reachable", async () => {
    expect((await refusal("opaque-access-token", trust(), "www.amazon.com")).code).toBe("IDPCommunicationError");
    expect((await refusal("opaque-access-token", trust(), "example.com")).code).toBe("InvalidIdentityToken");
  });
});

describe("parseJwks", () => {
  it("keeps public RSA and EC keys", async () => {
    const ec = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const r = parseJwks(JSON.stringify({ keys: [...keys.jwks.keys, { ...(await exportJWK(ec.publicKey)), kid: "ec-1" }] }));
    expect(r.ok && r.keys).toEqual([
      { kid: keys.kid, kty: "RSA", alg: "RS256", size: "2048 bits" },
      { kid: "ec-1", kty: "EC", alg: null, size: "P-256" },
    ]);
  });

  it.each([
    ["not JSON", "{", "the JWKS is not JSON"],
    ["no keys", '{"keys":[]}', "the JWKS holds no key"],
    ["a symmetric key", '{"keys":[{"kty":"oct","k":"c2VjcmV0"}]}', "key 1 holds private or symmetric key material; upload the public keys only"],
    ["an HMAC algorithm", '{"keys":[{"kty":"RSA","n":"AQAB","e":"AQAB","alg":"HS256"}]}', "key 1 names the algorithm HS256"],
    ["an encryption key", '{"keys":[{"kty":"RSA","n":"AQAB","e":"AQAB","use":"enc"}]}', 'key 1 is for "enc", not for signatures ("sig")'],
    ["a short RSA key", '{"keys":[{"kty":"RSA","n":"AQAB","e":"AQAB","kid":"tiny"}]}', "key 1 (kid tiny) is a 24-bit RSA key; at least 2048 bits are required"],
  ])("refuses %s", (_what, text, reason) => {
    const r = parseJwks(text);
    expect(r.ok ? "" : r.reason).toContain(reason);
  });

  it("refuses a private key", async () => {
    const jwk = await exportJWK(createPublicKey(keys.privateKeyPem));
    const r = parseJwks(JSON.stringify({ keys: [{ ...jwk, d: "secret" }] }));
    expect(r.ok ? "" : r.reason).toMatch(/private or symmetric/);
  });
});
