/**
 * Wildcards, policy variables and ARN matching, shared by the Action/Resource elements and the String/Arn
 * condition operators.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
 */

/** Looks up a request-context key (case-insensitively); undefined when the key is absent. */
export type ContextLookup = (key: string) => string[] | undefined;

export interface Piece {
  text: string;
  /** Text from a policy variable is matched literally: a `*` in a user name is not a wildcard. */
  literal: boolean;
}

const VARIABLE = /\$\{([^}]*)\}/g;
// `${*}`, `${?}` and `${$}` stand for the literal characters.
const SPECIAL: Record<string, string> = { "*": "*", "?": "?", $: "$" };

/**
 * Replaces `${key}` and `${key, 'default'}` with request values. Returns null when a variable has no value
 * and no default: "the resource that includes a policy variable with no value will not match any resource",
 * and a condition value with no value matches nothing. Only `Version: 2012-10-17` policies have variables;
 * callers pass `lookup` undefined otherwise, so `${…}` stays literal text.
 */
export function resolveVariables(text: string, lookup: ContextLookup | undefined): Piece[] | null {
  if (!lookup || !text.includes("${")) return [{ text, literal: false }];
  const pieces: Piece[] = [];
  let last = 0;
  for (const m of text.matchAll(VARIABLE)) {
    if (m.index > last) pieces.push({ text: text.slice(last, m.index), literal: false });
    last = m.index + m[0].length;
    const inner = m[1].trim();
    if (inner in SPECIAL) {
      pieces.push({ text: SPECIAL[inner], literal: true });
      continue;
    }
    const d = /^([^,]+?)\s*,\s*'([^']*)'$/.exec(inner);
    const key = d ? d[1] : inner;
    const values = lookup(key);
    // A multivalued key has no single value to substitute.
    const value = values && values.length === 1 ? values[0] : d ? d[2] : undefined;
    if (value === undefined) return null;
    pieces.push({ text: value, literal: true });
  }
  if (last < text.length) pieces.push({ text: text.slice(last), literal: false });
  return pieces;
}

/** The policy text with variables resolved, for display in reasons. */
export function piecesText(pieces: Piece[]): string {
  return pieces.map((p) => p.text).join("");
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function pieceSource(pieces: Piece[], star: string, one: string): string {
  return pieces
    .map((p) => (p.literal ? escape(p.text) : p.text.split("").map((c) => (c === "*" ? star : c === "?" ? one : escape(c))).join("")))
    .join("");
}

// Patterns seen in requests' policies, compiled once; bounded (cleared when full) so the module holds little.
const cache = new Map<string, RegExp>();

function compiled(key: string, build: () => RegExp): RegExp {
  let re = cache.get(key);
  if (!re) {
    if (cache.size > 5000) cache.clear();
    re = build();
    cache.set(key, re);
  }
  return re;
}

/** `*` matches any run of characters, `?` exactly one; everything else literally. */
export function wildcardMatch(pieces: Piece[], value: string, ignoreCase = false): boolean {
  const build = () => new RegExp(`^${pieceSource(pieces, "[\\s\\S]*", "[\\s\\S]")}$`, ignoreCase ? "is" : "s");
  if (pieces.length === 1 && !pieces[0].literal) {
    const p = pieces[0].text;
    if (p === "*") return true;
    return compiled(`w${ignoreCase ? "i" : ""}:${p}`, build).test(value);
  }
  return build().test(value);
}

/**
 * Splits at the first five colons that are not inside `${…}`: partition, service, region, account and the
 * resource part (which may itself contain colons).
 */
function splitArnPieces(pieces: Piece[]): Piece[][] {
  const segments: Piece[][] = [[]];
  for (const p of pieces) {
    if (p.literal) {
      segments[segments.length - 1].push(p);
      continue;
    }
    let cur = "";
    for (const c of p.text) {
      if (c === ":" && segments.length < 6) {
        if (cur) segments[segments.length - 1].push({ text: cur, literal: false });
        cur = "";
        segments.push([]);
      } else cur += c;
    }
    if (cur) segments[segments.length - 1].push({ text: cur, literal: false });
  }
  return segments;
}

/** The expression `arnMatch` tests: the first five components each match within themselves. */
export function arnRegex(pieces: Piece[]): RegExp {
  const segments = splitArnPieces(pieces);
  if (segments.length < 6) return new RegExp(`^${pieceSource(pieces, "[\\s\\S]*", "[\\s\\S]")}$`, "s");
  const source = segments
    .map((seg, i) => (i < 5 ? pieceSource(seg, "[^:]*", "[^:]") : pieceSource(seg, "[\\s\\S]*", "[\\s\\S]")))
    .join(":");
  return new RegExp(`^${source}$`, "s");
}

/** The expression `actionMatches` tests, over a lower-cased action. */
export function actionRegex(pattern: string): RegExp {
  return new RegExp(`^${pieceSource([{ text: pattern.toLowerCase(), literal: false }], "[\\s\\S]*", "[\\s\\S]")}$`, "s");
}

/**
 * ARN matching as the Resource element and ArnLike do it: "Each of the six colon-delimited components of
 * the ARN is checked separately and each can include wildcards", so a `*` in the region cannot swallow the
 * account. A pattern with fewer than six components (`*`, `arn:aws:iam::*`) is matched as a whole.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN
 */
export function arnMatch(pieces: Piece[], value: string): boolean {
  const literalOnly = pieces.every((p) => !p.literal);
  const re = literalOnly ? compiled(`a:${piecesText(pieces)}`, () => arnRegex(pieces)) : arnRegex(pieces);
  return re.test(value);
}

/**
 * Action matching: the service prefix and the action name compare case-insensitively, and `*`/`?` are
 * wildcards anywhere ("iam:*AccessKey*").
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
 */
export function actionMatches(pattern: string, action: string): boolean {
  return wildcardMatch([{ text: pattern, literal: false }], action, true);
}
