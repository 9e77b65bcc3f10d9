import { formatValidationIssues } from "@/lib/domain/schemas";
import type { z } from "zod";
import { AwsError, clip } from "@/lib/domain/errors";

/**
 * The Query protocol's input side: form-encoded (or URL query) parameters flattened as `Tags.member.1.Key`,
 * `TagKeys.member.1`, nested back into plain objects and arrays, then parsed with the action's zod schema.
 * (https://docs.aws.amazon.com/IAM/latest/APIReference/iam-api.pdf, "Query requests"; list serialisation per
 * botocore's `query` serializer.)
 *
 * Every request reaches this code before anyone knows who sent it, so it is written for hostile input: the body
 * and the parameter count are bounded before anything is parsed, keys nest into objects without a prototype (a
 * key named `__proto__` or `constructor` is just a name), list positions are kept in a map rather than used as
 * array indexes (`member.4294967295` allocates nothing), and the work is linear in the size of the request.
 */

/** The documented bounds of a Query API request (README, "Security"). */
export const QUERY_LIMITS = {
  /**
   * The largest body read. The biggest legitimate requests are a 131,072-character policy document
   * (CreatePolicy) or a 100,000-character SAML assertion, about three times larger once form-encoded.
   */
  bodyBytes: 1024 * 1024,
  /** Parameters in the query string and body together; a CreateRole with 50 tags sends about 110. */
  parameters: 2000,
  /** The highest list position (`member.N`); IAM's longest lists (tags, client ids) hold at most 100. */
  listMembers: 1000,
  /** Dot-separated parts of one parameter name; `ContextEntries.member.1.ContextKeyValues.member.2` has 6. */
  keyDepth: 12,
} as const;

export interface QueryRequest {
  action?: string;
  version?: string;
  /** Every other parameter, nested; objects have no prototype. */
  input: Record<string, unknown>;
}

/** Parameters that belong to the protocol or to SigV4's presigned form, never to an action's input. */
const RESERVED = /^(Action|Version|X-Amz-[A-Za-z-]+)$/;

/**
 * IAM members with a non-string type. The Query protocol sends every value as text, so these are converted before
 * validation; the names are the same in every IAM (and STS) action that has them.
 */
const INTEGER_MEMBERS = new Set(["MaxItems", "MaxSessionDuration", "DurationSeconds"]);
const BOOLEAN_MEMBERS = new Set(["SetAsDefault", "OnlyAttached"]);
/** List members: an empty list is sent as `Tags=` (botocore and the JS SDK both do this). */
const LIST_MEMBERS = new Set([
  "Tags",
  "TagKeys",
  "PolicyArns",
  "TransitiveTagKeys",
  "ClientIDList",
  "ThumbprintList",
  // The policy simulator (SimulatePrincipalPolicy, SimulateCustomPolicy, GetContextKeysFor*Policy).
  "ActionNames",
  "ResourceArns",
  "PolicyInputList",
  "PermissionsBoundaryPolicyInputList",
  "ContextEntries",
  "ContextKeyValues",
]);

function countParameters(encoded: string): number {
  if (encoded === "") return 0;
  let n = 1;
  for (let i = 0; i < encoded.length; i++) if (encoded.charCodeAt(i) === 38 /* & */) n++;
  return n;
}

const tooMany = (n: number) =>
  new AwsError("ValidationError", `The request has ${n} parameters; at most ${QUERY_LIMITS.parameters} are accepted.`);

/**
 * The request's parameters, URL query first and then a form body (a body value wins over a query value of the same
 * name, and a later value over an earlier one). Counted before they are decoded.
 */
export function readFlatParams(url: URL, body: Uint8Array, contentType: string | null): Map<string, string> {
  const query = url.search.startsWith("?") ? url.search.slice(1) : url.search;
  const formBody = contentType === null || contentType.toLowerCase().startsWith("application/x-www-form-urlencoded");
  const text = formBody && body.length > 0 ? new TextDecoder().decode(body) : "";
  const count = countParameters(query) + countParameters(text);
  if (count > QUERY_LIMITS.parameters) throw tooMany(count);
  const params = new Map<string, string>();
  for (const [k, v] of new URLSearchParams(query)) params.set(k, v);
  for (const [k, v] of new URLSearchParams(text)) params.set(k, v);
  return params;
}

// The nesting is built from maps, so no key a client chooses can reach an object's prototype or size an array.
interface ObjectNode {
  kind: "object";
  fields: Map<string, Value>;
}
interface ListNode {
  kind: "list";
  items: Map<number, Value>;
}
type Value = string | ObjectNode | ListNode;

const objectNode = (): ObjectNode => ({ kind: "object", fields: new Map() });
const isIndex = (s: string | undefined): s is string => s !== undefined && /^[1-9]\d{0,9}$/.test(s);

function invalidKey(key: string, why: string): AwsError {
  return new AwsError("ValidationError", `Parameter '${clip(key, 128)}' ${why}.`);
}

function place(root: ObjectNode, key: string, value: string): void {
  const parts = key.split(".", QUERY_LIMITS.keyDepth + 1);
  if (parts.length > QUERY_LIMITS.keyDepth) throw invalidKey(key, `has more than ${QUERY_LIMITS.keyDepth} dot-separated parts`);
  let node = root;
  for (let i = 0; ; ) {
    const name = parts[i];
    if (i === parts.length - 1) {
      node.fields.set(name, value);
      return;
    }
    if (parts[i + 1] === "member" && isIndex(parts[i + 2])) {
      const index = Number(parts[i + 2]);
      if (index > QUERY_LIMITS.listMembers) throw invalidKey(key, `names list position ${index}; lists hold at most ${QUERY_LIMITS.listMembers} members`);
      let list = node.fields.get(name);
      if (typeof list !== "object" || list.kind !== "list") node.fields.set(name, (list = { kind: "list", items: new Map() }));
      if (i + 2 === parts.length - 1) {
        list.items.set(index, value);
        return;
      }
      let item = list.items.get(index);
      if (typeof item !== "object" || item.kind !== "object") list.items.set(index, (item = objectNode()));
      node = item;
      i += 3;
      continue;
    }
    let child = node.fields.get(name);
    if (typeof child !== "object" || child.kind !== "object") node.fields.set(name, (child = objectNode()));
    node = child;
    i += 1;
  }
}

/** Depth is bounded by `keyDepth`, so this recursion is too. Lists keep the order of their positions, without holes. */
function materialize(value: Value): unknown {
  if (typeof value === "string") return value;
  if (value.kind === "list")
    return [...value.items.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => materialize(v));
  const out: Record<string, unknown> = Object.create(null);
  for (const [k, v] of value.fields) out[k] = materialize(v);
  return out;
}

/**
 * Converts text to the members' types. List items that are objects (`ContextEntries.member.N`) are converted too:
 * their `ContextKeyValues=` is an empty list. The depth is bounded by `keyDepth`, as is the nesting.
 */
function convertScalars(input: Record<string, unknown>): Record<string, unknown> {
  for (const name of Object.keys(input)) {
    const value = input[name];
    if (Array.isArray(value)) {
      for (const item of value) if (typeof item === "object" && item !== null) convertScalars(item as Record<string, unknown>);
      continue;
    }
    if (typeof value !== "string") continue;
    if (INTEGER_MEMBERS.has(name) && /^-?\d{1,15}$/.test(value)) input[name] = Number(value);
    else if (BOOLEAN_MEMBERS.has(name) && /^(true|false)$/i.test(value)) input[name] = value.toLowerCase() === "true";
    else if (LIST_MEMBERS.has(name) && value === "") input[name] = [];
  }
  return input;
}

/** Nests flat Query parameters into the action's input. */
export function nestParams(params: Map<string, string>): QueryRequest {
  const root = objectNode();
  for (const [key, value] of params) {
    if (key === "" || RESERVED.test(key)) continue;
    place(root, key, value);
  }
  return {
    action: params.get("Action"),
    version: params.get("Version"),
    input: convertScalars(materialize(root) as Record<string, unknown>),
  };
}

/** `nestParams` over URLSearchParams, for callers that already hold them. */
export function parseQueryParams(params: URLSearchParams): QueryRequest {
  const flat = new Map<string, string>();
  let n = 0;
  for (const [k, v] of params) {
    if (++n > QUERY_LIMITS.parameters) throw tooMany(n);
    flat.set(k, v);
  }
  return nestParams(flat);
}

/** Parses an action's input with its schema, or throws IAM's ValidationError. */
export function parseInput<S extends z.ZodType>(schema: S, input: Record<string, unknown>): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new AwsError("ValidationError", formatValidationIssues(result.error.issues, input));
}
