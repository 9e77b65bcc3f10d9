/**
 * Runs every JSON case file in ./cases: a new AWS edge case is a data entry, not code.
 * Case shape: { name, kind, policy (string or object), ctx?, expect: { findings?, noFindingsExcept?,
 * absent?, iamError? }, source? }.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkPolicyForIam, validatePolicy, type Finding, type PolicyKind, type ValidationContext } from "@/lib/policy";
import { loadCatalogue } from "@/lib/policy/catalogue-loader";

interface ExpectedFinding {
  code: string;
  severity?: string;
  path?: string;
  line?: number;
  column?: number;
}

interface CaseCtx {
  heldAccounts?: string[];
  existingArns?: string[];
  ownAccountId?: string;
  trustPolicySizeQuota?: number;
  inlinePolicy?: boolean;
}

interface PolicyCase {
  name: string;
  kind: PolicyKind;
  policy: string | object;
  ctx?: CaseCtx;
  expect: {
    findings?: ExpectedFinding[];
    /** Only findings with these codes may appear (besides `findings`); `[]` means none at all. */
    noFindingsExcept?: string[];
    /** Codes that must not appear. */
    absent?: string[];
    iamError?: { code: string; message: string } | null;
  };
  source?: string;
}

const dir = path.join(__dirname, "cases");
const files = readdirSync(dir).filter((f) => f.endsWith(".json"));

function toCtx(c?: CaseCtx): ValidationContext | undefined {
  if (!c) return undefined;
  const held = new Set(c.heldAccounts ?? []);
  const arns = new Set(c.existingArns ?? []);
  return {
    isHeldAccount: (id) => held.has(id),
    principalExists: (arn) => arns.has(arn),
    ownAccountId: c.ownAccountId,
    trustPolicySizeQuota: c.trustPolicySizeQuota,
    inlinePolicy: c.inlinePolicy,
  };
}

const matches = (f: Finding, e: ExpectedFinding): boolean =>
  f.code === e.code &&
  (e.severity === undefined || f.severity === e.severity) &&
  (e.path === undefined || f.path === e.path) &&
  (e.line === undefined || f.span.start.line === e.line) &&
  (e.column === undefined || f.span.start.column === e.column);

beforeAll(async () => {
  await loadCatalogue();
}, 60_000);

describe.each(files)("%s", (file) => {
  const cases = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as PolicyCase[];
  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const text = typeof c.policy === "string" ? c.policy : JSON.stringify(c.policy, null, 2);
    const ctx = toCtx(c.ctx);
    const findings = validatePolicy(text, c.kind, ctx);
    const show = findings.map((f) => `${f.severity} ${f.code} @${f.path} ${f.span.start.line}:${f.span.start.column} — ${f.message}`);
    for (const e of c.expect.findings ?? []) {
      expect(findings.some((f) => matches(f, e)), `expected ${JSON.stringify(e)} in\n${show.join("\n")}`).toBe(true);
    }
    if (c.expect.noFindingsExcept) {
      const allowed = new Set([...c.expect.noFindingsExcept, ...(c.expect.findings ?? []).map((e) => e.code)]);
      const extra = findings.filter((f) => !allowed.has(f.code));
      expect(extra.map((f) => f.code), `unexpected findings:\n${show.join("\n")}`).toEqual([]);
    }
    for (const code of c.expect.absent ?? []) {
      expect(findings.map((f) => f.code), `${code} must not appear`).not.toContain(code);
    }
    const rejection = checkPolicyForIam(text, c.kind, ctx);
    if (c.expect.iamError !== undefined) expect(rejection).toEqual(c.expect.iamError);
    // Consistency: an IAM refusal always comes with at least one ERROR finding.
    if (rejection) expect(findings.some((f) => f.severity === "ERROR")).toBe(true);
  });
});
