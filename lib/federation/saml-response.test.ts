import { beforeAll, describe, expect, it } from "vitest";
import { mintDemoAssertionSchema, type MintDemoAssertionInput } from "@/lib/domain/identity-provider-schemas";
import { generateDemoSamlIdentity, mintDemoSamlResponse, signElement, type DemoSamlIdentity } from "./demo-idp";
import { parseSamlMetadata } from "./saml-metadata";
import { verifySamlResponse, type SamlTrust } from "./saml-response";

/*
 * The SAML verifier against responses signed here, valid and refused, including the attacks a hostile client
 * would try: tampering after signing, no signature, another key, signature wrapping (a second assertion, a moved
 * signed assertion, a duplicated ID), a comment splitting the NameID, a DTD (XXE, entity expansion), deep and huge
 * documents, and every check of issuer, audience, recipient, time and role.
 */

const ACCOUNT = "111111111111";
const ENTITY = "https://idp.example.com/saml";
const PROVIDER = `arn:aws:iam::${ACCOUNT}:saml-provider/Corp`;
const ROLE = `arn:aws:iam::${ACCOUNT}:role/Engineers`;
let idp: DemoSamlIdentity;
let trust: SamlTrust;

beforeAll(() => {
  idp = generateDemoSamlIdentity(ENTITY);
  const md = parseSamlMetadata(idp.metadataXml);
  if (!md.ok) throw new Error(md.reason);
  trust = { arn: PROVIDER, accountId: ACCOUNT, name: "Corp", entityId: md.metadata.entityId, certificatesPem: md.metadata.signingCertificates.map((c) => c.pem) };
});

const input = (over: Partial<MintDemoAssertionInput> = {}) => mintDemoAssertionSchema.parse({ subject: "ada@example.com", roleArns: [ROLE], roleSessionName: "ada", ...over });
const key = () => ({ entityId: ENTITY, providerArn: PROVIDER, privateKeyPem: idp.privateKeyPem, certificatePem: idp.certificatePem });
const mint = (over: Partial<MintDemoAssertionInput> = {}, now?: Date) => mintDemoSamlResponse(key(), input(over), now).samlAssertion;
const xmlOf = (b64: string) => Buffer.from(b64, "base64").toString("utf8");
const b64 = (xml: string) => Buffer.from(xml, "utf8").toString("base64");
const verify = (samlAssertion: string, over: Partial<SamlTrust> = {}, roleArn = ROLE) => verifySamlResponse({ samlAssertion, roleArn, principalArn: PROVIDER }, { ...trust, ...over });
const refusal = (samlAssertion: string, over: Partial<SamlTrust> = {}, roleArn = ROLE) => {
  const r = verify(samlAssertion, over, roleArn);
  if (r.ok) throw new Error("expected a refusal");
  return r.refusal;
};
const SIGNATURE_INVALID = { code: "InvalidIdentityToken", message: "Response signature invalid" };

describe("SessionNotOnOrAfter", () => {
  const withSessionEnd = (at: Date) => {
    const bare = xmlOf(mint()).replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, "").replace("<saml:AuthnStatement ", `<saml:AuthnStatement SessionNotOnOrAfter="${at.toISOString()}" `);
    return b64(signElement(bare, /<saml:Assertion[^>]* ID="([^"]+)"/.exec(bare)![1], idp));
  };

  it("is read from the AuthnStatement, so the session can be cut to it", () => {
    const at = new Date(Math.floor(Date.now() / 1000) * 1000 + 1200_000);
    const r = verify(withSessionEnd(at));
    expect(r.ok && r.value.sessionNotOnOrAfter?.toISOString()).toBe(at.toISOString());
    const without = verify(mint());
    expect(without.ok && without.value.sessionNotOnOrAfter).toBeUndefined();
  });

  it("refuses an assertion whose session has already ended", () => {
    expect(refusal(withSessionEnd(new Date(Date.now() - 1000))).code).toBe("ExpiredTokenException");
  });
});

describe("verifySamlResponse accepts", () => {
  it("a signed assertion, with the session facts and SAML: condition keys", () => {
    const r = verify(
      mint({
        sessionDuration: 1800,
        attributes: {
          "https://aws.amazon.com/SAML/Attributes/PrincipalTag:team": ["platform"],
          "https://aws.amazon.com/SAML/Attributes/SourceIdentity": ["ada"],
          "urn:oid:1.3.6.1.4.1.5923.1.1.1.1": ["staff", "member"],
          "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress": ["ada@example.com"],
        },
      }),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({
      subject: "ada@example.com",
      subjectType: "persistent",
      issuer: ENTITY,
      audience: "https://signin.aws.amazon.com/saml",
      roleSessionName: "ada",
      sessionDuration: 1800,
      sourceIdentity: "ada",
      sessionTags: [{ Key: "team", Value: "platform" }],
    });
    expect(r.value.contextKeys).toMatchObject({
      "SAML:aud": "https://signin.aws.amazon.com/saml",
      "SAML:sub": "ada@example.com",
      "SAML:sub_type": "persistent",
      "SAML:iss": ENTITY,
      "SAML:doc": `${ACCOUNT}/Corp`,
      "SAML:edupersonaffiliation": ["staff", "member"],
      "SAML:mail": "ada@example.com",
      "aws:FederatedProvider": PROVIDER,
    });
    expect(r.value.contextKeys["SAML:namequalifier"]).toMatch(/^[A-Za-z0-9+/]{27}=$/);
  });

  it("a response whose signature is on the Response rather than the Assertion", () => {
    const xml = xmlOf(mint()).replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, "");
    const responseId = /<samlp:Response[^>]* ID="([^"]+)"/.exec(xml)![1];
    expect(verify(b64(signElement(xml, responseId, idp))).ok).toBe(true);
  });

  it("the regional sign-in endpoint and urn:amazon:webservices", () => {
    expect(verify(mint({ recipient: "https://eu-west-1.signin.aws.amazon.com/saml", audience: "urn:amazon:webservices" })).ok).toBe(true);
  });
});

describe("verifySamlResponse refuses", () => {
  it("a response changed after it was signed", () => {
    expect(refusal(b64(xmlOf(mint()).replace("ada@example.com</saml:NameID>", "root@example.com</saml:NameID>")))).toEqual(SIGNATURE_INVALID);
  });

  it("an unsigned response", () => {
    expect(refusal(b64(xmlOf(mint()).replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, "")))).toEqual(SIGNATURE_INVALID);
  });

  it("a response signed with another key", () => {
    const other = generateDemoSamlIdentity(ENTITY);
    expect(refusal(mintDemoSamlResponse({ ...key(), privateKeyPem: other.privateKeyPem, certificatePem: other.certificatePem }, input()).samlAssertion)).toEqual(SIGNATURE_INVALID);
  });

  it("signature wrapping: a forged assertion beside the signed one", () => {
    const xml = xmlOf(mint());
    const signed = /<saml:Assertion[\s\S]*<\/saml:Assertion>/.exec(xml)![0];
    const forged = signed.replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, "").replace(/ID="[^"]+"/, 'ID="_forged"').replace("ada@example.com<", "root@example.com<");
    expect(refusal(b64(xml.replace(signed, forged + signed)))).toMatchObject({ code: "InvalidIdentityToken", message: expect.stringMatching(/exactly one Assertion/) });
  });

  it("signature wrapping: the signed assertion moved aside, a forged one with its ID in its place", () => {
    const xml = xmlOf(mint());
    const signed = /<saml:Assertion[\s\S]*<\/saml:Assertion>/.exec(xml)![0];
    const forged = signed.replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, "").replace("ada@example.com<", "root@example.com<");
    const wrapped = xml.replace(signed, `<samlp:Extensions>${signed}</samlp:Extensions>${forged}`);
    expect(refusal(b64(wrapped))).toEqual(SIGNATURE_INVALID);
  });

  it("signature wrapping: a forged assertion carrying the real signature, which points elsewhere", () => {
    const xml = xmlOf(mint());
    const signed = /<saml:Assertion[\s\S]*<\/saml:Assertion>/.exec(xml)![0];
    const signature = /<ds:Signature[\s\S]*<\/ds:Signature>/.exec(signed)![0];
    const forged = signed.replace(signature, "").replace(/ID="[^"]+"/, 'ID="_forged"').replace("ada@example.com<", "root@example.com<").replace("</saml:Issuer>", `</saml:Issuer>${signature}`);
    expect(refusal(b64(xml.replace(signed, forged)))).toEqual(SIGNATURE_INVALID);
  });

  it("reads a NameID split by a comment whole, as it was signed", () => {
    const xml = xmlOf(mint({ subject: "admin@example.com.evil.com" })).replace("admin@example.com.evil.com<", "admin@example.com<!---->.evil.com<");
    const r = verify(b64(xml));
    expect(r.ok && r.value.subject).toBe("admin@example.com.evil.com");
  });

  it("an HMAC signature method (key confusion)", () => {
    const xml = xmlOf(mint()).replace("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", "http://www.w3.org/2000/09/xmldsig#hmac-sha1");
    expect(refusal(b64(xml))).toEqual(SIGNATURE_INVALID);
  });

  it("a document type declaration (XXE, entity expansion)", () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>` + xmlOf(mint()).replace(/^<\?xml[^>]*>/, "");
    expect(refusal(b64(xxe))).toMatchObject({ code: "InvalidIdentityToken", message: expect.stringContaining("document type declaration") });
    const laughs = `<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol">&lol2;</samlp:Response>`;
    expect(refusal(b64(laughs)).message).toContain("document type declaration");
  });

  it("deeply nested and oversized documents", () => {
    const deep = `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol">${"<a>".repeat(20_000)}${"</a>".repeat(20_000)}</samlp:Response>`;
    expect(refusal(b64(deep)).message).toMatch(/nest deeper than 32 levels|longer than/);
    expect(refusal(b64(`<a>${"x".repeat(120_000)}</a>`)).message).toMatch(/longer than 100,000 characters/);
  });

  it("text that is not base64, or not a SAML Response", () => {
    expect(refusal("not base64!")).toEqual({ code: "InvalidIdentityToken", message: "Invalid base64 SAMLResponse" });
    expect(refusal(b64("<Response/>")).message).toBe("The SAML assertion is not a SAML 2.0 Response.");
    expect(refusal(b64("<unclosed")).message).toMatch(/not well-formed XML/);
  });

  it("a response the identity provider marked as failed", () => {
    const xml = xmlOf(mint()).replace("urn:oasis:names:tc:SAML:2.0:status:Success", "urn:oasis:names:tc:SAML:2.0:status:Requester");
    expect(refusal(b64(xml)).code).toBe("IDPRejectedClaim");
  });

  it("an issuer other than the provider's entity", () => {
    expect(refusal(mint(), { entityId: "https://other.example.com" })).toEqual({ code: "InvalidIdentityToken", message: "Failed to assume role: Issuer not present in specified provider" });
  });

  it("an assertion for another audience or recipient", () => {
    expect(refusal(mint({ audience: "https://app.example.com" }))).toEqual({ code: "InvalidIdentityToken", message: "Response does not contain the required audience." });
    expect(refusal(mint({ recipient: "https://app.example.com/acs" })).message).toMatch(/Recipient https:\/\/app.example.com\/acs is not an AWS sign-in endpoint/);
  });

  it("an expired assertion, and one redeemed too late", () => {
    const tenMinutesAgo = new Date(Date.now() - 600_000);
    expect(refusal(mint({ expiresInSeconds: 120 }, tenMinutesAgo))).toMatchObject({ code: "ExpiredTokenException", message: expect.stringMatching(/^Assertion expired/) });
    expect(refusal(mint({ expiresInSeconds: 3600 }, tenMinutesAgo))).toEqual({ code: "ExpiredTokenException", message: "Token must be redeemed within 5 minutes of issuance" });
  });

  it("an assertion that is not valid yet", () => {
    expect(refusal(mint({}, new Date(Date.now() + 3600_000))).message).toMatch(/^The SAML assertion is not yet valid/);
  });

  it("a role the assertion does not offer with this provider", () => {
    expect(refusal(mint(), {}, `arn:aws:iam::${ACCOUNT}:role/Admins`)).toEqual({ code: "InvalidIdentityToken", message: "SAML Assertion doesn't contain the requested Role and Metadata in the attributes" });
  });

  it("a missing or malformed RoleSessionName, SessionDuration or SourceIdentity", () => {
    const without = xmlOf(mint()).replace(/<saml:Attribute Name="https:\/\/aws.amazon.com\/SAML\/Attributes\/RoleSessionName">[\s\S]*?<\/saml:Attribute>/, "");
    const resign = (xml: string) => {
      const bare = xml.replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, "");
      return b64(signElement(bare, /<saml:Assertion[^>]* ID="([^"]+)"/.exec(bare)![1], idp));
    };
    expect(refusal(resign(without)).message).toBe("RoleSessionName is required in AuthnResponse");
    expect(refusal(resign(xmlOf(mint()).replace(">ada</saml:AttributeValue>", ">ada lovelace</saml:AttributeValue>"))).message).toBe("RoleSessionName in AuthnResponse must match [a-zA-Z_0-9+=,.@-]{2,64}");
    expect(refusal(mint({ attributes: { "https://aws.amazon.com/SAML/Attributes/SessionDuration": ["60"] } })).message).toMatch(/SessionDuration in AuthnResponse/);
    expect(refusal(mint({ attributes: { "https://aws.amazon.com/SAML/Attributes/SourceIdentity": ["aws:me"] } })).message).toBe('Source Identity must match [a-zA-Z_0-9+=,.@-]{2,64} and not begin with "aws:"');
  });
});

describe("parseSamlMetadata", () => {
  it("reads the entity id, signing certificate and its expiry", () => {
    const r = parseSamlMetadata(idp.metadataXml);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.metadata.entityId).toBe(ENTITY);
    expect(r.metadata.signingCertificates).toHaveLength(1);
    expect(r.metadata.signingCertificates[0]).toMatchObject({ subject: expect.stringContaining("CN=Roleplane demo SAML IdP"), keyType: "RSA" });
    expect(r.metadata.signingCertificates[0].notAfter.getTime()).toBeGreaterThan(Date.now() + 700 * 86_400_000);
    expect(r.metadata.signOnUrls).toEqual([`${ENTITY}/sso`]);
  });

  it.each([
    ["not XML", "<md:EntityDescriptor", /not well-formed XML/],
    ["a DTD", `<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>`, /document type declaration/],
    ["another root", "<html/>", /not a SAML 2.0 metadata EntityDescriptor/],
    ["a service provider's metadata", '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="sp"><md:SPSSODescriptor/></md:EntityDescriptor>', /no IDPSSODescriptor/],
    ["no signing certificate", '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="x"><md:IDPSSODescriptor/></md:EntityDescriptor>', /no signing certificate/],
    ["a broken certificate", '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="x"><md:IDPSSODescriptor><md:KeyDescriptor><ds:KeyInfo><ds:X509Data><ds:X509Certificate>AAAA</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor></md:IDPSSODescriptor></md:EntityDescriptor>', /not a DER-encoded X.509 certificate/],
  ])("refuses %s", (_what, xml, reason) => {
    const r = parseSamlMetadata(xml);
    expect(r.ok ? "" : r.reason).toMatch(reason);
  });
});
