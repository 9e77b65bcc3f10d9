import { RangeSetBuilder, type Extension, type Text } from "@codemirror/state";
import { Decoration, EditorView } from "@codemirror/view";
import { spanAtPath } from "@/lib/policy";

/**
 * Lines marked by the JSON path of what they hold (a statement, a condition key): where a decision's reasons are.
 * `deny` marks what refused, `allow` what allowed, `condition` the condition that did not hold.
 */
export interface PolicyHighlight {
  path: string;
  tone: "deny" | "allow" | "condition";
}

/** The first line of each highlight, in document order (for "jump to" and scrolling). */
export function highlightLines(text: string, highlights: readonly PolicyHighlight[]): { from: number; to: number; tone: PolicyHighlight["tone"] }[] {
  return highlights
    .map((h) => ({ span: spanAtPath(text, h.path), tone: h.tone }))
    .filter((h): h is { span: NonNullable<typeof h.span>; tone: PolicyHighlight["tone"] } => h.span !== null)
    .map((h) => ({ from: h.span.start.line, to: h.span.end.line, tone: h.tone }))
    .sort((a, b) => a.from - b.from);
}

/** Line decorations for the highlights; a line inside several gets each class (a condition inside its statement). */
export function highlightExtension(doc: Text, highlights: readonly PolicyHighlight[]): Extension {
  if (highlights.length === 0) return [];
  const byLine = new Map<number, Set<string>>();
  for (const h of highlightLines(doc.toString(), highlights))
    for (let line = h.from; line <= Math.min(h.to, doc.lines); line++) (byLine.get(line) ?? byLine.set(line, new Set()).get(line)!).add(h.tone);
  const builder = new RangeSetBuilder<Decoration>();
  for (const line of [...byLine.keys()].sort((a, b) => a - b)) {
    const tones = [...byLine.get(line)!];
    builder.add(doc.line(line).from, doc.line(line).from, Decoration.line({ class: tones.map((t) => `rp-highlight rp-highlight-${t}`).join(" "), attributes: { "data-highlight": tones.join(" ") } }));
  }
  return EditorView.decorations.of(builder.finish());
}
