"use client";
import { Plus, Trash2, X } from "lucide-react";
import { LIMITS } from "@/lib/domain/schemas";
import { PolicyEditor } from "@/components/policy-editor/policy-editor";
import { PolicyPicker } from "@/components/policies/policy-picker";
import { STARTER_POLICY } from "@/components/policies/starter-policy";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { heightToFit } from "./trust-custom-form";
import type { DraftErrors, RoleDraft } from "./draft";

const policyName = (arn: string) => arn.slice(arn.lastIndexOf("/") + 1);

function Section({ title, optional, description, children, testId }: { title: string; optional?: boolean; description: React.ReactNode; children: React.ReactNode; testId: string }) {
  return (
    <section className="flex flex-col gap-3 border-t border-border pt-5 first:border-t-0 first:pt-0" data-testid={testId}>
      <div>
        <h3 className="text-sm font-semibold">{title}{optional && <span className="ml-1.5 text-[13px] font-normal text-fg-subtle">optional</span>}</h3>
        <p className="mt-0.5 text-[13px] text-fg-muted">{description}</p>
      </div>
      {children}
    </section>
  );
}

/**
 * Step 2, "Add permissions": a role starts with none. The managed policies, the inline policy and the boundary
 * chosen here are attached, put and set in the request that creates it. `onInlineErrorsChange` reports ERROR
 * findings in the inline policy (what PutRolePolicy would refuse), so the wizard can hold Next.
 */
export function StepPermissions({ draft, update, errors, onInlineErrorsChange }: {
  draft: RoleDraft;
  update: (patch: Partial<RoleDraft>) => void;
  errors: DraftErrors;
  onInlineErrorsChange: (hasErrors: boolean) => void;
}) {
  const max = LIMITS.managedPoliciesPerRole;
  const over = draft.policyArns.length > max;
  const withInline = draft.inlinePolicy !== "";
  return (
    <div className="flex flex-col gap-6">
      <Section title="Permissions policies" testId="managed-policies"
        description="Managed policies to attach. A role starts with no permissions: pick what its sessions may do, AWS's own policies or this account's.">
        <div className="flex items-baseline justify-between gap-3">
          <span className={over ? "text-xs font-medium text-danger" : "text-xs text-fg-subtle"} data-testid="policies-count">
            {draft.policyArns.length} of {max} selected{over && " — over the quota of managed policies per role"}
          </span>
        </div>
        <PolicyPicker mode="multiple" browse selected={draft.policyArns} onChange={(policyArns) => update({ policyArns })} label="Search permissions policies" />
        {draft.policyArns.length > 0 && (
          <ul aria-label="Selected policies" className="flex flex-wrap gap-1.5" data-testid="selected-policies">
            {draft.policyArns.map((arn, i) => (
              <li key={arn} className="flex flex-col">
                <span className="inline-flex items-center gap-1 rounded-full border border-border bg-surface-2 py-0.5 pr-1 pl-2.5 text-xs font-medium">
                  {policyName(arn)}
                  <button type="button" aria-label={`Remove ${policyName(arn)}`} onClick={() => update({ policyArns: draft.policyArns.filter((a) => a !== arn) })} className="rounded-full p-0.5 text-fg-subtle hover:bg-surface-3 hover:text-fg">
                    <X aria-hidden className="size-3" />
                  </button>
                </span>
                {errors.policyRows?.[i] && <span role="alert" className="mt-1 text-[13px] text-danger">{errors.policyRows[i]}</span>}
              </li>
            ))}
          </ul>
        )}
        {errors.policies && <p role="alert" className="text-[13px] text-danger" data-testid="policies-error">{errors.policies}</p>}
      </Section>

      <Section title="Inline policy" optional testId="inline-policy"
        description="A policy that lives in this role alone and is deleted with it. Use it for permissions no other role should share.">
        {withInline ? (
          <>
            <Field label="Policy name" error={errors.inlinePolicyName} hint={`Letters, digits and + = , . @ _ - · up to ${LIMITS.policyName.max} characters.`}>
              {({ id, describedBy, invalid }) => (
                <Input id={id} aria-describedby={describedBy} invalid={invalid} autoComplete="off" className="max-w-sm" value={draft.inlinePolicyName} onChange={(e) => update({ inlinePolicyName: e.target.value })} data-testid="inline-policy-name" />
              )}
            </Field>
            <PolicyEditor kind="identity" inlinePolicy value={draft.inlinePolicy} onChange={(inlinePolicy) => update({ inlinePolicy })}
              onFindingsChange={(_, s) => onInlineErrorsChange(s.hasErrors)} title="Inline policy document" ariaLabel="Inline policy document (JSON)"
              testId="inline-policy-editor" contentTestId="inline-policy-document" height={heightToFit(draft.inlinePolicy, 220)} />
            {errors.inlinePolicy && <p role="alert" className="text-[13px] text-danger" data-testid="inline-policy-error">{errors.inlinePolicy}</p>}
            <div>
              <Button size="sm" variant="ghost" onClick={() => (update({ inlinePolicy: "", inlinePolicyName: "" }), onInlineErrorsChange(false))} icon={<Trash2 aria-hidden className="size-4" />} data-testid="remove-inline-policy">
                Remove inline policy
              </Button>
            </div>
          </>
        ) : (
          <div>
            <Button size="sm" onClick={() => update({ inlinePolicy: STARTER_POLICY })} icon={<Plus aria-hidden className="size-4" />} data-testid="add-inline-policy">Add inline policy</Button>
          </div>
        )}
      </Section>

      <Section title="Permissions boundary" optional testId="boundary"
        description="A managed policy that caps what this role's policies can ever grant: a session may do only what both allow. Delegated admins use it to keep the roles they create inside limits.">
        <label className="flex items-center gap-2 text-[13px]">
          <input type="checkbox" className="size-4 accent-[var(--accent)]" checked={draft.useBoundary} data-testid="use-boundary"
            onChange={(e) => update({ useBoundary: e.target.checked, boundaryArn: e.target.checked ? draft.boundaryArn : "" })} />
          Use a permissions boundary to control the maximum role permissions
        </label>
        {draft.useBoundary && (
          <>
            <PolicyPicker mode="single" browse selected={draft.boundaryArn ? [draft.boundaryArn] : []} onChange={([arn]) => update({ boundaryArn: arn ?? "" })} label="Search boundary policies" testIdPrefix="boundary" />
            <p className="text-[13px]" data-testid="boundary-choice">
              {draft.boundaryArn ? <>Boundary: <code className="text-xs">{draft.boundaryArn}</code></> : <span className="text-fg-muted">Choose the policy that sets the boundary.</span>}
            </p>
          </>
        )}
        {errors.boundary && <p role="alert" className="text-[13px] text-danger" data-testid="boundary-error">{errors.boundary}</p>}
      </Section>
    </div>
  );
}
