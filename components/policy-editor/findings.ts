import type { Finding, Severity } from "@/lib/policy";
import { positionAt } from "@/lib/policy";

/** Severities from most to least serious: the panel, the header counts and the gutter all use this order. */
export const SEVERITY_ORDER: readonly Severity[] = ["ERROR", "SECURITY_WARNING", "WARNING", "SUGGESTION"];

export const SEVERITY_LABEL: Record<Severity, { one: string; many: string }> = {
  ERROR: { one: "Error", many: "Errors" },
  SECURITY_WARNING: { one: "Security warning", many: "Security warnings" },
  WARNING: { one: "Warning", many: "Warnings" },
  SUGGESTION: { one: "Suggestion", many: "Suggestions" },
};

/**
 * Codes whose answer depends on the store (does this user/role/provider exist, does Roleplane hold this
 * account). The browser cannot know them, so they come from `POST /api/console/policy-validation`.
 */
export const STORE_CODES: ReadonlySet<string> = new Set(["PRINCIPAL_NOT_FOUND", "PRINCIPAL_NOT_VERIFIED"]);

export type SeverityCounts = Record<Severity, number>;

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const out: SeverityCounts = { ERROR: 0, SECURITY_WARNING: 0, WARNING: 0, SUGGESTION: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}

/** Findings grouped by severity (most serious first), each group in document order; empty groups omitted. */
export function groupBySeverity(findings: readonly Finding[]): { severity: Severity; findings: Finding[] }[] {
  return SEVERITY_ORDER.map((severity) => ({
    severity,
    findings: findings.filter((f) => f.severity === severity).sort(byPosition),
  })).filter((g) => g.findings.length > 0);
}

export const byPosition = (a: Finding, b: Finding) =>
  a.span.start.offset - b.span.start.offset || a.span.end.offset - b.span.end.offset || a.code.localeCompare(b.code);

/** The result of a store-aware check, tied to the exact text it was computed for. */
export interface StoreResult {
  text: string;
  findings: Finding[];
}

/**
 * The findings to show: the browser's instant findings, minus store-dependent codes, plus the store's
 * findings for those codes. When the text changed since the store answered, a store finding is carried over
 * only if it lies wholly outside the edited region (shifted by the edit's length); one inside it waits for
 * the next answer rather than point at the wrong text.
 */
export function mergeStoreFindings(client: readonly Finding[], store: StoreResult | undefined, text: string): Finding[] {
  const own = client.filter((f) => !STORE_CODES.has(f.code));
  if (!store) return own;
  const fromStore = store.findings.filter((f) => STORE_CODES.has(f.code));
  if (store.text === text) return [...own, ...fromStore].sort(byPosition);
  const { prefix, oldEnd, delta } = editedRegion(store.text, text);
  const carried: Finding[] = [];
  for (const f of fromStore) {
    const s = f.span.start.offset;
    const e = f.span.end.offset;
    if (e <= prefix) carried.push(f);
    else if (s >= oldEnd) carried.push(shift(f, delta, text));
  }
  return [...own, ...carried].sort(byPosition);
}

/** The single region where `before` and `after` differ: common prefix length, end of the old region, length change. */
export function editedRegion(before: string, after: string): { prefix: number; oldEnd: number; delta: number } {
  const max = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < max - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  )
    suffix++;
  return { prefix, oldEnd: before.length - suffix, delta: after.length - before.length };
}

function shift(f: Finding, delta: number, text: string): Finding {
  return {
    ...f,
    span: { start: positionAt(text, f.span.start.offset + delta), end: positionAt(text, f.span.end.offset + delta) },
  };
}

/** "Line 3, column 7" — how a finding's place is read out in the panel. */
export const placeOf = (f: Finding) => `Line ${f.span.start.line}, column ${f.span.start.column}`;
