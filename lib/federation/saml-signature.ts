import { SignedXml } from "xml-crypto";
import { attr, childElements, NS, readXml, type XmlBounds } from "./xml";

/**
 * XML signature checks for SAML (XML-DSig, as SAML 2.0 core section 5 profiles it), with the defences the
 * signature-wrapping attacks call for:
 * - a signature counts only when it is an immediate child of the element it signs, and its one Reference points
 *   at that element's ID (SAML core 5.4.2);
 * - IDs must be unique in the document, so a second element cannot take the signed one's place;
 * - only RSA with SHA-256/512 (no SHA-1, no HMAC: an HMAC "signed" with the public certificate is key confusion),
 *   exclusive or inclusive canonicalisation without comments, and the enveloped-signature transform;
 * - the key is only ever the provider's metadata certificate, never one the message carries in its KeyInfo;
 * - callers read the signed element from what the signature covers (xml-crypto's signed references, parsed
 *   again), never from the document they were sent.
 * @see https://docs.oasis-open.org/security/saml/v2.0/saml-core-2.0-os.pdf (5.4)
 */

const SIGNATURE_ALGORITHMS = new Set(["http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512"]);
const DIGEST_ALGORITHMS = new Set(["http://www.w3.org/2001/04/xmlenc#sha256", "http://www.w3.org/2001/04/xmlenc#sha512"]);
const C14N = new Set(["http://www.w3.org/2001/10/xml-exc-c14n#", "http://www.w3.org/TR/2001/REC-xml-c14n-20010315"]);
const TRANSFORMS = new Set([...C14N, "http://www.w3.org/2000/09/xmldsig#enveloped-signature"]);

export type SignatureCheck = { ok: true; signed: Element } | { ok: false; reason: string };

/** Every element with an ID-like attribute, by value: more than one per value is refused. */
export function duplicateIds(root: Element): string | null {
  const seen = new Set<string>();
  const stack: Element[] = [root];
  while (stack.length > 0) {
    const el = stack.pop()!;
    for (const name of ["ID", "Id", "id"]) {
      const v = attr(el, name);
      if (v === undefined) continue;
      if (seen.has(v)) return v;
      seen.add(v);
    }
    for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) stack.push(c as Element);
  }
  return null;
}

function algorithmOf(parent: Element, ns: string, local: string): string | undefined {
  const el = childElements(parent, ns, local)[0];
  return el ? attr(el, "Algorithm") : undefined;
}

/** Why a Signature's SignedInfo is not one this checker accepts, or null when it is. */
function unacceptableSignedInfo(signature: Element, id: string): string | null {
  const signedInfo = childElements(signature, NS.dsig, "SignedInfo")[0];
  if (!signedInfo) return "the signature has no SignedInfo";
  const c14n = algorithmOf(signedInfo, NS.dsig, "CanonicalizationMethod");
  if (!c14n || !C14N.has(c14n)) return `canonicalization ${c14n ?? "(none)"} is not accepted`;
  const method = algorithmOf(signedInfo, NS.dsig, "SignatureMethod");
  if (!method || !SIGNATURE_ALGORITHMS.has(method)) return `signature algorithm ${method ?? "(none)"} is not accepted; sign with RSA-SHA256 or RSA-SHA512`;
  const refs = childElements(signedInfo, NS.dsig, "Reference");
  if (refs.length !== 1) return "the signature must have exactly one Reference";
  if (attr(refs[0], "URI") !== `#${id}`) return "the signature's Reference does not point at the element it is part of";
  const digest = algorithmOf(refs[0], NS.dsig, "DigestMethod");
  if (!digest || !DIGEST_ALGORITHMS.has(digest)) return `digest algorithm ${digest ?? "(none)"} is not accepted; use SHA-256 or SHA-512`;
  const transforms = childElements(refs[0], NS.dsig, "Transforms")[0];
  for (const t of transforms ? childElements(transforms, NS.dsig, "Transform") : []) {
    const a = attr(t, "Algorithm");
    if (!a || !TRANSFORMS.has(a)) return `transform ${a ?? "(none)"} is not accepted`;
  }
  return null;
}

/**
 * Checks the enveloped signature that is an immediate child of `element` against the certificates, and answers
 * with the element as signed (parsed again from the canonical form the signature covers).
 */
export function checkEnvelopedSignature(xml: string, element: Element, certificatesPem: string[], bounds: XmlBounds): SignatureCheck {
  const signatures = childElements(element, NS.dsig, "Signature");
  if (signatures.length !== 1) return { ok: false, reason: signatures.length ? "more than one signature" : "no signature" };
  const id = attr(element, "ID");
  if (!id) return { ok: false, reason: "the signed element has no ID" };
  const bad = unacceptableSignedInfo(signatures[0], id);
  if (bad) return { ok: false, reason: bad };
  for (const publicCert of certificatesPem) {
    const sig = new SignedXml({ publicCert, getCertFromKeyInfo: () => null });
    // Narrow xml-crypto's tables to what unacceptableSignedInfo allows, so the library cannot pick anything else.
    for (const alg of Object.keys(sig.SignatureAlgorithms)) if (!SIGNATURE_ALGORITHMS.has(alg)) delete sig.SignatureAlgorithms[alg];
    for (const alg of Object.keys(sig.HashAlgorithms)) if (!DIGEST_ALGORITHMS.has(alg)) delete sig.HashAlgorithms[alg];
    for (const alg of Object.keys(sig.CanonicalizationAlgorithms)) if (!TRANSFORMS.has(alg)) delete sig.CanonicalizationAlgorithms[alg];
    try {
      sig.loadSignature(signatures[0] as unknown as Node);
      if (!sig.checkSignature(xml)) continue;
    } catch {
      continue;
    }
    const references = sig.getSignedReferences();
    if (references.length !== 1) return { ok: false, reason: "the signature covers more than one element" };
    const reread = readXml(references[0], bounds);
    if (!reread.ok) return { ok: false, reason: `the signed content cannot be read: ${reread.reason}` };
    const signed = reread.document.documentElement;
    if (signed.namespaceURI !== element.namespaceURI || signed.localName !== element.localName || attr(signed, "ID") !== id)
      return { ok: false, reason: "the signature covers another element than the one it is in" };
    return { ok: true, signed };
  }
  return { ok: false, reason: "the signature does not verify with the provider's certificates" };
}
