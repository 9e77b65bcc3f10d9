"use client";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import { cn } from "@/components/ui/cn";
import { TRUST_TEMPLATES, renderTemplate } from "../trust-templates";
import type { RoleDraft } from "./draft";

/** Step 1: who may assume the role. A template fills the JSON; the JSON is what gets saved. */
export function StepTrust({ draft, update, error, accountId }: {
  draft: RoleDraft;
  update: (patch: Partial<RoleDraft>) => void;
  error?: string;
  accountId: string;
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
      <Field
        label="Trust policy (JSON)"
        error={error}
        hint="Who may assume this role and under which conditions. Replace any <PLACEHOLDER> before creating."
      >
        {({ id, describedBy, invalid }) => (
          <Textarea
            id={id}
            aria-describedby={describedBy}
            invalid={invalid}
            code
            rows={16}
            data-testid="trust-policy"
            value={draft.trustPolicy}
            onChange={(e) => update({ trustPolicy: e.target.value, templateId: "custom" })}
          />
        )}
      </Field>
    </div>
  );
}
