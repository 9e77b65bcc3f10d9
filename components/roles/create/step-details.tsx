"use client";
import { LIMITS, SESSION_DURATION_CHOICES } from "@/lib/domain/limits";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { formatDuration } from "@/components/format";
import type { DraftErrors, RoleDraft } from "./draft";

/** Step 3's role details: name, path, description, session length. */
export function StepDetails({ draft, update, errors }: { draft: RoleDraft; update: (p: Partial<RoleDraft>) => void; errors: DraftErrors }) {
  const fullLength = (draft.path || "/").length + draft.name.length;
  return (
    <div className="flex flex-col gap-5">
      <div className="grid gap-5 sm:grid-cols-[2fr_1fr]">
        <Field label="Role name" error={errors.name} hint={`Letters, digits and + = , . @ _ - · up to ${LIMITS.roleName.max} characters · unique in the account, ignoring case.`}>
          {({ id, describedBy, invalid }) => (
            <Input id={id} aria-describedby={describedBy} invalid={invalid} data-testid="role-name" autoComplete="off" value={draft.name} onChange={(e) => update({ name: e.target.value })} />
          )}
        </Field>
        <Field label="Path" optional error={errors.path} hint={fullLength > 64 ? "Path + name over 64 characters: the AWS console's switch-role link will not work." : "Groups roles, e.g. /app/."}>
          {({ id, describedBy, invalid }) => (
            <Input id={id} aria-describedby={describedBy} invalid={invalid} data-testid="role-path" className="font-mono text-[13px]" placeholder="/" value={draft.path} onChange={(e) => update({ path: e.target.value })} />
          )}
        </Field>
      </div>
      <Field label="Description" optional error={errors.description} hint={`${draft.description.length} / ${LIMITS.description.max}`}>
        {({ id, describedBy, invalid }) => (
          <Textarea id={id} aria-describedby={describedBy} invalid={invalid} rows={2} data-testid="role-description" value={draft.description} onChange={(e) => update({ description: e.target.value })} />
        )}
      </Field>
      <Field label="Maximum session duration" error={errors.maxSessionDuration} hint="The longest session a principal can request when assuming this role.">
        {({ id, describedBy, invalid }) => (
          <Select id={id} aria-describedby={describedBy} invalid={invalid} data-testid="role-max-session" className="w-56" value={draft.maxSessionDuration} onChange={(e) => update({ maxSessionDuration: Number(e.target.value) })}>
            {SESSION_DURATION_CHOICES.map((s) => <option key={s} value={s}>{formatDuration(s)}{s === LIMITS.maxSessionDuration.default ? " (default)" : ""}</option>)}
          </Select>
        )}
      </Field>
    </div>
  );
}
