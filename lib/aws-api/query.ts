import { formatValidationIssues } from "@/lib/iam/schemas";
import type { z } from "zod";
import { AwsError } from "@/lib/iam/errors";

/**
 * The Query protocol's input side: form-encoded (or URL query) parameters flattened as `Tags.member.1.Key`,
 * `TagKeys.member.1`, nested back into plain objects and arrays, then parsed with the action's zod schema.
 * (https://docs.aws.amazon.com/IAM/latest/APIReference/iam-api.pdf, "Query requests"; list serialisation per
 * botocore's `query` serializer.)
 */

export interface QueryRequest {
  action?: string;
  version?: string;
  /** Every other parameter, nested. */
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
const LIST_MEMBERS = new Set(["Tags", "TagKeys", "PolicyArns", "TransitiveTagKeys", "ClientIDList", "ThumbprintList"]);

type Nested = Record<string, unknown>;

const isRecord = (v: unknown): v is Nested => typeof v === "object" && v !== null && !Array.isArray(v);

function setPath(target: Nested, parts: string[], value: string): void {
  const [head, ...rest] = parts;
  // No AWS member is called __proto__; following it would write into Object.prototype for the whole process.
  if (head === "__proto__") return;
  if (rest.length === 0) {
    target[head] = value;
    return;
  }
  if (rest[0] === "member" && /^[1-9]\d*$/.test(rest[1] ?? "")) {
    const index = Number(rest[1]) - 1;
    const list = Array.isArray(target[head]) ? (target[head] as unknown[]) : (target[head] = []);
    if (rest.length === 2) {
      list[index] = value;
      return;
    }
    const item = isRecord(list[index]) ? (list[index] as Nested) : (list[index] = {});
    setPath(item as Nested, rest.slice(2), value);
    return;
  }
  const child = isRecord(target[head]) ? (target[head] as Nested) : (target[head] = {});
  setPath(child as Nested, rest, value);
}

/** Drops holes left by sparse indexes (`member.1`, `member.3`) so positions stay in the order sent. */
function compactLists(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(compactLists);
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, compactLists(v)]));
  return value;
}

function convertScalars(input: Nested): Nested {
  for (const [name, value] of Object.entries(input)) {
    if (typeof value !== "string") continue;
    if (INTEGER_MEMBERS.has(name) && /^-?\d+$/.test(value)) input[name] = Number(value);
    else if (BOOLEAN_MEMBERS.has(name) && /^(true|false)$/i.test(value)) input[name] = value.toLowerCase() === "true";
    else if (LIST_MEMBERS.has(name) && value === "") input[name] = [];
  }
  return input;
}

export function parseQueryParams(params: URLSearchParams): QueryRequest {
  const input: Nested = {};
  for (const [key, value] of params) {
    if (RESERVED.test(key) || key === "") continue;
    setPath(input, key.split("."), value);
  }
  return {
    action: params.get("Action") ?? undefined,
    version: params.get("Version") ?? undefined,
    input: convertScalars(compactLists(input) as Nested),
  };
}

/** Parses an action's input with its schema, or throws IAM's ValidationError. */
export function parseInput<S extends z.ZodType>(schema: S, input: Record<string, unknown>): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new AwsError("ValidationError", formatValidationIssues(result.error.issues, input));
}
