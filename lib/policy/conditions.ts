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
import { arnMatch, piecesText, resolveVariables, wildcardMatch, type ContextLookup, type Piece } from "./evaluate-patterns";
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

/**
 * Turns a request context into a case-insensitive lookup ("Key names are case-insensitive"). A key spelled as the
 * context spells it is found directly; only other spellings fold the context's keys, once per request.
 */
export function contextLookup(context: Record<string, ContextValue> | undefined): ContextLookup {
  if (!context) return () => undefined;
  let folded: Map<string, ContextValue> | undefined;
  return (key) => {
    let v = Object.hasOwn(context, key) ? context[key] : undefined;
    if (v === undefined) {
      if (!folded) {
        folded = new Map();
        for (const k of Object.keys(context)) folded.set(k.toLowerCase(), context[k]);
      }
      v = folded.get(key.toLowerCase());
    }
    return v === undefined ? undefined : Array.isArray(v) ? v.map(String) : [String(v)];
  };
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

/** A condition with its operator taken apart once, so a compiled policy evaluates it without re-reading it. */
export interface PreparedCondition extends ConditionInput {
  baseOperator: string;
  qualifier?: "ForAnyValue" | "ForAllValues";
  ifExists: boolean;
  known: boolean;
  negated: boolean;
  /** The positive operator a negated one negates (itself otherwise). */
  positive: string;
  /** Whether the operator substitutes policy variables (String, ARN and Bool operators). */
  takesVariables: boolean;
  /** The values as pieces when none holds a variable: they never depend on the request. */
  fixed?: Piece[][];
}

export function prepareCondition(input: ConditionInput): PreparedCondition {
  const { baseOperator, qualifier, ifExists, known } = splitOperator(input.operator);
  const negated = baseOperator in NEGATED;
  const positive = NEGATED[baseOperator] ?? baseOperator;
  const takesVariables = VARIABLE_OPERATORS.has(positive);
  const fixed = input.values.some((v) => v.includes("${")) ? undefined : input.values.map((v) => [{ text: v, literal: false }]);
  return { ...input, baseOperator, qualifier, ifExists, known, negated, positive, takesVariables, fixed };
}

const NOTES = {
  unknown: (op: string) => `${op} is not a condition operator IAM knows; the condition is false.`,
  nullAbsent: "The key is absent from the request.",
  nullPresent: "The key is present in the request.",
  ifExists: "The key is absent, and …IfExists makes a condition on an absent key true.",
  allValues: "The key is absent, and ForAllValues is true for an empty set of values.",
  anyValue: "The key is absent, and ForAnyValue needs at least one matching value.",
  negated: "The key is absent, and a negated operator is true when the key is absent.",
  absent: "The key is absent from the request, so the condition is false.",
  unresolved: "A policy variable has no value in the request, so that value matches nothing.",
};

/** The verdict on one prepared condition: whether it holds, and why when it is not a plain comparison. */
export interface ConditionVerdict {
  passed: boolean;
  note?: string;
  requestValues: string[];
  resolved: (Piece[] | null)[];
}

/** Whether a request value matches any of the policy's values under the positive operator. */
function matchesAny(c: PreparedCondition, resolved: (Piece[] | null)[], value: string): boolean {
  for (let i = 0; i < resolved.length; i++) if (positiveMatch(c.positive, c.values[i], resolved[i], value)) return true;
  return false;
}

function compare(c: PreparedCondition, resolved: (Piece[] | null)[], requestValues: string[]): boolean {
  if (c.qualifier === "ForAllValues") {
    // A negated operator holds for a value that matches none of the policy's values.
    for (const v of requestValues) if (matchesAny(c, resolved, v) === c.negated) return false;
    return true;
  }
  if (c.qualifier === "ForAnyValue") {
    for (const v of requestValues) if (matchesAny(c, resolved, v) !== c.negated) return true;
    return false;
  }
  // Without a set operator, several request values behave like one set: any value matching satisfies a
  // positive operator, and a negated operator needs none to match.
  let any = false;
  for (const v of requestValues) if (matchesAny(c, resolved, v)) {
    any = true;
    break;
  }
  return c.negated ? !any : any;
}

/** Decides one key of one condition operator; the explained and the fast path both call this. */
export function judgeCondition(c: PreparedCondition, lookup: ContextLookup, variables: boolean): ConditionVerdict {
  const requestValues = lookup(c.key) ?? [];
  const missing = requestValues.length === 0;
  const resolved = c.fixed ?? c.values.map((v) => resolveVariables(v, variables && c.takesVariables ? lookup : undefined));
  let passed: boolean;
  let note: string | undefined;
  if (!c.known) [passed, note] = [false, NOTES.unknown(c.operator)];
  else if (c.baseOperator === "Null") {
    passed = c.values.some((v) => (v.toLowerCase() === "true" ? missing : v.toLowerCase() === "false" ? !missing : false));
    note = missing ? NOTES.nullAbsent : NOTES.nullPresent;
  } else if (missing) {
    if (c.ifExists) [passed, note] = [true, NOTES.ifExists];
    else if (c.qualifier === "ForAllValues") [passed, note] = [true, NOTES.allValues];
    else if (c.qualifier === "ForAnyValue") [passed, note] = [false, NOTES.anyValue];
    else if (c.negated) [passed, note] = [true, NOTES.negated];
    else [passed, note] = [false, NOTES.absent];
  } else {
    passed = compare(c, resolved, requestValues);
    if (resolved.includes(null)) note = NOTES.unresolved;
  }
  return { passed, note, requestValues, resolved };
}

/** Evaluates one key of one condition operator against the request context, with the values it compared. */
export function checkCondition(input: ConditionInput | PreparedCondition, lookup: ContextLookup, variables: boolean): ConditionCheck {
  const c = "positive" in input ? input : prepareCondition(input);
  const v = judgeCondition(c, lookup, variables);
  return {
    operator: c.operator,
    key: c.key,
    passed: v.passed,
    missing: v.requestValues.length === 0,
    policyValues: v.resolved.map((r, i) => (r === null ? c.values[i] : piecesText(r))),
    requestValues: v.requestValues,
    ...(v.note ? { note: v.note } : {}),
    path: c.path ?? "",
  };
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
