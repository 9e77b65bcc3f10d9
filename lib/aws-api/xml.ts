/**
 * The Query protocol's XML (https://docs.aws.amazon.com/IAM/latest/APIReference/iam-api.pdf, "Making Query
 * requests"; shapes from botocore `iam/2010-05-08/service-2.json`). A result is a plain object whose key order is
 * the element order; arrays become `<member>` lists, as the `query` protocol serialises every list.
 */

export type XmlScalar = string | number | boolean | Date;
export type XmlValue = XmlScalar | XmlObject | XmlMap | XmlValue[] | null | undefined;

/** A string-to-string map, which the Query protocol writes as `<entry><key>…</key><value>…</value></entry>` items. */
export class XmlMap {
  constructor(readonly entries: Record<string, string>) {}
}
export interface XmlObject {
  [element: string]: XmlValue;
}

/** The error body every adapter renders from one AwsError-like value. */
export interface XmlError {
  code: string;
  message: string;
  type: "Sender" | "Receiver";
}

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;", "\r": "&#xD;" };

const NEEDS_ESCAPE = /[&<>"'\r]/;

/** Escapes text for element content. CR is kept as a character reference so XML parsers do not fold it into LF. */
export function escapeXml(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(/[&<>"'\r]/g, (c) => ENTITIES[c]);
}

/** IAM timestamps are ISO-8601 in UTC with whole seconds, e.g. 2026-11-28T00:00:00Z. */
export function isoDate(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/**
 * Policy documents in IAM responses are URL-encoded per RFC 3986
 * (https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetRolePolicy.html: "The policy document returned in
 * this structure is URL-encoded compliant with RFC 3986"). encodeURIComponent leaves !'()* alone; RFC 3986 does not.
 */
export function encodePolicyDocument(document: string): string {
  return encodeURIComponent(document).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function scalarText(v: XmlScalar): string {
  if (v instanceof Date) return isoDate(v);
  if (typeof v === "boolean") return v ? "true" : "false";
  return escapeXml(String(v));
}

export function renderElement(name: string, value: XmlValue): string {
  if (value === undefined || value === null) return "";
  // Children are appended in loops rather than mapped and joined: a simulation's answer holds thousands of elements.
  let inner = "";
  if (value instanceof XmlMap) {
    for (const [k, v] of Object.entries(value.entries)) inner += `<entry><key>${escapeXml(k)}</key><value>${escapeXml(v)}</value></entry>`;
  } else if (Array.isArray(value)) {
    for (const item of value) inner += renderElement("member", item);
  } else if (typeof value === "object" && !(value instanceof Date)) {
    for (const k of Object.keys(value)) inner += renderElement(k, value[k]);
  } else return `<${name}>${scalarText(value)}</${name}>`;
  return inner === "" ? `<${name}/>` : `<${name}>${inner}</${name}>`;
}

const PROLOG = '<?xml version="1.0" encoding="UTF-8"?>\n';

/**
 * `<XResponse xmlns=…><XResult>…</XResult><ResponseMetadata><RequestId>…</RequestId></ResponseMetadata></XResponse>`.
 * Actions without an output shape (DeleteRole, TagRole, …) have no Result element, as IAM answers.
 */
export function renderResponse(action: string, namespace: string, result: XmlObject | undefined, requestId: string): string {
  const body = result === undefined ? "" : renderElement(`${action}Result`, result) || `<${action}Result/>`;
  return (
    `${PROLOG}<${action}Response xmlns="${namespace}">${body}` +
    `<ResponseMetadata><RequestId>${escapeXml(requestId)}</RequestId></ResponseMetadata></${action}Response>`
  );
}

export function renderError(error: XmlError, namespace: string, requestId: string): string {
  return (
    `${PROLOG}<ErrorResponse xmlns="${namespace}"><Error><Type>${error.type}</Type>` +
    `<Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message></Error>` +
    `<RequestId>${escapeXml(requestId)}</RequestId></ErrorResponse>`
  );
}
