"use client";
import { useEffect, useRef } from "react";
import { EditorState, RangeSetBuilder } from "@codemirror/state";
import { Decoration, EditorView, lineNumbers } from "@codemirror/view";
import { json } from "@codemirror/lang-json";
import { editorTheme } from "@/components/policy-editor/theme";
import { useDarkClass } from "@/components/policy-editor/use-dark-class";

/** Line ranges (1-based, inclusive) of the statements that decided, as the simulator reports their positions. */
export interface LineRange {
  from: number;
  to: number;
}

const matchedLine = Decoration.line({ attributes: { class: "cm-matched-statement", "data-matched": "true" } });

const look = EditorView.theme({
  "&": { maxHeight: "20rem" },
  ".cm-matched-statement": { backgroundColor: "rgba(234, 179, 8, 0.16)", boxShadow: "inset 3px 0 0 #ca8a04" },
});

function decorations(state: EditorState, ranges: LineRange[]) {
  const builder = new RangeSetBuilder<Decoration>();
  const lines = new Set<number>();
  for (const r of ranges) for (let n = Math.max(1, r.from); n <= Math.min(state.doc.lines, r.to); n++) lines.add(n);
  for (const n of [...lines].sort((a, b) => a - b)) {
    const line = state.doc.line(n);
    builder.add(line.from, line.from, matchedLine);
  }
  return builder.finish();
}

/**
 * A policy shown read-only, the statements that decided highlighted at their lines and scrolled into view. It
 * stays focusable and selectable, so the text can be searched and copied.
 */
export function StatementView({ text, ranges, label, testId }: { text: string; ranges: LineRange[]; label: string; testId?: string }) {
  const host = useRef<HTMLDivElement>(null);
  const dark = useDarkClass();
  const key = JSON.stringify(ranges);

  useEffect(() => {
    if (!host.current) return;
    const parsed: LineRange[] = JSON.parse(key);
    const state = EditorState.create({
      doc: text,
      extensions: [
        lineNumbers(),
        json(),
        EditorState.readOnly.of(true),
        editorTheme(dark),
        look,
        EditorView.contentAttributes.of({ "aria-label": label, "aria-readonly": "true" }),
        EditorView.decorations.of((view) => decorations(view.state, parsed)),
      ],
    });
    const view = new EditorView({ state, parent: host.current });
    const first = parsed[0];
    // The scroller takes focus itself, so the keyboard can scroll a long policy (WCAG 2.1.1).
    view.scrollDOM.tabIndex = 0;
    if (first && first.from <= state.doc.lines) view.dispatch({ effects: EditorView.scrollIntoView(state.doc.line(first.from).from, { y: "start", yMargin: 24 }) });
    return () => view.destroy();
  }, [text, key, dark, label]);

  return <div ref={host} data-testid={testId} className="overflow-hidden rounded-lg border border-border" />;
}
