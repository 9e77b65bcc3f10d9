import { DOMParser } from "@xmldom/xmldom";

/**
 * Reading XML that strangers send (SAML responses, metadata uploads) without letting the XML itself attack the
 * reader. SAML forbids a DTD in its messages (SAML 2.0 bindings, 3.1.1, and profiles), so any `<!DOCTYPE` or
 * `<!ENTITY` is refused before parsing: no entity expansion (billion laughs) and no external entity (XXE) can
 * happen. The parser (@xmldom/xmldom) builds the tree without recursion; the tree's depth and element count are
 * then checked with an explicit stack before anything recursive (canonicalisation, signature checks) walks it.
 */

export const NS = {
  protocol: "urn:oasis:names:tc:SAML:2.0:protocol",
  assertion: "urn:oasis:names:tc:SAML:2.0:assertion",
  metadata: "urn:oasis:names:tc:SAML:2.0:metadata",
  dsig: "http://www.w3.org/2000/09/xmldsig#",
} as const;

export interface XmlBounds {
  /** Characters of XML text. */
  maxChars: number;
  maxDepth: number;
  maxElements: number;
}

export type XmlRead = { ok: true; document: Document } | { ok: false; reason: string };

/** Markup declarations (`<!DOCTYPE`, `<!ENTITY`, …): anything starting `<!` that is not a comment or CDATA. */
const DECLARATION = /<!(?!--|\[CDATA\[)/;

export function readXml(text: string, bounds: XmlBounds): XmlRead {
  if (text.length > bounds.maxChars) return { ok: false, reason: `it is longer than ${bounds.maxChars.toLocaleString("en-US")} characters` };
  if (DECLARATION.test(text)) return { ok: false, reason: "it contains a document type declaration (DTD), which SAML does not allow" };
  let failure: string | undefined;
  const fail = (message: string) => {
    failure ??= message.replace(/^\[xmldom \w+\]\s*/, "").split("\n")[0].trim();
  };
  const document = new DOMParser({ errorHandler: { warning: () => undefined, error: fail, fatalError: fail } }).parseFromString(text, "text/xml");
  if (failure) return { ok: false, reason: `it is not well-formed XML (${failure})` };
  const root = document?.documentElement;
  if (!root) return { ok: false, reason: "it holds no XML element" };
  const shape = measure(root);
  if (shape.depth > bounds.maxDepth) return { ok: false, reason: `its elements nest deeper than ${bounds.maxDepth} levels` };
  if (shape.elements > bounds.maxElements) return { ok: false, reason: `it has more than ${bounds.maxElements.toLocaleString("en-US")} elements` };
  return { ok: true, document: document as unknown as Document };
}

/** Depth and element count, walked with an explicit stack so a deep tree cannot overflow the call stack. */
function measure(root: Element): { depth: number; elements: number } {
  let depth = 0;
  let elements = 0;
  const stack: [Element, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [el, d] = stack.pop()!;
    elements++;
    if (d > depth) depth = d;
    for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) stack.push([c as Element, d + 1]);
  }
  return { depth, elements };
}

export function isElement(node: Node | null | undefined, ns: string, local: string): node is Element {
  return !!node && node.nodeType === 1 && (node as Element).namespaceURI === ns && (node as Element).localName === local;
}

/** The element children of `parent` with this namespace and local name, in document order. */
export function childElements(parent: Element, ns: string, local: string): Element[] {
  const out: Element[] = [];
  for (let c = parent.firstChild; c; c = c.nextSibling) if (isElement(c, ns, local)) out.push(c);
  return out;
}

/** The single such child, or undefined when there is none; `many` when there is more than one. */
export function onlyChild(parent: Element, ns: string, local: string): Element | undefined | "many" {
  const found = childElements(parent, ns, local);
  return found.length > 1 ? "many" : found[0];
}

/**
 * All the text inside an element, comments left out. Reading only the first text node is how comment-injection
 * attacks work (`user@example.com<!---->.evil.com` would read as `user@example.com`); this reads the whole value.
 */
export function textOf(el: Element): string {
  let out = "";
  const stack: Node[] = [el];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.nodeType === 3 || n.nodeType === 4) out += n.nodeValue ?? "";
    else if (n.nodeType === 1) for (let c = n.lastChild; c; c = c.previousSibling) stack.push(c);
  }
  return out;
}

export const attr = (el: Element, name: string): string | undefined => (el.hasAttribute(name) ? el.getAttribute(name) ?? undefined : undefined);

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Escapes text for element content and attribute values. */
export const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
