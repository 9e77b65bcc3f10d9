import { createHash } from "node:crypto";
import { LIMITS } from "@/lib/domain/limits";
import { accept, refuse, type Verification } from "./refusal";
import { AWS_SAML_ATTRIBUTE, isAcceptedAudience, isSignInEndpoint, SAML_ATTRIBUTE_KEYS } from "./saml-attributes";
import { checkEnvelopedSignature, duplicateIds } from "./saml-signature";
import { attr, childElements, NS, onlyChild, readXml, textOf } from "./xml";

/**
 * Verifying a SAML 2.0 authentication response the way STS does for AssumeRoleWithSAML: signed by the provider
 * (the Response or its one Assertion) with a certificate from the provider's metadata, issued by the provider's
 * entity, for AWS's audience and recipient, within its validity window, and offering the requested role with this
 * provider. Everything after the signature check is read from the signed XML only. The answer is the session's
 * facts and the `SAML:*` condition keys, or a refusal with AWS's code and words.
 *
 * @see https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithSAML.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_saml_assertions.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-saml
 */

/** The SAML provider named by PrincipalArn, as the verifier needs it. */
export interface SamlTrust {
  arn: string;
  accountId: string;
  /** The provider's friendly name (the last part of its ARN). */
  name: string;
  /** The metadata's entityID: the assertion's Issuer must be this. */
  entityId: string;
  certificatesPem: string[];
}

export interface SamlRequest {
  /** AssumeRoleWithSAML's SAMLAssertion: the base64-encoded Response. */
  samlAssertion: string;
  roleArn: string;
  principalArn: string;
  now?: Date;
}

export interface VerifiedSamlAssertion {
  /** The NameID: `Subject` in the response, `SAML:sub`. */
  subject: string;
  /** The NameID Format without the `urn:oasis:names:tc:SAML:2.0:nameid-format:` prefix: `SubjectType`, `SAML:sub_type`. */
  subjectType: string;
  issuer: string;
  /** The SubjectConfirmationData Recipient: `Audience` in the response, `SAML:aud`. */
  audience: string;
  /** BASE64(SHA1(issuer + account id + "/" + provider name)): `NameQualifier`, `SAML:namequalifier`. */
  nameQualifier: string;
  roleSessionName: string;
  /** The SessionDuration attribute, in seconds, when sent. */
  sessionDuration?: number;
  sourceIdentity?: string;
  sessionTags: { Key: string; Value: string }[];
  transitiveTagKeys: string[];
  /** When the assertion stops being usable (SubjectConfirmationData NotOnOrAfter). */
  expiresAt: Date;
  /** The AuthnStatement's SessionNotOnOrAfter: the session the assertion starts must end by then. */
  sessionNotOnOrAfter?: Date;
  contextKeys: Record<string, string | string[]>;
}

/** Clocks may disagree this much about NotBefore; expiry gets no grace. */
export const SAML_CLOCK_SKEW_SECONDS = 300;
/** STS refuses an assertion issued more than five minutes before it is redeemed. */
export const SAML_REDEEM_WITHIN_SECONDS = 300;

const RESPONSE_BOUNDS = { maxChars: LIMITS.samlAssertion.max, maxDepth: 32, maxElements: 5000 };
const NAME_ID_PREFIX = "urn:oasis:names:tc:SAML:2.0:nameid-format:";
const SESSION_NAME = /^[a-zA-Z_0-9+=,.@-]{2,64}$/;

const invalid = (message: string) => refuse("InvalidIdentityToken", message);
const SIGNATURE_INVALID = invalid("Response signature invalid");

function decodeBase64(text: string): string | null {
  const body = text.replace(/\s+/g, "");
  if (body.length === 0 || body.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(body)) return null;
  return Buffer.from(body, "base64").toString("utf8");
}

const time = (v: string | undefined) => {
  const d = v ? new Date(v) : null;
  return d && !Number.isNaN(d.getTime()) ? d : null;
};

/** The assertion, read from what a signature covers: the Assertion's own, or the Response's. */
function signedAssertion(xml: string, response: Element, trust: SamlTrust): Verification<Element> {
  const assertions = childElements(response, NS.assertion, "Assertion");
  if (childElements(response, NS.assertion, "EncryptedAssertion").length > 0)
    return invalid("The SAML response holds an encrypted assertion; Roleplane reads only unencrypted assertions.");
  if (assertions.length !== 1) return invalid(`The SAML response must contain exactly one Assertion; it contains ${assertions.length}.`);
  if (duplicateIds(response)) return SIGNATURE_INVALID;
  const assertion = assertions[0];
  const responseSigned = childElements(response, NS.dsig, "Signature").length > 0;
  const assertionSigned = childElements(assertion, NS.dsig, "Signature").length > 0;
  if (!responseSigned && !assertionSigned) return SIGNATURE_INVALID;
  let fromResponse: Element | undefined;
  if (responseSigned) {
    const r = checkEnvelopedSignature(xml, response, trust.certificatesPem, RESPONSE_BOUNDS);
    if (!r.ok) return SIGNATURE_INVALID;
    const inner = childElements(r.signed, NS.assertion, "Assertion");
    if (inner.length !== 1) return SIGNATURE_INVALID;
    fromResponse = inner[0];
  }
  if (assertionSigned) {
    const a = checkEnvelopedSignature(xml, assertion, trust.certificatesPem, RESPONSE_BOUNDS);
    if (!a.ok) return SIGNATURE_INVALID;
    return accept(a.signed);
  }
  return accept(fromResponse!);
}

function attributes(assertion: Element): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const statement of childElements(assertion, NS.assertion, "AttributeStatement"))
    for (const a of childElements(statement, NS.assertion, "Attribute")) {
      const name = attr(a, "Name");
      if (!name) continue;
      const values = childElements(a, NS.assertion, "AttributeValue").map((v) => textOf(v).trim());
      out.set(name, [...(out.get(name) ?? []), ...values]);
    }
  return out;
}

export function verifySamlResponse(req: SamlRequest, trust: SamlTrust): Verification<VerifiedSamlAssertion> {
  const now = req.now ?? new Date();
  const xml = decodeBase64(req.samlAssertion);
  if (xml === null) return invalid("Invalid base64 SAMLResponse");
  const read = readXml(xml, RESPONSE_BOUNDS);
  if (!read.ok) return invalid(`The SAML response cannot be read: ${read.reason}.`);
  const response = read.document.documentElement;
  if (response.namespaceURI !== NS.protocol || response.localName !== "Response") return invalid("The SAML assertion is not a SAML 2.0 Response.");

  const status = onlyChild(response, NS.protocol, "Status");
  const code = status && status !== "many" ? onlyChild(status, NS.protocol, "StatusCode") : undefined;
  const statusValue = code && code !== "many" ? attr(code, "Value") : undefined;
  if (statusValue !== "urn:oasis:names:tc:SAML:2.0:status:Success")
    return refuse("IDPRejectedClaim", `The identity provider reported that authentication failed (status ${statusValue ?? "missing"}).`);

  const signed = signedAssertion(xml, response, trust);
  if (!signed.ok) return signed;
  const assertion = signed.value;

  const issuerEl = onlyChild(assertion, NS.assertion, "Issuer");
  const issuer = issuerEl && issuerEl !== "many" ? textOf(issuerEl).trim() : "";
  if (issuer !== trust.entityId) return invalid("Failed to assume role: Issuer not present in specified provider");

  const issued = time(attr(assertion, "IssueInstant"));
  if (!issued) return invalid("The SAML assertion has no IssueInstant.");

  const subjectEl = onlyChild(assertion, NS.assertion, "Subject");
  const nameId = subjectEl && subjectEl !== "many" ? onlyChild(subjectEl, NS.assertion, "NameID") : undefined;
  if (!nameId || nameId === "many" || textOf(nameId).trim() === "") return invalid("The SAML assertion's Subject must have one NameID.");
  const confirmations = subjectEl && subjectEl !== "many" ? childElements(subjectEl, NS.assertion, "SubjectConfirmation") : [];
  const data = confirmations.length === 1 ? onlyChild(confirmations[0], NS.assertion, "SubjectConfirmationData") : undefined;
  const recipient = data && data !== "many" ? attr(data, "Recipient") : undefined;
  const notOnOrAfter = data && data !== "many" ? time(attr(data, "NotOnOrAfter")) : null;
  if (!recipient || !notOnOrAfter) return invalid("Responses must contain SubjectConfirmatonData with a Recipient and NotOnOrAfter");
  if (!isSignInEndpoint(recipient))
    return invalid(`The SubjectConfirmationData Recipient ${recipient} is not an AWS sign-in endpoint (https://signin.aws.amazon.com/saml, or a regional https://<region>.signin.aws.amazon.com/saml).`);
  if (now >= notOnOrAfter) return refuse("ExpiredTokenException", `Assertion expired: the current time ${now.toISOString()} is not before its NotOnOrAfter ${notOnOrAfter.toISOString()}`);

  const conditions = onlyChild(assertion, NS.assertion, "Conditions");
  if (!conditions || conditions === "many") return invalid("Response does not contain the required audience.");
  const notBefore = time(attr(conditions, "NotBefore"));
  const conditionsEnd = time(attr(conditions, "NotOnOrAfter"));
  if (notBefore && now.getTime() + SAML_CLOCK_SKEW_SECONDS * 1000 < notBefore.getTime())
    return invalid(`The SAML assertion is not yet valid: its NotBefore ${notBefore.toISOString()} is after the current time ${now.toISOString()}.`);
  if (conditionsEnd && now >= conditionsEnd)
    return refuse("ExpiredTokenException", `Assertion expired: the current time ${now.toISOString()} is not before its NotOnOrAfter ${conditionsEnd.toISOString()}`);
  if (now.getTime() - issued.getTime() > SAML_REDEEM_WITHIN_SECONDS * 1000) return refuse("ExpiredTokenException", "Token must be redeemed within 5 minutes of issuance");
  // AssumeRoleWithSAML's credentials last for DurationSeconds or until SessionNotOnOrAfter, whichever is shorter.
  const sessionEnds = childElements(assertion, NS.assertion, "AuthnStatement").flatMap((a) => time(attr(a, "SessionNotOnOrAfter")) ?? []);
  const sessionNotOnOrAfter = sessionEnds.length ? new Date(Math.min(...sessionEnds.map((d) => d.getTime()))) : undefined;
  if (sessionNotOnOrAfter && now >= sessionNotOnOrAfter)
    return refuse("ExpiredTokenException", `The session the assertion allows ended: the current time ${now.toISOString()} is not before its SessionNotOnOrAfter ${sessionNotOnOrAfter.toISOString()}`);
  const audiences = childElements(conditions, NS.assertion, "AudienceRestriction").flatMap((r) => childElements(r, NS.assertion, "Audience").map((a) => textOf(a).trim()));
  if (!audiences.some(isAcceptedAudience)) return invalid("Response does not contain the required audience.");

  const attrs = attributes(assertion);
  const pairs = (attrs.get(AWS_SAML_ATTRIBUTE.role) ?? []).map((v) => v.split(",").map((s) => s.trim()));
  if (!pairs.some((p) => p.length === 2 && p.includes(req.roleArn) && p.includes(req.principalArn)))
    return invalid("SAML Assertion doesn't contain the requested Role and Metadata in the attributes");

  const sessionNames = attrs.get(AWS_SAML_ATTRIBUTE.roleSessionName) ?? [];
  if (sessionNames.length === 0) return invalid("RoleSessionName is required in AuthnResponse");
  if (sessionNames.length > 1 || !SESSION_NAME.test(sessionNames[0])) return invalid("RoleSessionName in AuthnResponse must match [a-zA-Z_0-9+=,.@-]{2,64}");

  const durations = attrs.get(AWS_SAML_ATTRIBUTE.sessionDuration) ?? [];
  const sessionDuration = durations.length ? Number(durations[0]) : undefined;
  if (sessionDuration !== undefined && (durations.length > 1 || !Number.isInteger(sessionDuration) || sessionDuration < 900 || sessionDuration > 43200))
    return invalid("SessionDuration in AuthnResponse must be a whole number of seconds from 900 to 43200");

  const sources = attrs.get(AWS_SAML_ATTRIBUTE.sourceIdentity) ?? [];
  if (sources.length > 1 || (sources.length === 1 && (!SESSION_NAME.test(sources[0]) || sources[0].toLowerCase().startsWith("aws:"))))
    return invalid('Source Identity must match [a-zA-Z_0-9+=,.@-]{2,64} and not begin with "aws:"');

  const sessionTags: { Key: string; Value: string }[] = [];
  for (const [name, values] of attrs)
    if (name.startsWith(AWS_SAML_ATTRIBUTE.principalTagPrefix)) sessionTags.push({ Key: name.slice(AWS_SAML_ATTRIBUTE.principalTagPrefix.length), Value: values[0] ?? "" });

  const subject = textOf(nameId).trim();
  const format = attr(nameId, "Format") ?? "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified";
  const subjectType = format.startsWith(NAME_ID_PREFIX) ? format.slice(NAME_ID_PREFIX.length) : format;
  const nameQualifier = createHash("sha1").update(`${issuer}${trust.accountId}/${trust.name}`).digest("base64");

  const contextKeys: Record<string, string | string[]> = {
    "SAML:aud": recipient,
    "SAML:sub": subject,
    "SAML:sub_type": subjectType,
    "SAML:iss": issuer,
    "SAML:namequalifier": nameQualifier,
    "SAML:doc": `${trust.accountId}/${trust.name}`,
    "aws:FederatedProvider": trust.arn,
  };
  for (const [name, values] of attrs) {
    const mapped = SAML_ATTRIBUTE_KEYS[name];
    if (mapped && values.length > 0) contextKeys[`SAML:${mapped.key}`] = mapped.list ? values : values[0];
  }

  return accept({
    subject,
    subjectType,
    issuer,
    audience: recipient,
    nameQualifier,
    roleSessionName: sessionNames[0],
    sessionDuration,
    sourceIdentity: sources[0],
    sessionTags,
    transitiveTagKeys: attrs.get(AWS_SAML_ATTRIBUTE.transitiveTagKeys) ?? [],
    expiresAt: conditionsEnd && conditionsEnd < notOnOrAfter ? conditionsEnd : notOnOrAfter,
    sessionNotOnOrAfter,
    contextKeys,
  });
}
