"use client";
/**
 * The policy editor used wherever a policy is edited (trust tab, create-role custom step, inline and managed
 * policies, the playground).
 *
 * CodeMirror 6 is used directly rather than through @uiw/react-codemirror: the editor needs compartments it
 * reconfigures itself (theme, read-only), diagnostics pushed from its own validation loop (not a lint source
 * polled on a delay), and a custom keymap without indentWithTab. A wrapper would re-create extensions on
 * every render and hide the EditorView these need; owning the view takes ~40 lines here.
 */
import { startTransition, useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from "react";
import { Annotation, Compartment, EditorState } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { setDiagnostics } from "@codemirror/lint";
import { exportCatalogue, validatePolicy, type Finding, type IamRejection, type PolicyKind } from "@/lib/policy";
import { cn } from "@/components/ui/cn";
import { useConsole } from "@/components/shell/console-context";
import { toDiagnostic, toDiagnostics } from "./diagnostics";
import { countBySeverity, mergeStoreFindings, type SeverityCounts, type StoreResult } from "./findings";
import { baseExtensions, formatCommand } from "./editor-extensions";
import { oidcHostsIn } from "./completions";
import { editorTheme } from "./theme";
import { useDarkClass } from "./use-dark-class";
import { useCatalogueQuery, usePrincipalSuggestionsQuery, useStoreValidationQuery } from "./policy-editor-queries";
import { FindingsPanel } from "./findings-panel";
import { EditorHeader } from "./editor-header";
import { TrustSummary } from "./trust-summary";
import { PolicyDiff, type DiffMode } from "./policy-diff";
import { IamVerdict } from "./iam-verdict";
import { highlightExtension, highlightLines, type PolicyHighlight } from "./highlights";

/** What the editor knows about the document it holds, reported through `onFindingsChange`. */
export interface PolicyValidationState {
  /** Findings per severity. */
  counts: SeverityCounts;
  /** True when an ERROR finding exists. ERROR findings are what IAM refuses: block saving while true. */
  hasErrors: boolean;
  /**
   * IAM's answer to saving exactly this text, from the store-aware check (it knows which principals exist):
   * `null` when IAM would accept it, `undefined` while the check for the current text is still on its way.
   */
  iamRejection: IamRejection | null | undefined;
  /** The action catalogue has arrived, so "does this action / condition key exist" is being checked. */
  catalogueLoaded: boolean;
}

export interface PolicyEditorProps {
  /** The policy text (controlled). Line breaks are normalised to `\n` by the editor. */
  value: string;
  /** Called with the new text on every edit (typing, completion, format, undo). */
  onChange: (value: string) => void;
  /** Which IAM document this is; decides the grammar, the completions and the trust-policy summary. */
  kind: PolicyKind;
  /** Show the document without allowing edits (it stays focusable, searchable and selectable). */
  readOnly?: boolean;
  /** Accessible name of the text area; defaults to the kind's name, e.g. "Trust policy document". */
  ariaLabel?: string;
  /**
   * Called whenever the findings shown change (client findings at once, store findings ~300 ms after typing
   * stops). The first argument lists every finding in document order.
   */
  onFindingsChange?: (findings: Finding[], state: PolicyValidationState) => void;
  /** The saved version. When given and different from `value`, a "Review changes" toggle shows the diff. */
  savedValue?: string;
  /**
   * An inline policy (PutRolePolicy/PutUserPolicy): Version may be omitted and the 6,144-character managed
   * policy quota does not apply. Only meaningful for kind `identity`.
   */
  inlinePolicy?: boolean;
  /** Heading in the editor's header; defaults to the kind's name. */
  title?: React.ReactNode;
  /** Show the plain-words summary beside the JSON. Default: true for trust policies, unavailable otherwise. */
  showSummary?: boolean;
  /** Height of the text area in pixels (it scrolls inside). Default 360. */
  height?: number;
  /** Base for every data-testid inside (default "policy-editor"), so two editors on a page stay distinct. */
  testId?: string;
  /**
   * data-testid of the editable text itself (default `${testId}-content`), for pages whose tests fill the
   * document by a test id they used before the editor existed.
   */
  contentTestId?: string;
  /** Lines to mark by JSON path (e.g. the statement a decision turned on); the first is scrolled into view. */
  highlights?: readonly PolicyHighlight[];
}

const KIND_TITLE: Record<PolicyKind, string> = {
  trust: "Trust policy",
  identity: "Permissions policy",
  boundary: "Permissions boundary",
  session: "Session policy",
};

const NO_HIGHLIGHTS: readonly PolicyHighlight[] = [];

/** Marks a transaction that mirrors a new `value` prop, so it is not echoed back through onChange. */
const fromProps = Annotation.define<boolean>();

/**
 * A CodeMirror 6 JSON editor that validates the policy as it is typed: findings are underlined at their exact
 * span, marked in the gutter, counted in the header and listed by severity below (Enter on one moves the cursor
 * there). Validation runs in the browser with the pure lib/policy core; the action catalogue is fetched on
 * demand and principal existence is asked of the server. Tab leaves the editor; Shift-Alt-F formats;
 * Ctrl/Cmd-F searches; Ctrl-Space completes keys, actions, principals, condition operators and keys.
 *
 * @example
 * <PolicyEditor kind="trust" value={doc} onChange={setDoc} savedValue={role.AssumeRolePolicyDocument}
 *   onFindingsChange={(_, s) => setBlocked(s.hasErrors)} />
 */
export function PolicyEditor({
  value,
  onChange,
  kind,
  readOnly = false,
  ariaLabel,
  onFindingsChange,
  savedValue,
  inlinePolicy = false,
  title,
  showSummary,
  height = 360,
  testId = "policy-editor",
  contentTestId,
  highlights = NO_HIGHLIGHTS,
}: PolicyEditorProps) {
  const uid = useId();
  const labelId = `${uid}-label`;
  const hintId = `${uid}-hint`;
  const rootRef = useRef<HTMLDivElement>(null);
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const [compartments] = useState(() => ({ theme: new Compartment(), readOnly: new Compartment(), attrs: new Compartment(), highlight: new Compartment() }));
  const dark = useDarkClass();
  const accountId = useConsole().account.id;
  const catalogueLoaded = useCatalogueQuery();
  const principals = usePrincipalSuggestionsQuery(kind === "trust" && !readOnly);
  const [text, setText] = useState(value);
  const [findings, setFindings] = useState<Finding[]>([]);
  const [reviewing, setReviewing] = useState(false);
  const [diffMode, setDiffMode] = useState<DiffMode>("unified");
  const [notice, setNotice] = useState<string | null>(null);
  const store = useStoreValidationQuery(text, kind, inlinePolicy, !readOnly || kind === "trust");

  // What the long-lived CodeMirror callbacks read; kept current after each render.
  const latest = useRef({ kind, inlinePolicy, accountId, onChange, principals: principals.data ?? [], store: undefined as StoreResult | undefined });
  useLayoutEffect(() => {
    Object.assign(latest.current, { kind, inlinePolicy, accountId, onChange, principals: principals.data ?? [] });
  });

  const editStartedAt = useRef<number | null>(null);
  const lastKeyAt = useRef<number | null>(null);
  const panelStartedAt = useRef<number | null>(null);
  const scheduled = useRef(false);

  /** Validates the editor's text now and publishes the findings to CodeMirror and to React. */
  const validateNow = useCallback(() => {
    if (!scheduled.current) return;
    scheduled.current = false;
    const view = viewRef.current;
    if (!view) return;
    const doc = view.state.doc.toString();
    const { kind: k, inlinePolicy: inline, accountId: own, store: storeResult } = latest.current;
    // Existence is the store's question: the browser assumes "exists" and the server's answer replaces it.
    const t0 = performance.now();
    const client = validatePolicy(doc, k, { ownAccountId: own, isHeldAccount: () => true, principalExists: () => true, inlinePolicy: inline });
    performance.measure("policy-editor:validate", { start: t0, end: performance.now() });
    const merged = mergeStoreFindings(client, storeResult, doc);
    view.dispatch(setDiagnostics(view.state, toDiagnostics(merged, view.state.doc.length)));
    // The panel, counts and trust summary re-render as a transition: inside the keystroke's event React would
    // render them before the browser paints, holding back the underline that was just set.
    startTransition(() => {
      setFindings(merged);
      setText(doc);
    });
    const started = editStartedAt.current;
    editStartedAt.current = null;
    panelStartedAt.current = started;
    if (started !== null)
      requestAnimationFrame(() => {
        // Keystroke to painted underline, visible in the browser's performance timeline.
        const m = performance.measure("policy-editor:keystroke-to-findings", { start: started, end: performance.now() });
        rootRef.current?.setAttribute("data-validation-ms", m.duration.toFixed(1));
      });
  }, []);

  // A microtask, not a timer: the underline is painted in the keystroke's own frame, before React re-renders
  // the page for the same edit, and several transactions of one task are validated once.
  const schedule = useCallback(() => {
    if (scheduled.current) return;
    scheduled.current = true;
    queueMicrotask(validateNow);
  }, [validateNow]);

  // The document and mode the view starts with; later changes are synchronised by the effects below.
  const initial = useRef({ value, readOnly });

  // Create the view once (compartments and schedule never change); everything later goes through compartments or `latest`.
  useEffect(() => {
    const view = new EditorView({
      parent: hostRef.current!,
      state: EditorState.create({
        doc: initial.current.value,
        extensions: [
          baseExtensions({
            completionData: () => ({
              kind: latest.current.kind,
              catalogue: exportCatalogue(),
              principals: latest.current.principals,
              oidcHosts: oidcHostsIn(viewRef.current?.state.doc.toString() ?? ""),
            }),
            onFormatRefused: setNotice,
          }),
          compartments.theme.of(editorTheme(false)),
          compartments.readOnly.of(EditorState.readOnly.of(initial.current.readOnly)),
          compartments.attrs.of([]),
          compartments.highlight.of([]),
          EditorView.domEventHandlers({
            keydown: (e) => {
              lastKeyAt.current = e.timeStamp;
            },
          }),
          EditorView.updateListener.of((u) => {
            if (!u.docChanged) return;
            const now = performance.now();
            editStartedAt.current ??= lastKeyAt.current !== null && now - lastKeyAt.current < 1000 ? lastKeyAt.current : now;
            lastKeyAt.current = null;
            if (!u.transactions.some((tr) => tr.annotation(fromProps))) latest.current.onChange(u.state.doc.toString());
            setNotice(null);
            schedule();
          }),
        ],
      }),
    });
    viewRef.current = view;
    schedule();
    return () => {
      view.destroy();
      viewRef.current = null;
      scheduled.current = false;
    };
  }, [compartments, schedule]);

  useEffect(() => {
    const view = viewRef.current;
    if (!view || view.state.doc.toString() === value) return;
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: value }, annotations: fromProps.of(true) });
  }, [value]);

  useEffect(() => {
    const view = viewRef.current;
    if (!view) return;
    const doc = view.state.doc;
    const first = highlightLines(doc.toString(), highlights)[0];
    view.dispatch({
      effects: [
        compartments.highlight.reconfigure(highlightExtension(doc, highlights)),
        ...(first ? [EditorView.scrollIntoView(doc.line(Math.min(first.from, doc.lines)).from, { y: "start", yMargin: 24 })] : []),
      ],
    });
  }, [compartments, highlights, value]);

  useEffect(() => {
    viewRef.current?.dispatch({
      effects: [
        compartments.theme.reconfigure(editorTheme(dark)),
        compartments.readOnly.reconfigure(EditorState.readOnly.of(readOnly)),
        compartments.attrs.reconfigure(
          EditorView.contentAttributes.of({
            "aria-label": ariaLabel ?? `${KIND_TITLE[kind]} document`,
            "aria-describedby": hintId,
            "aria-readonly": String(readOnly),
            // Already in the tab order as contenteditable; stated so checkers see a scrolling editor is keyboard-reachable.
            tabindex: "0",
            "data-testid": contentTestId ?? `${testId}-content`,
          }),
        ),
      ],
    });
  }, [compartments, dark, readOnly, ariaLabel, kind, hintId, testId, contentTestId]);

  // Re-validate when the rules change (kind, inline), the catalogue arrives or the store answers.
  useEffect(() => {
    latest.current.store = store.data;
    schedule();
  }, [kind, inlinePolicy, catalogueLoaded, store.data, schedule]);

  const onFindingsChangeRef = useRef(onFindingsChange);
  useLayoutEffect(() => {
    onFindingsChangeRef.current = onFindingsChange;
  });
  const iamRejection = store.upToDate ? store.data?.iamRejection : undefined;
  useEffect(() => {
    if (panelStartedAt.current !== null) {
      performance.measure("policy-editor:keystroke-to-panel", { start: panelStartedAt.current, end: performance.now() });
      panelStartedAt.current = null;
    }
    const counts = countBySeverity(findings);
    onFindingsChangeRef.current?.(findings, { counts, hasErrors: counts.ERROR > 0, iamRejection, catalogueLoaded });
  }, [findings, iamRejection, catalogueLoaded]);

  const jumpTo = useCallback((f: Finding) => {
    const view = viewRef.current;
    if (!view) return;
    setReviewing(false);
    const d = toDiagnostic(f, view.state.doc.length);
    view.dispatch({ selection: { anchor: d.from, head: d.to }, scrollIntoView: true });
    view.focus();
  }, []);

  const format = () => {
    const view = viewRef.current;
    if (view) formatCommand(setNotice)(view);
    view?.focus();
  };

  const counts = countBySeverity(findings);
  const summary = kind === "trust" && (showSummary ?? true);
  const changed = savedValue !== undefined && savedValue !== text;
  const checking = !store.upToDate && !store.isError;

  return (
    <div ref={rootRef} data-testid={testId} data-kind={kind} className="overflow-hidden rounded-xl border border-border bg-surface shadow-card">
      <EditorHeader
        labelId={labelId}
        title={title ?? KIND_TITLE[kind]}
        counts={counts}
        testId={testId}
        status={checking ? (kind === "trust" ? "Checking principals…" : "Checking…") : !catalogueLoaded ? "Loading the action catalogue…" : null}
        spinning={checking}
        diffMode={reviewing ? diffMode : null}
        onDiffMode={setDiffMode}
        review={savedValue === undefined ? null : { active: reviewing, changed, toggle: () => setReviewing((r) => !r) }}
        onFormat={!readOnly && !reviewing ? format : null}
      />
      <p id={hintId} className="sr-only">
        Tab leaves the editor. Shift-Alt-F formats the document, Control-F searches, Control-Space suggests completions, F8 moves to the next finding.
      </p>
      {notice && (
        <p role="status" data-testid={`${testId}-notice`} className="flex items-center gap-2 border-b border-border bg-warning-soft px-4 py-1.5 text-xs text-warning-soft-fg">
          {notice}
        </p>
      )}
      <div className={cn("grid", summary && "lg:grid-cols-[minmax(0,1fr)_19rem]")}>
        <div className="min-w-0">
          <div
            ref={hostRef}
            role="group"
            aria-labelledby={labelId}
            data-testid={`${testId}-input`}
            hidden={reviewing}
            style={{ height }}
            className="[&_.cm-editor]:h-full [&_.cm-editor.cm-focused]:outline-2 [&_.cm-editor.cm-focused]:-outline-offset-2 [&_.cm-editor.cm-focused]:outline-ring"
          />
          {reviewing && savedValue !== undefined && (
            <PolicyDiff saved={savedValue} current={text} mode={diffMode} dark={dark} label={KIND_TITLE[kind]} testId={`${testId}-diff`} />
          )}
        </div>
        {summary && <TrustSummary text={text} testId={`${testId}-summary`} />}
      </div>
      <FindingsPanel
        findings={findings}
        onSelect={jumpTo}
        testId={`${testId}-findings`}
        headingId={`${uid}-findings`}
        pendingNote={checking && kind === "trust" ? "Still checking principals against the store." : undefined}
      />
      <IamVerdict rejection={iamRejection} failed={store.isError} testId={`${testId}-verdict`} />
    </div>
  );
}
