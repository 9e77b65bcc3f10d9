"use client";
import { CheckCircle2, ExternalLink } from "lucide-react";
import type { Finding } from "@/lib/policy";
import { groupBySeverity, placeOf, SEVERITY_LABEL } from "./findings";
import { SeverityIcon } from "./severity";

export interface FindingsPanelProps {
  findings: readonly Finding[];
  /** Moves the editor's cursor to the finding (click or Enter on an entry). */
  onSelect: (finding: Finding) => void;
  /** Shown while the catalogue or the store check is still on its way. */
  pendingNote?: string;
  testId: string;
  headingId: string;
}

/**
 * Findings grouped by severity. Each entry is a button, so it is in the Tab order and Enter or Space jumps to
 * the span; the list is a polite live region's neighbour, not one (announcing every keystroke would be noise).
 */
export function FindingsPanel({ findings, onSelect, pendingNote, testId, headingId }: FindingsPanelProps) {
  const groups = groupBySeverity(findings);
  return (
    <section aria-labelledby={headingId} data-testid={testId} className="border-t border-border">
      <h3 id={headingId} className="sr-only">
        Findings
      </h3>
      {groups.length === 0 ? (
        <p className="flex items-center gap-2 px-4 py-3 text-[13px] text-fg-muted" data-testid={`${testId}-empty`}>
          <CheckCircle2 aria-hidden className="size-4 text-success-soft-fg" />
          No findings.{pendingNote ? ` ${pendingNote}` : ""}
        </p>
      ) : (
        <div className="max-h-72 overflow-y-auto">
          {groups.map((g) => (
            <div key={g.severity} data-testid={`${testId}-group-${g.severity.toLowerCase()}`}>
              <h4 className="sticky top-0 flex items-center gap-1.5 border-b border-border bg-surface-2 px-4 py-1.5 text-xs font-semibold text-fg">
                <SeverityIcon severity={g.severity} />
                {g.findings.length === 1 ? SEVERITY_LABEL[g.severity].one : SEVERITY_LABEL[g.severity].many}
                <span className="font-normal text-fg-muted tabular-nums">({g.findings.length})</span>
              </h4>
              <ul>
                {g.findings.map((f, i) => (
                  <li key={`${f.code}-${f.span.start.offset}-${i}`} className="group flex items-start border-b border-border last:border-b-0">
                    <button
                      type="button"
                      onClick={() => onSelect(f)}
                      data-testid={`${testId}-item`}
                      data-code={f.code}
                      data-line={f.span.start.line}
                      data-severity={f.severity}
                      className="flex min-w-0 flex-1 items-start gap-2.5 px-4 py-2 text-left hover:bg-surface-2 focus-visible:bg-surface-2 focus-visible:outline-offset-[-2px]"
                    >
                      <SeverityIcon severity={f.severity} className="mt-0.5" />
                      <span className="min-w-0 flex-1">
                        <span className="block text-[13px] text-fg">{f.message}</span>
                        <span className="mt-0.5 flex flex-wrap gap-x-2 font-mono text-[11px] text-fg-subtle">
                          <span data-testid={`${testId}-place`}>{placeOf(f)}</span>
                          <span>{f.code}</span>
                          {f.path && <span>{f.path}</span>}
                        </span>
                      </span>
                      <span className="sr-only">{`, ${SEVERITY_LABEL[f.severity].one}. Press Enter to go to it.`}</span>
                    </button>
                    {f.learnMoreLink && (
                      <a
                        href={f.learnMoreLink}
                        target="_blank"
                        rel="noreferrer"
                        className="m-1.5 inline-flex shrink-0 items-center gap-1 rounded-md px-2 py-1 text-xs text-fg-subtle hover:bg-surface-3 hover:text-fg"
                      >
                        AWS docs
                        <ExternalLink aria-hidden className="size-3" />
                        <span className="sr-only">about {f.code} (opens in a new tab)</span>
                      </a>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
