"use client";
import { Braces, GitCompareArrows, Loader2, Pencil } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { SeverityCounts } from "./findings";
import type { DiffMode } from "./policy-diff";
import { SeverityCountsBar } from "./severity";

/** The policy editor's header: its title, the finding counts, what is still being checked, and its actions. */
export function EditorHeader({
  labelId,
  title,
  counts,
  testId,
  status,
  spinning,
  diffMode,
  onDiffMode,
  review,
  onFormat,
}: {
  labelId: string;
  title: React.ReactNode;
  counts: SeverityCounts;
  testId: string;
  /** What is still on its way (principals, the catalogue), or null. */
  status: string | null;
  spinning: boolean;
  /** The diff layout while reviewing changes, null otherwise. */
  diffMode: DiffMode | null;
  onDiffMode: (mode: DiffMode) => void;
  /** The "Review changes" toggle, when there is a saved version to compare with. */
  review: { active: boolean; changed: boolean; toggle: () => void } | null;
  /** Format, when the document may be edited now. */
  onFormat: (() => void) | null;
}) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 border-b border-border px-4 py-2.5">
      <div className="flex min-w-0 flex-wrap items-center gap-x-4 gap-y-1">
        <h2 id={labelId} className="text-[13px] font-semibold text-fg">
          {title}
        </h2>
        <SeverityCountsBar counts={counts} testId={`${testId}-counts`} />
        <span className="inline-flex items-center gap-1 text-xs text-fg-subtle" aria-live="polite" data-testid={`${testId}-status`}>
          {spinning && <Loader2 aria-hidden className="size-3 animate-spin" />}
          {status}
        </span>
      </div>
      <div className="flex items-center gap-1.5">
        {diffMode && (
          <div role="radiogroup" aria-label="Diff layout" className="flex rounded-lg border border-border bg-surface-2 p-0.5 text-xs">
            {(["unified", "split"] as const).map((m) => (
              <button
                key={m}
                type="button"
                role="radio"
                aria-checked={diffMode === m}
                data-testid={`${testId}-diff-${m}`}
                onClick={() => onDiffMode(m)}
                className={cn("rounded-md px-2 py-1", diffMode === m ? "bg-surface font-medium text-fg shadow-card" : "text-fg-muted hover:text-fg")}
              >
                {m === "unified" ? "Unified" : "Side by side"}
              </button>
            ))}
          </div>
        )}
        {review && (
          <Button
            size="sm"
            variant={review.active ? "primary" : "ghost"}
            aria-pressed={review.active}
            data-testid={`${testId}-review`}
            icon={review.active ? <Pencil aria-hidden className="size-3.5" /> : <GitCompareArrows aria-hidden className="size-3.5" />}
            disabledReason={!review.changed && !review.active ? "No changes against the saved version" : undefined}
            onClick={review.toggle}
          >
            {review.active ? "Back to editing" : "Review changes"}
          </Button>
        )}
        {onFormat && (
          <Button
            size="sm"
            variant="ghost"
            onClick={onFormat}
            data-testid={`${testId}-format`}
            title="Format document (Shift-Alt-F)"
            aria-keyshortcuts="Shift+Alt+F"
            icon={<Braces aria-hidden className="size-3.5" />}
          >
            Format
          </Button>
        )}
      </div>
    </div>
  );
}
