/**
 * `validatePolicy`: IAM Access Analyzer-style findings for a policy document, computed synchronously from
 * the text. The same analysis backs `checkPolicyForIam`, so what the editor marks as an error and what the
 * API refuses cannot drift apart.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-policy-validation.html
 */
import { IamStage, Reporter, SYNTAX_ERRORS, type InternalFinding } from "./findings";
import { readPolicy, type PolicyModel } from "./model";
import { parseJson } from "./parse";
import type { LineIndex } from "./position";
import { hasPolicyVariable } from "./condition-values";
import { MANAGED_POLICY_QUOTA, SESSION_POLICY_QUOTA, TRUST_POLICY_QUOTA, policySize } from "./size";
import type { Finding, PolicyKind, ValidationContext } from "./types";
import { validateActions } from "./validate-actions";
import { validateConditions } from "./validate-conditions";
import { validatePrincipals } from "./validate-principals";
import { validateResources } from "./validate-resources";
import { validateTrust } from "./validate-trust";

/** Characters IAM accepts in a policy document (botocore `policyDocumentType`). */
const ALLOWED_CHARS = /[^\t\n\r\x20-\xFF]/g;
export const CHARS_PATTERN = "[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+";

export interface Analysis {
  findings: InternalFinding[];
  model: PolicyModel | null;
}

/**
 * The full analysis, with IAM verdicts attached to the findings that cause them. Callers that need both the
 * findings and IAM's verdict on one text run it once (see `reviewPolicy`); nothing is remembered between calls.
 */
export function analyzePolicy(text: string, kind: PolicyKind, ctx?: ValidationContext): Analysis {
  const r = new Reporter(kind);
  const parsed = parseJson(text);
  checkCharacters(text, kind, r, parsed.lines);
  for (const e of parsed.errors) {
    const { offset, line, column } = e.span.start;
    r.add("JSON_SYNTAX_ERROR", `Fix the JSON syntax error at index ${offset} line ${line} column ${column}: ${e.message}.`, "", e.span, {
      // CreateRole and UpdateAssumeRolePolicy word this differently from the permission-policy APIs.
      iam: [IamStage.Json, kind === "trust" ? "This policy contains invalid Json" : SYNTAX_ERRORS],
    });
  }
  const model = readPolicy(parsed, r);
  if (model) {
    validateVersion(model, kind, r, ctx);
    validateSids(model, r);
    validateActions(model, kind, r);
    validateResources(model, kind, r);
    validatePrincipals(model, kind, r, ctx);
    validateConditions(model, r);
    if (kind === "trust") validateTrust(model, r, ctx);
  }
  if (parsed.root) checkSize(text, kind, r, parsed.lines, ctx);
  r.findings.sort((a, b) => a.span.start.offset - b.span.start.offset || a.span.end.offset - b.span.end.offset);
  return { findings: r.findings, model };
}

/**
 * Validates a policy document as IAM Access Analyzer's ValidatePolicy would, plus Roleplane's own checks
 * (principal existence, cross-account trust without ExternalId/MFA, open trust). Never throws.
 * Call `loadCatalogue()` once beforehand to enable action and condition-key checks.
 */
export function validatePolicy(text: string, kind: PolicyKind, ctx?: ValidationContext): Finding[] {
  return publicFindings(analyzePolicy(text, kind, ctx));
}

/** The findings of an analysis as callers see them, without the internal IAM verdicts. */
export function publicFindings(analysis: Analysis): Finding[] {
  return analysis.findings.map(({ iam, ...f }) => ({ ...f, span: { start: { ...f.span.start }, end: { ...f.span.end } } }));
}

function requiresVersion(kind: PolicyKind, ctx?: ValidationContext): boolean {
  // CreatePolicy refuses documents older than 2012-10-17; inline, session and trust policies do not.
  return (kind === "identity" && !ctx?.inlinePolicy) || kind === "boundary";
}

function validateVersion(model: PolicyModel, kind: PolicyKind, r: Reporter, ctx?: ValidationContext): void {
  const strict = requiresVersion(kind, ctx);
  const iam = strict ? ([IamStage.Version, "Policy document must be version 2012-10-17 or greater."] as const) : undefined;
  const hasMember = model.root.members.some((m) => m.key === "Version");
  if (!hasMember) {
    r.add(
      "MISSING_VERSION",
      strict
        ? "Add \"Version\": \"2012-10-17\"; IAM refuses managed policies without it."
        : "We recommend that you specify the Version element to help you with debugging permission issues.",
      "",
      model.root.members[0]?.keySpan ?? model.root.span,
      iam ? { iam: [iam[0], iam[1]] } : {},
    );
  } else if (model.version?.value === "2008-10-17") {
    r.add(
      "OUTDATED_VERSION",
      "Version 2008-10-17 is the old policy language; use 2012-10-17 so that policy variables and newer features work.",
      "Version",
      model.version.span,
      iam ? { iam: [iam[0], iam[1]] } : {},
    );
  }
  if (model.version?.value === "2012-10-17") return;
  for (const s of model.statements) {
    const values = [
      ...(s.resource?.items ?? []),
      ...(s.notResource?.items ?? []),
      ...(s.condition?.entries.flatMap((e) => e.values) ?? []),
    ];
    for (const v of values) {
      if (!hasPolicyVariable(v.value)) continue;
      r.add("VARIABLE_UNSUPPORTED_IN_VERSION", "To include variables in your policy, use the policy version 2012-10-17 or later.", v.path, v.span);
    }
  }
}

function validateSids(model: PolicyModel, r: Reporter): void {
  const seen = new Set<string>();
  for (const s of model.statements) {
    if (!s.sid) continue;
    const { value, path, span } = s.sid;
    if (value === "") {
      r.add("EMPTY_SID_VALUE", "Add a value to the empty string in the Sid element.", path, span);
      continue;
    }
    // AWS documents [0-9A-Za-z]; IAM also accepts "_" (observed), and refuses anything else.
    if (!/^\w*$/.test(value)) {
      r.add("UNSUPPORTED_SID", "Update the characters in the Sid element to use one of the following character types: [a-z, A-Z, 0-9]", path, span, {
        iam: [IamStage.Sid, "Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*"],
      });
    }
    if (seen.has(value)) {
      r.add("UNIQUE_SIDS_REQUIRED", `Duplicate statement IDs are not supported for this policy type. Update the Sid value ${value}.`, path, span, {
        iam: [IamStage.Sid, "Statement IDs (SID) in a single policy must be unique."],
      });
    }
    seen.add(value);
  }
}

function checkCharacters(text: string, kind: PolicyKind, r: Reporter, lines: LineIndex): void {
  let count = 0;
  for (const m of text.matchAll(ALLOWED_CHARS)) {
    if (++count > 5) break;
    const at = m.index ?? 0;
    const cp = text.codePointAt(at) ?? 0;
    const param = kind === "trust" ? "assumeRolePolicyDocument" : "policyDocument";
    r.add(
      "INVALID_CHARACTER",
      `The character U+${cp.toString(16).toUpperCase().padStart(4, "0")} is not allowed in a policy document; IAM accepts tab, line feed, carriage return and U+0020–U+00FF.`,
      "",
      lines.span(at, at + m[0].length),
      {
        iam: [
          IamStage.Characters,
          {
            code: "ValidationError",
            message: `1 validation error detected: Value at '${param}' failed to satisfy constraint: Member must satisfy regular expression pattern: ${CHARS_PATTERN}`,
          },
        ],
      },
    );
  }
}

function checkSize(text: string, kind: PolicyKind, r: Reporter, lines: LineIndex, ctx?: ValidationContext): void {
  const size = policySize(text);
  const whole = lines.span(0, text.length);
  if (kind === "trust") {
    const quota = ctx?.trustPolicySizeQuota ?? TRUST_POLICY_QUOTA;
    if (size > quota) {
      r.add(
        "POLICY_SIZE_EXCEEDS_ROLE_TRUST_POLICY_QUOTA",
        `The ${size} characters in the role trust policy, excluding whitespace, exceed the ${quota} character maximum. Request a role trust policy length quota increase (up to 4096) or shorten the policy.`,
        "",
        whole,
        { iam: [IamStage.Size, { code: "LimitExceeded", message: `Cannot exceed quota for ACLSizePerRole: ${quota}` }] },
      );
    }
  } else if ((kind === "identity" && !ctx?.inlinePolicy) || kind === "boundary") {
    if (size > MANAGED_POLICY_QUOTA) {
      r.add(
        "POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA",
        `The ${size} characters in the identity policy, excluding whitespace, exceed the ${MANAGED_POLICY_QUOTA} character maximum for managed policies. We recommend that you use multiple granular policies.`,
        "",
        whole,
        { iam: [IamStage.Size, { code: "LimitExceeded", message: `Cannot exceed quota for PolicySize: ${MANAGED_POLICY_QUOTA}` }] },
      );
    }
  } else if (kind === "session" && size > SESSION_POLICY_QUOTA) {
    r.add(
      "POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA",
      `The ${size} characters in the session policy, excluding whitespace, exceed the ${SESSION_POLICY_QUOTA} character maximum for session policies.`,
      "",
      whole,
    );
  }
}
