"use client";
import { PolicyEditor } from "@/components/policy-editor/policy-editor";
import { cn } from "@/components/ui/cn";
import { TRUST_TEMPLATES, renderTemplate } from "../trust-templates";
import type { RoleDraft } from "./draft";

/**
 * Step 1: who may assume the role. A template fills the JSON; the JSON is what gets saved. `onErrorsChange`
 * reports whether the editor holds ERROR findings (what CreateRole would refuse), so the wizard can hold Next.
 */
export function StepTrust({ draft, update, error, accountId, onErrorsChange }: {
  draft: RoleDraft;
  update: (patch: Partial<RoleDraft>) => void;
  error?: string;
  accountId: string;
  onErrorsChange: (hasErrors: boolean) => void;
}) {
  return (
    <div className="flex flex-col gap-5">
      <fieldset>
        <legend className="mb-2 text-[13px] font-medium">Start from a template</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {TRUST_TEMPLATES.map((t) => (
            <label
              key={t.id}
              className={cn(
                "flex cursor-pointer gap-3 rounded-lg border p-3 transition-colors hover:border-border-strong has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-ring",
                draft.templateId === t.id ? "border-accent bg-accent-soft/50" : "border-border",
              )}
            >
              <input
                type="radio"
                name="trust-template"
                value={t.id}
                checked={draft.templateId === t.id}
                onChange={() => update({ templateId: t.id, trustPolicy: renderTemplate(t, accountId) })}
                className="mt-0.5 size-4 accent-[var(--accent)]"
                data-testid={`template-${t.id}`}
              />
              <span>
                <span className="block text-sm font-medium">{t.label}</span>
                <span className="block text-xs text-fg-muted">{t.description}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex flex-col gap-1.5">
        <PolicyEditor
          kind="trust"
          value={draft.trustPolicy}
          onChange={(trustPolicy) => update({ trustPolicy, templateId: "custom" })}
          onFindingsChange={(_, s) => onErrorsChange(s.hasErrors)}
          ariaLabel="Trust policy (JSON)"
          testId="create-trust-editor"
          contentTestId="trust-policy"
          height={320}
        />
        <p className="text-xs text-fg-muted">Who may assume this role and under which conditions. Replace any &lt;PLACEHOLDER&gt; before creating.</p>
        {error && <p role="alert" className="text-[13px] text-danger" data-testid="trust-policy-error">{error}</p>}
      </div>
    </div>
  );
}
