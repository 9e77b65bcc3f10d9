/**
 * Condition operators at evaluation time: one operator, one key, the policy's values against the request's.
 *
 * The rules, from the IAM User Guide:
 * - several values for one key are OR'ed; a negated operator (`StringNotEquals`, `NotIpAddress`, …) NOR's them
 *   ("the string cannot match any of the values listed");
 * - a key missing from the request makes the condition false, except that a negated operator is then true,
 *   `…IfExists` is true, and `Null` tests exactly that;
 * - `ForAnyValue:` is true when some request value matches (false for a missing key), `ForAllValues:` when
 *   every request value matches (true for a missing key or an empty set).
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_multi-value-conditions.html
 */
import { parseCidr } from "./condition-values";
import { arnMatch, piecesText, resolveVariables, wildcardMatch, type ContextLookup } from "./evaluate-patterns";
import type { ConditionCheck, ContextValue } from "./evaluate-types";
import { splitOperator } from "./model";

/** One key of one condition operator, as a statement holds it. */
export interface ConditionInput {
  operator: string;
  key: string;
  values: string[];
  path?: string;
}

/** A negated operator and the positive operator whose result it negates. */
const NEGATED: Record<string, string> = {
  StringNotEquals: "StringEquals",
  StringNotEqualsIgnoreCase: "StringEqualsIgnoreCase",
  StringNotLike: "StringLike",
  NumericNotEquals: "NumericEquals",
  DateNotEquals: "DateEquals",
  NotIpAddress: "IpAddress",
  ArnNotEquals: "ArnEquals",
  ArnNotLike: "ArnLike",
};

// "You can use a policy variable with the String / ARN / Boolean condition operator"; not with the others.
const VARIABLE_OPERATORS = new Set(["StringEquals", "StringEqualsIgnoreCase", "StringLike", "ArnEquals", "ArnLike", "Bool"]);

/** Turns a request context into a case-insensitive lookup ("Key names are case-insensitive"). */
export function contextLookup(context: Record<string, ContextValue> | undefined): ContextLookup {
  const map = new Map<string, string[]>();
  for (const [k, v] of Object.entries(context ?? {})) {
    map.set(k.toLowerCase(), Array.isArray(v) ? v.map(String) : [String(v)]);
  }
  return (key) => map.get(key.toLowerCase());
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function toNumber(s: string): number | undefined {
  return NUMBER.test(s.trim()) ? Number(s) : undefined;
}

/** ISO 8601 date/time or epoch seconds, as the Date operators accept them; milliseconds since the epoch. */
export function toEpochMillis(s: string): number | undefined {
  const t = s.trim();
  if (/^-?\d+$/.test(t)) return Number(t) * 1000;
  if (!/^\d{4}-\d{2}-\d{2}/.test(t)) return undefined;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? undefined : ms;
}

function decodeBase64(s: string): string | undefined {
  try {
    return atob(s.trim());
  } catch {
    return undefined;
  }
}

function ipMatches(policy: string, requestIp: string): boolean {
  const cidr = parseCidr(policy.trim());
  if (!cidr) return false;
  const len = cidr.canonical.slice(cidr.canonical.lastIndexOf("/") + 1);
  const req = parseCidr(`${requestIp.trim().split("/")[0]}/${len}`);
  // A v4 request against a v6 range (or the reverse) yields a differently shaped canonical form: no match.
  return req !== undefined && req.canonical === cidr.canonical;
}

function numericCompare(op: string, a: number, b: number): boolean {
  switch (op) {
    case "Equals":
      return a === b;
    case "LessThan":
      return a < b;
    case "LessThanEquals":
      return a <= b;
    case "GreaterThan":
      return a > b;
    case "GreaterThanEquals":
      return a >= b;
    default:
      return false;
  }
}

/**
 * Whether one request value satisfies one policy value under a positive operator. `policy` is null when it
 * held a policy variable with no value: it then matches nothing.
 */
function positiveMatch(op: string, policyRaw: string, policy: ReturnType<typeof resolveVariables>, value: string): boolean {
  if (policy === null) return false;
  const text = piecesText(policy);
  if (op === "StringEquals") return text === value;
  if (op === "StringEqualsIgnoreCase") return text.toLowerCase() === value.toLowerCase();
  if (op === "StringLike") return wildcardMatch(policy, value);
  if (op === "ArnEquals" || op === "ArnLike") return arnMatch(policy, value);
  if (op === "Bool") {
    const p = text.toLowerCase();
    return (p === "true" || p === "false") && p === value.toLowerCase();
  }
  if (op.startsWith("Numeric")) {
    const a = toNumber(value);
    const b = toNumber(policyRaw);
    return a !== undefined && b !== undefined && numericCompare(op.slice("Numeric".length), a, b);
  }
  if (op.startsWith("Date")) {
    const a = toEpochMillis(value);
    const b = toEpochMillis(policyRaw);
    return a !== undefined && b !== undefined && numericCompare(op.slice("Date".length), a, b);
  }
  if (op === "BinaryEquals") {
    const a = decodeBase64(value);
    const b = decodeBase64(policyRaw);
    return a !== undefined && b !== undefined ? a === b : value.trim() === policyRaw.trim();
  }
  if (op === "IpAddress") return ipMatches(policyRaw, value);
  return false;
}

/** Evaluates one key of one condition operator against the request context. */
export function checkCondition(input: ConditionInput, lookup: ContextLookup, variables: boolean): ConditionCheck {
  const { baseOperator, qualifier, ifExists, known } = splitOperator(input.operator);
  const found = lookup(input.key);
  const requestValues = found ?? [];
  const missing = requestValues.length === 0;
  const varLookup = variables && VARIABLE_OPERATORS.has(NEGATED[baseOperator] ?? baseOperator) ? lookup : undefined;
  const resolved = input.values.map((v) => resolveVariables(v, varLookup));
  const policyValues = resolved.map((r, i) => (r === null ? input.values[i] : piecesText(r)));
  const out = (passed: boolean, note?: string): ConditionCheck => ({
    operator: input.operator,
    key: input.key,
    passed,
    missing,
    policyValues,
    requestValues,
    ...(note ? { note } : {}),
    path: input.path ?? "",
  });

  if (!known) return out(false, `${input.operator} is not a condition operator IAM knows; the condition is false.`);
  if (baseOperator === "Null") {
    const passed = input.values.some((v) => (v.toLowerCase() === "true" ? missing : v.toLowerCase() === "false" ? !missing : false));
    return out(passed, missing ? "The key is absent from the request." : "The key is present in the request.");
  }
  const negated = baseOperator in NEGATED;
  if (missing) {
    if (ifExists) return out(true, "The key is absent, and …IfExists makes a condition on an absent key true.");
    if (qualifier === "ForAllValues") return out(true, "The key is absent, and ForAllValues is true for an empty set of values.");
    if (qualifier === "ForAnyValue") return out(false, "The key is absent, and ForAnyValue needs at least one matching value.");
    if (negated) return out(true, "The key is absent, and a negated operator is true when the key is absent.");
    return out(false, "The key is absent from the request, so the condition is false.");
  }
  const positive = NEGATED[baseOperator] ?? baseOperator;
  const matchesAny = (v: string) => resolved.some((r, i) => positiveMatch(positive, input.values[i], r, v));
  // A negated operator holds for a value that matches none of the policy's values.
  const holds = (v: string) => (negated ? !matchesAny(v) : matchesAny(v));
  let passed: boolean;
  if (qualifier === "ForAllValues") passed = requestValues.every(holds);
  else if (qualifier === "ForAnyValue") passed = requestValues.some(holds);
  // Without a set operator, several request values behave like one set: any value matching satisfies a
  // positive operator, and a negated operator needs none to match.
  else passed = negated ? !requestValues.some(matchesAny) : requestValues.some(matchesAny);
  const unresolved = resolved.some((r) => r === null) ? "A policy variable has no value in the request, so that value matches nothing." : undefined;
  return out(passed, unresolved);
}

/**
 * Convenience for the console and tests: evaluates `{"<operator>": {"<key>": values}}` against a context.
 * `variables` follows the policy's Version (only 2012-10-17 has policy variables).
 */
export function evaluateCondition(
  operator: string,
  key: string,
  values: string | string[],
  context: Record<string, ContextValue> = {},
  variables = true,
): ConditionCheck {
  return checkCondition({ operator, key, values: Array.isArray(values) ? values : [values] }, contextLookup(context), variables);
}
