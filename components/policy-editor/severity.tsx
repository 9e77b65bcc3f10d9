import { AlertTriangle, Lightbulb, ShieldAlert, XCircle } from "lucide-react";
import type { Severity } from "@/lib/policy";
import { cn } from "@/components/ui/cn";
import { SEVERITY_LABEL, SEVERITY_ORDER, type SeverityCounts } from "./findings";

const ICONS = { ERROR: XCircle, SECURITY_WARNING: ShieldAlert, WARNING: AlertTriangle, SUGGESTION: Lightbulb } as const;
export const SEVERITY_TONE: Record<Severity, string> = {
  ERROR: "text-danger",
  SECURITY_WARNING: "text-warning-soft-fg",
  WARNING: "text-warning-soft-fg",
  SUGGESTION: "text-accent",
};

/** The icon of a severity; always paired with text, colour is never the only signal. */
export function SeverityIcon({ severity, className }: { severity: Severity; className?: string }) {
  const Icon = ICONS[severity];
  return <Icon aria-hidden className={cn("size-3.5 shrink-0", SEVERITY_TONE[severity], className)} />;
}

/** "2 errors · 1 security warning · …" as icon + number + word; zero counts are shown dimmed so the layout holds. */
export function SeverityCountsBar({ counts, testId }: { counts: SeverityCounts; testId?: string }) {
  return (
    <ul className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs" data-testid={testId} aria-label="Findings by severity">
      {SEVERITY_ORDER.map((s) => {
        const n = counts[s];
        const label = n === 1 ? SEVERITY_LABEL[s].one : SEVERITY_LABEL[s].many;
        return (
          <li
            key={s}
            data-testid={`${testId}-${s.toLowerCase()}`}
            data-count={n}
            className={cn("inline-flex items-center gap-1 whitespace-nowrap", n === 0 ? "text-fg-subtle" : "font-medium text-fg")}
          >
            <SeverityIcon severity={s} className={n === 0 ? "text-fg-subtle" : undefined} />
            <span className="tabular-nums">{n}</span>
            <span className="text-fg-muted">{label.toLowerCase()}</span>
          </li>
        );
      })}
    </ul>
  );
}
