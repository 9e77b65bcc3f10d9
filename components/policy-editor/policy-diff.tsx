"use client";
import { useEffect, useMemo, useRef } from "react";
import { EditorState, type Extension } from "@codemirror/state";
import { EditorView, lineNumbers } from "@codemirror/view";
import { json } from "@codemirror/lang-json";
import { MergeView, unifiedMergeView, presentableDiff } from "@codemirror/merge";
import { editorTheme } from "./theme";

export type DiffMode = "unified" | "split";

/** Lines added and removed between two texts (for the "Review changes" header). */
export function diffStats(a: string, b: string): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const c of presentableDiff(a, b)) {
    if (c.toA > c.fromA) removed += a.slice(c.fromA, c.toA).split("\n").length;
    if (c.toB > c.fromB) added += b.slice(c.fromB, c.toB).split("\n").length;
  }
  return { added, removed };
}

/**
 * The saved version against the edited one, read-only, with @codemirror/merge: the same editor, theme and
 * JSON highlighting as the editor itself, unified (one column, removed lines shown above added ones) or split.
 */
export function PolicyDiff({ saved, current, mode, dark, label, testId }: {
  saved: string;
  current: string;
  mode: DiffMode;
  dark: boolean;
  label: string;
  testId: string;
}) {
  const host = useRef<HTMLDivElement>(null);
  const stats = useMemo(() => diffStats(saved, current), [saved, current]);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const common = (aria: string): Extension => [
      lineNumbers(),
      json(),
      editorTheme(dark),
      EditorState.readOnly.of(true),
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({ "aria-label": aria }),
    ];
    const collapse = { margin: 3, minSize: 6 };
    if (mode === "split") {
      const mv = new MergeView({
        a: { doc: saved, extensions: common(`${label}: saved version`) },
        b: { doc: current, extensions: common(`${label}: your version`) },
        parent: el,
        collapseUnchanged: collapse,
        gutter: true,
      });
      return () => mv.destroy();
    }
    const view = new EditorView({
      parent: el,
      state: EditorState.create({
        doc: current,
        extensions: [common(`${label}: changes against the saved version`), unifiedMergeView({ original: saved, mergeControls: false, collapseUnchanged: collapse })],
      }),
    });
    return () => view.destroy();
  }, [saved, current, mode, dark, label]);

  return (
    <div data-testid={testId}>
      <p className="flex items-center gap-3 border-b border-border bg-surface-2/60 px-4 py-2 text-xs text-fg-muted" data-testid={`${testId}-stats`}>
        <span>
          <span className="font-medium text-success-soft-fg tabular-nums">+{stats.added}</span> line{stats.added === 1 ? "" : "s"} added
        </span>
        <span>
          <span className="font-medium text-danger tabular-nums">−{stats.removed}</span> line{stats.removed === 1 ? "" : "s"} removed
        </span>
        {mode === "split" && <span className="ml-auto">Saved version on the left, yours on the right</span>}
      </p>
      <div ref={host} className="max-h-[32rem] overflow-auto [&_.cm-mergeView]:max-h-[32rem]" />
    </div>
  );
}
