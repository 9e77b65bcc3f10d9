"use client";
import { useState } from "react";
import { updateRoleSchema, LIMITS } from "@/lib/domain/schemas";
import { SESSION_DURATION_CHOICES } from "@/lib/domain/limits";
import { Dialog } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select, Textarea } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { formatDuration } from "@/components/format";
import { useUpdateRoleMutation, type RoleDto } from "../role-queries";
import { useMutationResetOnOpen, useResetOnOpen } from "@/components/ui/use-reset-on-open";

export function EditRoleDialog({ role, open, onClose }: { role: RoleDto; open: boolean; onClose: () => void }) {
  const [description, setDescription] = useState(role.description ?? "");
  const [maxSession, setMaxSession] = useState(role.maxSessionDuration);
  const [error, setError] = useState<string>();
  const mutation = useUpdateRoleMutation(role.name);
  const toast = useToast();
  const slr = !!role.serviceLinkedService;

  useResetOnOpen(open && "edit", () => {
    setDescription(role.description ?? "");
    setMaxSession(role.maxSessionDuration);
    setError(undefined);
  });
  useMutationResetOnOpen(open && "edit", mutation);

  async function save(e: React.FormEvent) {
    e.preventDefault();
    const body = { Description: description, ...(slr ? {} : { MaxSessionDuration: maxSession }) };
    const check = updateRoleSchema.safeParse({ RoleName: role.name, ...body });
    if (!check.success) return setError(check.error.issues[0].message.replace(/^Member must/, "Must"));
    await mutation.mutateAsync(body).then(() => {
      toast({ tone: "success", title: "Role updated" });
      onClose();
    }).catch(() => undefined);
  }

  const durations = SESSION_DURATION_CHOICES.includes(maxSession) ? SESSION_DURATION_CHOICES : [...SESSION_DURATION_CHOICES, maxSession].sort((a, b) => a - b);
  return (
    <Dialog open={open} onClose={onClose} title={`Edit ${role.name}`} testId="edit-role-dialog"
      footer={<><Button variant="ghost" onClick={onClose}>Cancel</Button><Button variant="primary" type="submit" form="edit-role-form" loading={mutation.isPending} data-testid="save-role">Save changes</Button></>}>
      <form id="edit-role-form" onSubmit={save} className="flex flex-col gap-4 pb-2">
        <Field label="Description" optional error={error} hint={`${description.length} / ${LIMITS.description.max}`}>
          {({ id, describedBy, invalid }) => <Textarea id={id} aria-describedby={describedBy} invalid={invalid} rows={3} value={description} onChange={(e) => setDescription(e.target.value)} data-testid="edit-description" />}
        </Field>
        <Field label="Maximum session duration" hint={slr ? "A service-linked role's session length is its service's: AWS refuses to change it (UnmodifiableEntity)." : "Sessions requested for longer are refused."}>
          {({ id, describedBy }) => (
            <Select id={id} aria-describedby={describedBy} disabled={slr} value={maxSession} onChange={(e) => setMaxSession(Number(e.target.value))} data-testid="edit-max-session" className="w-56">
              {durations.map((s) => <option key={s} value={s}>{formatDuration(s)}</option>)}
            </Select>
          )}
        </Field>
        {mutation.error && <p role="alert" className="text-[13px] text-danger">{mutation.error.message}</p>}
      </form>
    </Dialog>
  );
}
