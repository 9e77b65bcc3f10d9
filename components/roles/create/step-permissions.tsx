"use client";
import { LIMITS } from "@/lib/domain/schemas";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { PolicyPicker } from "@/components/policies/policy-picker";
import type { RoleDraft } from "./draft";

/** Step 2: a role starts with no permissions; the managed policies chosen here are attached in the request that creates it. */
export function StepPermissions({ draft, update, boundaryError }: {
  draft: RoleDraft;
  update: (patch: Partial<RoleDraft>) => void;
  boundaryError?: string;
}) {
  const max = LIMITS.managedPoliciesPerRole;
  const over = draft.policyArns.length > max;
  return (
    <div className="flex flex-col gap-6">
      <section className="flex flex-col gap-2">
        <div className="flex items-baseline justify-between">
          <h3 className="text-[13px] font-medium">Managed policies</h3>
          <span className={over ? "text-xs font-medium text-danger" : "text-xs text-fg-subtle"}>
            {draft.policyArns.length} of {max} selected{over && " — over the quota of managed policies per role"}
          </span>
        </div>
        <PolicyPicker mode="multiple" selected={draft.policyArns} onChange={(policyArns) => update({ policyArns })} />
      </section>
      <Field
        label="Permissions boundary"
        optional
        error={boundaryError}
        hint="A managed policy ARN that caps what this role's policies can ever grant, e.g. arn:aws:iam::aws:policy/PowerUserAccess."
      >
        {({ id, describedBy, invalid }) => (
          <Input
            id={id}
            aria-describedby={describedBy}
            invalid={invalid}
            data-testid="boundary-arn"
            className="font-mono text-[13px]"
            placeholder="arn:aws:iam::aws:policy/…"
            value={draft.boundaryArn}
            onChange={(e) => update({ boundaryArn: e.target.value.trim() })}
          />
        )}
      </Field>
    </div>
  );
}
