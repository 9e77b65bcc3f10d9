import { createPublicKey, generateKeyPairSync, randomBytes, randomUUID } from "node:crypto";
import { exportJWK, importPKCS8, SignJWT, type JSONWebKeySet } from "jose";
import forge from "node-forge";
import { SignedXml } from "xml-crypto";
import type { MintDemoAssertionInput, MintDemoTokenInput } from "@/lib/domain/identity-provider-schemas";
import { AWS_SAML_ATTRIBUTE } from "./saml-attributes";
import { escapeXml, NS } from "./xml";

/**
 * Roleplane's built-in test identity provider: an OIDC issuer and a SAML identity provider per account, whose keys
 * Roleplane holds, so a person can try a web-identity or SAML role end to end without an outside IdP. This module
 * makes keys, certificates and metadata, and signs tokens and SAML responses with them; the store keeps the
 * private keys sealed (lib/iam/demo-identity-providers.ts). Tokens and assertions it signs are ordinary ones: STS
 * checks them exactly as it checks any provider's.
 */

/** A reserved name (RFC 2606 `.test`) that resolves nowhere: nobody can serve this issuer but Roleplane. */
export const DEMO_IDP_HOST = "demo-idp.roleplane.test";
export const demoOidcIssuer = (accountId: string) => `https://${DEMO_IDP_HOST}/${accountId}`;
export const demoSamlEntityId = (accountId: string) => `https://${DEMO_IDP_HOST}/${accountId}/saml`;
export const DEMO_SAML_PROVIDER_NAME = "RoleplaneDemoIdP";
/** The client ID the demo OIDC provider is registered with: STS's own audience, as AWS's guides use. */
export const DEMO_CLIENT_ID = "sts.amazonaws.com";

function rsaKeyPair() {
  return generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
}

export interface DemoOidcKeys {
  privateKeyPem: string;
  kid: string;
  jwks: JSONWebKeySet;
}

export async function generateDemoOidcKeys(): Promise<DemoOidcKeys> {
  const { publicKey, privateKey } = rsaKeyPair();
  const kid = `roleplane-demo-${randomBytes(6).toString("hex")}`;
  const jwk = await exportJWK(createPublicKey(publicKey));
  return { privateKeyPem: privateKey, kid, jwks: { keys: [{ ...jwk, kid, alg: "RS256", use: "sig" }] } };
}

export async function mintDemoJwt(
  key: { issuer: string; privateKeyPem: string; kid: string },
  input: MintDemoTokenInput,
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + input.expiresInSeconds;
  const token = await new SignJWT({ ...input.claims })
    .setProtectedHeader({ alg: "RS256", kid: key.kid, typ: "JWT" })
    .setIssuer(key.issuer)
    .setSubject(input.subject)
    .setAudience(input.audience)
    .setIssuedAt(iat)
    .setNotBefore(iat)
    .setExpirationTime(exp)
    .setJti(randomUUID())
    .sign(await importPKCS8(key.privateKeyPem, "RS256"));
  return { token, expiresAt: new Date(exp * 1000) };
}

export interface DemoSamlIdentity {
  privateKeyPem: string;
  certificatePem: string;
  metadataXml: string;
}

/** A self-signed signing certificate valid for two years, and the IdP metadata naming it. */
export function generateDemoSamlIdentity(entityId: string, now = new Date()): DemoSamlIdentity {
  const { publicKey, privateKey } = rsaKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey);
  cert.serialNumber = `01${randomBytes(8).toString("hex")}`;
  cert.validity.notBefore = new Date(now.getTime() - 60_000);
  cert.validity.notAfter = new Date(now.getTime() + 2 * 365 * 86_400_000);
  const name = [
    { name: "commonName", value: "Roleplane demo SAML IdP" },
    { name: "organizationName", value: "Roleplane" },
  ];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.sign(forge.pki.privateKeyFromPem(privateKey) as forge.pki.rsa.PrivateKey, forge.md.sha256.create());
  const certificatePem = forge.pki.certificateToPem(cert);
  const certBody = certificatePem.replace(/-----[A-Z ]+-----|\s+/g, "");
  const metadataXml = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<md:EntityDescriptor xmlns:md="${NS.metadata}" xmlns:ds="${NS.dsig}" entityID="${escapeXml(entityId)}">`,
    `  <md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="${NS.protocol}">`,
    `    <md:KeyDescriptor use="signing">`,
    `      <ds:KeyInfo><ds:X509Data><ds:X509Certificate>${certBody}</ds:X509Certificate></ds:X509Data></ds:KeyInfo>`,
    `    </md:KeyDescriptor>`,
    `    <md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</md:NameIDFormat>`,
    `    <md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:transient</md:NameIDFormat>`,
    `    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${escapeXml(entityId)}/sso"/>`,
    `  </md:IDPSSODescriptor>`,
    `</md:EntityDescriptor>`,
    ``,
  ].join("\n");
  return { privateKeyPem: privateKey, certificatePem, metadataXml };
}

const NAME_ID_FORMAT_URI: Record<MintDemoAssertionInput["nameIdFormat"], string> = {
  persistent: "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent",
  transient: "urn:oasis:names:tc:SAML:2.0:nameid-format:transient",
  emailAddress: "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress",
  unspecified: "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified",
};

const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");
const samlId = () => `_${randomBytes(16).toString("hex")}`;

function attributeXml(name: string, values: string[]): string {
  return `<saml:Attribute Name="${escapeXml(name)}">${values.map((v) => `<saml:AttributeValue>${escapeXml(v)}</saml:AttributeValue>`).join("")}</saml:Attribute>`;
}

/** A signed SAML Response (the Assertion carries the signature), base64-encoded as AssumeRoleWithSAML takes it. */
export function mintDemoSamlResponse(
  key: { entityId: string; providerArn: string; privateKeyPem: string; certificatePem: string },
  input: MintDemoAssertionInput,
  now = new Date(),
): { samlAssertion: string; expiresAt: Date } {
  const expiresAt = new Date(now.getTime() + input.expiresInSeconds * 1000);
  const assertionId = samlId();
  const attributes = [
    attributeXml(AWS_SAML_ATTRIBUTE.role, input.roleArns.map((r) => `${r},${key.providerArn}`)),
    attributeXml(AWS_SAML_ATTRIBUTE.roleSessionName, [input.roleSessionName]),
    ...(input.sessionDuration ? [attributeXml(AWS_SAML_ATTRIBUTE.sessionDuration, [String(input.sessionDuration)])] : []),
    ...Object.entries(input.attributes).map(([name, values]) => attributeXml(name, values)),
  ];
  const assertion =
    `<saml:Assertion xmlns:saml="${NS.assertion}" ID="${assertionId}" IssueInstant="${iso(now)}" Version="2.0">` +
    `<saml:Issuer>${escapeXml(key.entityId)}</saml:Issuer>` +
    `<saml:Subject><saml:NameID Format="${NAME_ID_FORMAT_URI[input.nameIdFormat]}">${escapeXml(input.subject)}</saml:NameID>` +
    `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">` +
    `<saml:SubjectConfirmationData NotOnOrAfter="${iso(expiresAt)}" Recipient="${escapeXml(input.recipient)}"/></saml:SubjectConfirmation></saml:Subject>` +
    `<saml:Conditions NotBefore="${iso(now)}" NotOnOrAfter="${iso(expiresAt)}"><saml:AudienceRestriction><saml:Audience>${escapeXml(input.audience)}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
    `<saml:AuthnStatement AuthnInstant="${iso(now)}" SessionIndex="${assertionId}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>` +
    `<saml:AttributeStatement>${attributes.join("")}</saml:AttributeStatement>` +
    `</saml:Assertion>`;
  const response =
    `<samlp:Response xmlns:samlp="${NS.protocol}" ID="${samlId()}" Version="2.0" IssueInstant="${iso(now)}" Destination="${escapeXml(input.recipient)}">` +
    `<saml:Issuer xmlns:saml="${NS.assertion}">${escapeXml(key.entityId)}</saml:Issuer>` +
    `<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>` +
    assertion +
    `</samlp:Response>`;
  return { samlAssertion: Buffer.from(signElement(response, assertionId, key), "utf8").toString("base64"), expiresAt };
}

/** Signs the element with this ID (enveloped, exclusive c14n, RSA-SHA256), the signature placed after its Issuer as SAML's schema orders it. */
export function signElement(xml: string, id: string, key: { privateKeyPem: string; certificatePem: string }): string {
  const sig = new SignedXml({
    privateKey: key.privateKeyPem,
    publicCert: key.certificatePem,
    signatureAlgorithm: "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
    canonicalizationAlgorithm: "http://www.w3.org/2001/10/xml-exc-c14n#",
  });
  sig.addReference({
    xpath: `//*[@ID='${id}']`,
    digestAlgorithm: "http://www.w3.org/2001/04/xmlenc#sha256",
    transforms: ["http://www.w3.org/2000/09/xmldsig#enveloped-signature", "http://www.w3.org/2001/10/xml-exc-c14n#"],
  });
  sig.computeSignature(xml, { prefix: "ds", location: { reference: `//*[@ID='${id}']/*[local-name()='Issuer']`, action: "after" } });
  return sig.getSignedXml();
}
