import { EditorState, type Extension } from "@codemirror/state";
import {
  EditorView,
  crosshairCursor,
  drawSelection,
  dropCursor,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
  rectangularSelection,
  type Command,
} from "@codemirror/view";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { bracketMatching, foldGutter, foldKeymap, indentOnInput } from "@codemirror/language";
import { highlightSelectionMatches, search, searchKeymap } from "@codemirror/search";
import {
  autocompletion,
  closeBrackets,
  closeBracketsKeymap,
  completionKeymap,
  startCompletion,
  type Completion,
  type CompletionSource,
} from "@codemirror/autocomplete";
import { lintGutter, lintKeymap } from "@codemirror/lint";
import { json } from "@codemirror/lang-json";
import { policyContextAt } from "./completion-context";
import { policyCompletions, type CompletionData } from "./completions";
import { formatPolicy } from "./format-policy";

/**
 * The editor's fixed extensions. Built by hand rather than from `basicSetup` so that one thing is left out on
 * purpose: `indentWithTab`. Without it Tab and Shift-Tab move focus out of the editor as in any form field
 * (WCAG 2.1.2, no keyboard trap); indentation comes from Enter and from format-document (Shift-Alt-F).
 */
export function baseExtensions(opts: { completionData: () => CompletionData; onFormatRefused: (reason: string) => void }): Extension {
  return [
    lineNumbers(),
    highlightActiveLineGutter(),
    highlightSpecialChars(),
    history(),
    foldGutter(),
    drawSelection(),
    dropCursor(),
    EditorState.allowMultipleSelections.of(true),
    EditorState.tabSize.of(2),
    indentOnInput(),
    bracketMatching(),
    closeBrackets(),
    autocompletion({ override: [completionSource(opts.completionData)], icons: false, activateOnTypingDelay: 50 }),
    rectangularSelection(),
    crosshairCursor(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    search({ top: true }),
    lintGutter(),
    json(),
    keymap.of([
      { key: "Shift-Alt-f", run: formatCommand(opts.onFormatRefused), preventDefault: true },
      ...closeBracketsKeymap,
      ...defaultKeymap,
      ...searchKeymap,
      ...historyKeymap,
      ...foldKeymap,
      ...completionKeymap,
      ...lintKeymap,
    ]),
    EditorView.lineWrapping,
  ];
}

/** Format-document as one undoable change; the cursor stays on the same line where it can. */
export function formatCommand(onRefused: (reason: string) => void): Command {
  return (view) => {
    if (view.state.readOnly) return false;
    const before = view.state.doc.toString();
    const r = formatPolicy(before);
    if (!r.ok) {
      onRefused(r.reason);
      return true;
    }
    if (r.text === before) return true;
    const line = view.state.doc.lineAt(view.state.selection.main.head).number;
    const after = EditorState.create({ doc: r.text }).doc;
    const anchor = after.line(Math.min(line, after.lines)).from;
    view.dispatch({
      changes: { from: 0, to: before.length, insert: r.text },
      selection: { anchor },
      scrollIntoView: true,
      userEvent: "format",
    });
    return true;
  };
}

const VALID_FOR = /^[\w:.*/${}@+=,-]*$/;

function completionSource(data: () => CompletionData): CompletionSource {
  return (cx) => {
    const text = cx.state.doc.toString();
    const pc = policyContextAt(text, cx.pos);
    if (!pc) return null;
    // Outside quotes, open only on request (Ctrl-Space) or once something is typed.
    if (!cx.explicit && !pc.inString && pc.typed === "") return null;
    const items = policyCompletions(pc, data());
    if (items.length === 0) return null;
    const options: Completion[] = items.map((it) => ({
      label: it.label,
      detail: it.detail,
      type: it.type,
      boost: it.boost,
      section: it.section,
      apply: it.reopen
        ? (view, _c, from, to) => {
            view.dispatch({ changes: { from, to, insert: it.insert }, selection: { anchor: from + (it.cursor ?? it.insert.length) }, userEvent: "input.complete" });
            startCompletion(view);
          }
        : it.insert,
    }));
    return { from: pc.from, to: pc.inString ? pc.to : undefined, options, validFor: pc.inString ? VALID_FOR : undefined };
  };
}
