import type { Diagnostic } from "@codemirror/lint";
import type { Finding, Severity } from "@/lib/policy";

const CM_SEVERITY: Record<Severity, Diagnostic["severity"]> = {
  ERROR: "error",
  SECURITY_WARNING: "warning",
  WARNING: "warning",
  SUGGESTION: "info",
};

/**
 * A finding as a CodeMirror diagnostic at its exact span. Spans are UTF-16 offsets like CodeMirror positions,
 * but a finding computed for a slightly older text may overrun the current one, so ends are clamped; an empty
 * span (e.g. "missing X" at the end of an object) is widened to one character so the underline is visible.
 */
export function toDiagnostic(f: Finding, docLength: number): Diagnostic {
  let from = clamp(f.span.start.offset, 0, docLength);
  let to = clamp(f.span.end.offset, from, docLength);
  if (to === from) {
    if (to < docLength) to++;
    else if (from > 0) from--;
  }
  return {
    from,
    to,
    severity: CM_SEVERITY[f.severity],
    source: f.code,
    message: f.message,
    markClass: `rp-finding-${f.severity.toLowerCase().replace("_", "-")}`,
  };
}

export function toDiagnostics(findings: readonly Finding[], docLength: number): Diagnostic[] {
  return findings.map((f) => toDiagnostic(f, docLength)).sort((a, b) => a.from - b.from || a.to - b.to);
}

const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(n, hi));
