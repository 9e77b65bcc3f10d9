import { EditorView } from "@codemirror/view";
import { HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { tags as t } from "@lezer/highlight";
import type { Extension } from "@codemirror/state";

/**
 * The editor's look. Chrome colours come from the app's CSS variables (globals.css), so they follow the
 * shell's light/dark switch by themselves; syntax colours and CodeMirror's own dark flag are swapped by the
 * editor when the `dark` class on <html> changes (see useDarkClass).
 */
const chrome = EditorView.theme({
  "&": {
    color: "var(--fg)",
    backgroundColor: "var(--surface)",
    fontSize: "12.5px",
    height: "100%",
  },
  "&.cm-focused": { outline: "none" },
  ".cm-scroller": { fontFamily: "var(--font-mono)", lineHeight: "1.6" },
  ".cm-content": { caretColor: "var(--accent)", padding: "8px 0" },
  ".cm-cursor, .cm-dropCursor": { borderLeftColor: "var(--accent)", borderLeftWidth: "2px" },
  "&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, ::selection": {
    backgroundColor: "color-mix(in srgb, var(--accent) 22%, transparent) !important",
  },
  ".cm-gutters": { backgroundColor: "var(--surface-2)", color: "var(--fg-subtle)", borderRight: "1px solid var(--border)" },
  ".cm-activeLineGutter": { backgroundColor: "var(--surface-3)", color: "var(--fg)" },
  ".cm-activeLine": { backgroundColor: "color-mix(in srgb, var(--surface-3) 45%, transparent)" },
  ".cm-matchingBracket, &.cm-focused .cm-matchingBracket": {
    backgroundColor: "color-mix(in srgb, var(--accent) 18%, transparent)",
    outline: "1px solid color-mix(in srgb, var(--accent) 45%, transparent)",
  },
  ".cm-nonmatchingBracket": { backgroundColor: "var(--danger-soft)" },
  ".cm-foldPlaceholder": { backgroundColor: "var(--surface-3)", border: "1px solid var(--border-strong)", color: "var(--fg-muted)" },
  ".cm-searchMatch": { backgroundColor: "var(--warning-soft)", outline: "1px solid var(--warning-soft-fg)" },
  ".cm-searchMatch.cm-searchMatch-selected": { backgroundColor: "var(--accent-soft)" },
  ".cm-panels": { backgroundColor: "var(--surface-2)", color: "var(--fg)" },
  ".cm-panels.cm-panels-bottom": { borderTop: "1px solid var(--border)" },
  ".cm-panels.cm-panels-top": { borderBottom: "1px solid var(--border)" },
  ".cm-panel input, .cm-panel button": { fontFamily: "inherit" },
  ".cm-textfield": { backgroundColor: "var(--surface)", border: "1px solid var(--border-strong)", borderRadius: "6px", color: "var(--fg)" },
  ".cm-button": { backgroundImage: "none", backgroundColor: "var(--surface)", border: "1px solid var(--border-strong)", borderRadius: "6px", color: "var(--fg)" },
  ".cm-tooltip": {
    backgroundColor: "var(--surface)",
    color: "var(--fg)",
    border: "1px solid var(--border)",
    borderRadius: "8px",
    boxShadow: "var(--shadow-lg)",
    overflow: "hidden",
  },
  ".cm-tooltip-autocomplete > ul": { fontFamily: "var(--font-mono)", maxHeight: "16em" },
  ".cm-tooltip-autocomplete > ul > li": { padding: "2px 8px" },
  ".cm-tooltip-autocomplete > ul > li[aria-selected]": { backgroundColor: "var(--accent-soft)", color: "var(--accent-soft-fg)" },
  ".cm-completionDetail": { color: "var(--fg-subtle)", fontStyle: "normal", marginLeft: "1em" },
  ".cm-completionMatchedText": { textDecoration: "none", fontWeight: "600" },
  ".cm-completionSection": { color: "var(--fg-subtle)", fontFamily: "var(--font-sans)", fontSize: "11px", textTransform: "uppercase", letterSpacing: "0.04em" },
  ".cm-tooltip-lint": { padding: "0" },
  ".cm-diagnostic": { padding: "6px 10px", fontFamily: "var(--font-sans)", fontSize: "13px", maxWidth: "32rem" },
  ".cm-diagnostic-error": { borderLeft: "4px solid var(--danger)" },
  ".cm-diagnostic-warning": { borderLeft: "4px solid #d97706" },
  ".cm-diagnostic-info": { borderLeft: "4px solid var(--accent)" },
  ".cm-diagnosticSource": { color: "var(--fg-subtle)", fontFamily: "var(--font-mono)", fontSize: "11px" },
  ".rp-finding-security-warning": { backgroundColor: "color-mix(in srgb, #d97706 14%, transparent)" },
  ".cm-lintRange-error": { backgroundColor: "color-mix(in srgb, var(--danger) 10%, transparent)" },
  // Lines a decision's reasons point at (see ./highlights): a tint and a bar at the left edge, so colour is not the only signal.
  ".rp-highlight": { boxShadow: "inset 3px 0 0 var(--rp-highlight-bar)" },
  ".rp-highlight-deny": { "--rp-highlight-bar": "var(--danger)", backgroundColor: "color-mix(in srgb, var(--danger) 11%, transparent)" },
  ".rp-highlight-allow": { "--rp-highlight-bar": "#16a34a", backgroundColor: "color-mix(in srgb, #16a34a 11%, transparent)" },
  ".rp-highlight-condition.rp-highlight-condition": { "--rp-highlight-bar": "#d97706", backgroundColor: "color-mix(in srgb, #d97706 20%, transparent)" },
  // Merge (review changes) colours.
  ".cm-changedLine, .cm-inlineChangedLine": { backgroundColor: "color-mix(in srgb, #16a34a 12%, transparent) !important" },
  ".cm-deletedChunk": { backgroundColor: "color-mix(in srgb, var(--danger) 12%, transparent) !important" },
  ".cm-changedText": { background: "color-mix(in srgb, #16a34a 28%, transparent) !important" },
  ".cm-deletedChunk .cm-deletedText, .cm-deletedText": { background: "color-mix(in srgb, var(--danger) 28%, transparent) !important" },
  ".cm-collapsedLines": { backgroundColor: "var(--surface-2)", color: "var(--fg-muted)", fontFamily: "var(--font-sans)" },
});

const light = HighlightStyle.define([
  { tag: t.propertyName, color: "#3730a3" },
  { tag: t.string, color: "#17663a" },
  { tag: t.number, color: "#a14b00" },
  { tag: [t.bool, t.null], color: "#9333ea" },
  { tag: [t.brace, t.squareBracket, t.separator, t.punctuation], color: "#556070" },
  { tag: t.invalid, color: "#c8322b" },
]);

const dark = HighlightStyle.define([
  { tag: t.propertyName, color: "#a9b4ff" },
  { tag: t.string, color: "#86e0a8" },
  { tag: t.number, color: "#f5c66b" },
  { tag: [t.bool, t.null], color: "#d8b4fe" },
  { tag: [t.brace, t.squareBracket, t.separator, t.punctuation], color: "#a2abbb" },
  { tag: t.invalid, color: "#ff8a80" },
]);

export function editorTheme(isDark: boolean): Extension {
  return [chrome, EditorView.darkTheme.of(isDark), syntaxHighlighting(isDark ? dark : light)];
}
