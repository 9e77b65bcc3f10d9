"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { LIMITS, updateGroupSchema } from "@/lib/domain/schemas";
import { Dialog } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { fieldErrors } from "@/components/ui/zod-field-errors";
import { useMutationResetOnOpen, useResetOnOpen } from "@/components/ui/use-reset-on-open";
import { useUpdateGroupMutation, type GroupDto } from "../group-queries";
import { toGroup } from "../routes";

/** UpdateGroup: a new name or path gives the group a new ARN; its users and policies stay. */
export function EditGroupDialog({ group, open, onClose }: { group: GroupDto; open: boolean; onClose: () => void }) {
  const [name, setName] = useState(group.name);
  const [path, setPath] = useState(group.path);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const mutation = useUpdateGroupMutation(group.name);
  const router = useRouter();
  const toast = useToast();
  useResetOnOpen(open && "edit", () => {
    setName(group.name);
    setPath(group.path);
    setErrors({});
  });
  useMutationResetOnOpen(open && "edit", mutation);

  async function save(e: React.FormEvent) {
    e.preventDefault();
    const body = { ...(name !== group.name ? { NewGroupName: name } : {}), ...(path !== group.path ? { NewPath: path } : {}) };
    const check = updateGroupSchema.safeParse({ GroupName: group.name, ...body });
    setErrors(check.success ? {} : fieldErrors(check.error.issues).fields);
    if (!check.success) return;
    if (!Object.keys(body).length) return onClose();
    await mutation.mutateAsync(body).then((updated) => {
      toast({ tone: "success", title: "Group updated", message: updated.arn });
      onClose();
      if (updated.name !== group.name) router.replace(toGroup({ name: updated.name }));
    }).catch(() => undefined);
  }

  return (
    <Dialog open={open} onClose={onClose} title={`Edit ${group.name}`} testId="edit-group-dialog"
      description="Renaming or moving a group changes its ARN. Policies that name the old ARN no longer match it."
      footer={<><Button variant="ghost" onClick={onClose}>Cancel</Button><Button variant="primary" type="submit" form="edit-group-form" loading={mutation.isPending} data-testid="save-group">Save changes</Button></>}>
      <form id="edit-group-form" onSubmit={save} noValidate className="flex flex-col gap-4 pb-2">
        <Field label="Group name" error={errors.NewGroupName} hint={`Up to ${LIMITS.groupName.max} letters, digits and + = , . @ _ -.`}>
          {({ id, describedBy, invalid }) => <Input id={id} aria-describedby={describedBy} invalid={invalid} value={name} autoComplete="off" onChange={(e) => setName(e.target.value)} data-testid="edit-group-name" />}
        </Field>
        <Field label="Path" error={errors.NewPath} hint="Starts and ends with /, e.g. /engineering/.">
          {({ id, describedBy, invalid }) => <Input id={id} aria-describedby={describedBy} invalid={invalid} value={path} className="font-mono text-[13px]" onChange={(e) => setPath(e.target.value)} data-testid="edit-group-path" />}
        </Field>
        {mutation.error && <p role="alert" className="text-[13px] text-danger">{mutation.error.message}</p>}
      </form>
    </Dialog>
  );
}
