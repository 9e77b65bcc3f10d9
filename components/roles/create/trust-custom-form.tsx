"use client";
import { PolicyEditor } from "@/components/policy-editor/policy-editor";
import { Select } from "@/components/ui/input";
import { Field } from "@/components/ui/field";
import { useConsole } from "@/components/shell/console-context";
import { TRUST_TEMPLATES, renderTemplate } from "../trust-templates";
import type { RoleDraft } from "./draft";

/**
 * Tall enough for the whole policy (the editor's lines are 20 px), so none of it hides behind a scroll a keyboard
 * user would have to find; a trust policy (2,048 characters at most by default) stays well under the cap.
 */
export const heightToFit = (text: string, min: number) => {
  // A line over ~40 characters may wrap beside the plain-words summary: count it as the rows it can take.
  const rows = text.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(line.length / 40)), 0);
  return Math.min(900, Math.max(min, rows * 20 + 36));
};

/** "Custom trust policy": the validating editor, optionally starting from one of the scenario templates. */
export function TrustCustomForm({ draft, update, jsonError, onErrorsChange }: {
  draft: RoleDraft;
  update: (patch: Partial<RoleDraft>) => void;
  jsonError?: string;
  onErrorsChange: (hasErrors: boolean) => void;
}) {
  const { account } = useConsole();
  const setText = (text: string, templateId: string) => update({ customTrustPolicy: text, trustPolicy: text, templateId });
  return (
    <div className="flex flex-col gap-3">
      <Field label="Start from a template" optional hint="Replaces the policy below. Replace any <PLACEHOLDER> before creating.">
        {({ id, describedBy }) => (
          <Select
            id={id}
            aria-describedby={describedBy}
            className="w-72"
            value={draft.templateId}
            onChange={(e) => {
              const t = TRUST_TEMPLATES.find((x) => x.id === e.target.value);
              if (t) setText(renderTemplate(t, account.id), t.id);
            }}
            data-testid="trust-template"
          >
            <option value="">Choose a template…</option>
            {TRUST_TEMPLATES.map((t) => <option key={t.id} value={t.id}>{t.label}</option>)}
          </Select>
        )}
      </Field>
      <PolicyEditor
        kind="trust"
        value={draft.trustPolicy}
        onChange={(text) => setText(text, "")}
        onFindingsChange={(_, s) => onErrorsChange(s.hasErrors)}
        ariaLabel="Trust policy (JSON)"
        testId="create-trust-editor"
        contentTestId="trust-policy"
        height={heightToFit(draft.trustPolicy, 320)}
      />
      <p className="text-xs text-fg-muted">Who may assume this role and under which conditions.</p>
      {jsonError && <p role="alert" className="text-[13px] text-danger" data-testid="trust-policy-error">{jsonError}</p>}
    </div>
  );
}
