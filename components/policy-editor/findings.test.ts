import { describe, expect, it } from "vitest";
import { positionAt, type Finding } from "@/lib/policy";
import { countBySeverity, editedRegion, groupBySeverity, mergeStoreFindings } from "./findings";
import { toDiagnostic } from "./diagnostics";

function finding(text: string, needle: string, code = "INVALID_ACTION", severity: Finding["severity"] = "ERROR"): Finding {
  const s = text.indexOf(needle);
  if (s < 0) throw new Error(`${needle} not in text`);
  return { severity, code, message: code, path: "Statement[0]", span: { start: positionAt(text, s), end: positionAt(text, s + needle.length) } };
}

const DOC = `{
  "Statement": [{
    "Principal": {"AWS": "arn:aws:iam::111111111111:role/missing"},
    "Action": "sts:AssumeRol"
  }]
}`;

describe("toDiagnostic", () => {
  it("maps a finding to its exact span and a CodeMirror severity", () => {
    const f = finding(DOC, '"sts:AssumeRol"');
    const d = toDiagnostic(f, DOC.length);
    expect(DOC.slice(d.from, d.to)).toBe('"sts:AssumeRol"');
    expect(d.severity).toBe("error");
    expect(d.source).toBe("INVALID_ACTION");
  });

  it("keeps security warnings distinguishable from warnings by class", () => {
    const d = toDiagnostic(finding(DOC, '"AWS"', "OPEN_TRUST_WITHOUT_CONDITION", "SECURITY_WARNING"), DOC.length);
    expect(d.severity).toBe("warning");
    expect(d.markClass).toBe("rp-finding-security-warning");
    expect(toDiagnostic(finding(DOC, '"AWS"', "X", "SUGGESTION"), DOC.length).severity).toBe("info");
  });

  it("widens an empty span to one character and clamps spans past the end", () => {
    const empty: Finding = { ...finding(DOC, "{"), span: { start: positionAt(DOC, 5), end: positionAt(DOC, 5) } };
    expect(toDiagnostic(empty, DOC.length)).toMatchObject({ from: 5, to: 6 });
    const atEnd: Finding = { ...empty, span: { start: positionAt(DOC, DOC.length), end: positionAt(DOC, DOC.length) } };
    expect(toDiagnostic(atEnd, DOC.length)).toMatchObject({ from: DOC.length - 1, to: DOC.length });
    const stale: Finding = { ...empty, span: { start: { line: 9, column: 1, offset: 500 }, end: { line: 9, column: 9, offset: 520 } } };
    const d = toDiagnostic(stale, DOC.length);
    expect(d.from).toBeLessThanOrEqual(DOC.length);
    expect(d.to).toBeLessThanOrEqual(DOC.length);
  });
});

describe("grouping and counting", () => {
  it("orders groups by severity and findings by position", () => {
    const fs = [
      finding(DOC, '"sts:AssumeRol"', "B", "WARNING"),
      finding(DOC, '"Principal"', "A", "WARNING"),
      finding(DOC, '"Action"', "C", "ERROR"),
    ];
    const groups = groupBySeverity(fs);
    expect(groups.map((g) => g.severity)).toEqual(["ERROR", "WARNING"]);
    expect(groups[1].findings.map((f) => f.code)).toEqual(["A", "B"]);
    expect(countBySeverity(fs)).toEqual({ ERROR: 1, SECURITY_WARNING: 0, WARNING: 2, SUGGESTION: 0 });
  });
});

describe("mergeStoreFindings", () => {
  const missing = finding(DOC, '"arn:aws:iam::111111111111:role/missing"', "PRINCIPAL_NOT_FOUND");
  const action = finding(DOC, '"sts:AssumeRol"');

  it("replaces store codes from the browser with the store's answer for the same text", () => {
    const browserGuess = { ...missing, code: "PRINCIPAL_NOT_VERIFIED", severity: "SUGGESTION" as const };
    const merged = mergeStoreFindings([action, browserGuess], { text: DOC, findings: [missing, action] }, DOC);
    expect(merged.map((f) => f.code)).toEqual(["PRINCIPAL_NOT_FOUND", "INVALID_ACTION"]);
  });

  it("shifts a store finding after an edit made before it", () => {
    const edited = DOC.replace('"Statement"', '"Version": "2012-10-17",\n  "Statement"');
    const merged = mergeStoreFindings([], { text: DOC, findings: [missing] }, edited);
    expect(merged).toHaveLength(1);
    const s = merged[0].span;
    expect(edited.slice(s.start.offset, s.end.offset)).toBe('"arn:aws:iam::111111111111:role/missing"');
    expect(s.start.line).toBe(missing.span.start.line + 1);
  });

  it("keeps a store finding before the edit and drops one inside it", () => {
    const edited = DOC.replace("role/missing", "role/present");
    expect(mergeStoreFindings([], { text: DOC, findings: [missing] }, edited)).toEqual([]);
    const later = DOC.replace("sts:AssumeRol", "sts:AssumeRole");
    expect(mergeStoreFindings([], { text: DOC, findings: [missing] }, later)).toEqual([missing]);
  });

  it("finds the single edited region", () => {
    expect(editedRegion("abcdef", "abXYef")).toEqual({ prefix: 2, oldEnd: 4, delta: 0 });
    expect(editedRegion("aaa", "aaaa")).toEqual({ prefix: 3, oldEnd: 3, delta: 1 });
    expect(editedRegion("same", "same")).toEqual({ prefix: 4, oldEnd: 4, delta: 0 });
  });
});
