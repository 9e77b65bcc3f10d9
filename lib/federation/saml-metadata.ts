import { X509Certificate } from "node:crypto";
import { LIMITS } from "@/lib/domain/limits";
import type { SamlCertificate } from "@/lib/domain/types";

export type { SamlCertificate };
import { attr, childElements, NS, onlyChild, readXml, textOf } from "./xml";

/**
 * A SAML 2.0 identity provider's metadata (SAML 2.0 metadata, OASIS saml-metadata-2.0-os): its entity id, the
 * certificates it signs with, where users sign in, and until when the document is valid. IAM keeps the document
 * and checks assertions against its signing certificates.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_saml.html
 */
export interface SamlMetadata {
  entityId: string;
  /** The document's `validUntil`, when it states one. */
  validUntil: Date | null;
  signingCertificates: SamlCertificate[];
  /** SingleSignOnService locations, for people to read. */
  signOnUrls: string[];
}

export type MetadataRead = { ok: true; metadata: SamlMetadata } | { ok: false; reason: string };

const METADATA_BOUNDS = { maxChars: LIMITS.samlMetadataDocument.max, maxDepth: 40, maxElements: 100_000 };

export function parseSamlMetadata(text: string): MetadataRead {
  const read = readXml(text, METADATA_BOUNDS);
  if (!read.ok) return read;
  let entity: Element = read.document.documentElement;
  if (entity.namespaceURI === NS.metadata && entity.localName === "EntitiesDescriptor") {
    const inner = childElements(entity, NS.metadata, "EntityDescriptor");
    if (inner.length !== 1) return { ok: false, reason: `it describes ${inner.length} entities; upload the metadata of one identity provider` };
    entity = inner[0];
  }
  if (entity.namespaceURI !== NS.metadata || entity.localName !== "EntityDescriptor")
    return { ok: false, reason: "its root element is not a SAML 2.0 metadata EntityDescriptor" };
  const entityId = attr(entity, "entityID")?.trim();
  if (!entityId) return { ok: false, reason: "the EntityDescriptor has no entityID" };
  const idp = onlyChild(entity, NS.metadata, "IDPSSODescriptor");
  if (idp === undefined) return { ok: false, reason: "it has no IDPSSODescriptor: it does not describe an identity provider" };
  if (idp === "many") return { ok: false, reason: "it has more than one IDPSSODescriptor" };

  const validUntilText = attr(entity, "validUntil");
  const validUntil = validUntilText ? new Date(validUntilText) : null;
  if (validUntil && Number.isNaN(validUntil.getTime())) return { ok: false, reason: `its validUntil "${validUntilText}" is not a date` };

  const signingCertificates: SamlCertificate[] = [];
  for (const kd of childElements(idp, NS.metadata, "KeyDescriptor")) {
    const use = attr(kd, "use");
    if (use && use !== "signing") continue;
    for (const keyInfo of childElements(kd, NS.dsig, "KeyInfo"))
      for (const data of childElements(keyInfo, NS.dsig, "X509Data"))
        for (const certEl of childElements(data, NS.dsig, "X509Certificate")) {
          const cert = readCertificate(textOf(certEl));
          if (typeof cert === "string") return { ok: false, reason: cert };
          if (!signingCertificates.some((c) => c.fingerprintSha256 === cert.fingerprintSha256)) signingCertificates.push(cert);
        }
  }
  if (signingCertificates.length === 0) return { ok: false, reason: "the IDPSSODescriptor has no signing certificate (KeyDescriptor with an X509Certificate)" };

  const signOnUrls = childElements(idp, NS.metadata, "SingleSignOnService").flatMap((s) => attr(s, "Location") ?? []);
  return { ok: true, metadata: { entityId, validUntil, signingCertificates, signOnUrls } };
}

/** A base64 DER certificate as metadata carries it, or why it cannot be used. */
export function readCertificate(base64: string): SamlCertificate | string {
  const body = base64.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body)) return "an X509Certificate is not base64";
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(Buffer.from(body, "base64"));
  } catch {
    return "an X509Certificate is not a DER-encoded X.509 certificate";
  }
  const keyType = cert.publicKey.asymmetricKeyType ?? "unknown";
  if (keyType !== "rsa" && keyType !== "ec") return `a signing certificate holds a ${keyType} key; SAML signatures here are RSA or ECDSA`;
  const pem = `-----BEGIN CERTIFICATE-----\n${body.match(/.{1,64}/g)!.join("\n")}\n-----END CERTIFICATE-----\n`;
  return {
    pem,
    subject: cert.subject.replace(/\n/g, ", "),
    issuer: cert.issuer.replace(/\n/g, ", "),
    notBefore: new Date(cert.validFrom),
    notAfter: new Date(cert.validTo),
    fingerprintSha256: cert.fingerprint256,
    keyType: keyType.toUpperCase(),
  };
}
