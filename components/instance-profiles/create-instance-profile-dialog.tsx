"use client";
import { useState } from "react";
import { z } from "zod";
import { createInstanceProfileSchema, LIMITS, roleNameSchema } from "@/lib/domain/schemas";
import { Dialog } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { ErrorState } from "@/components/ui/states";
import { useToast } from "@/components/ui/toast";
import { ApiError } from "@/components/api/fetch-json";
import { fieldErrors } from "@/components/ui/zod-field-errors";
import { useMutationResetOnOpen, useResetOnOpen } from "@/components/ui/use-reset-on-open";
import { useCreateInstanceProfileMutation } from "./instance-profile-queries";

const formSchema = createInstanceProfileSchema.extend({ RoleName: roleNameSchema.optional() });
type FormInput = z.infer<typeof formSchema>;

/**
 * CreateInstanceProfile, with the role to put in it (AddRoleToInstanceProfile) in the same change. From a role's
 * page the role is fixed and the profile takes the role's name, as the AWS console names the profiles it makes.
 */
export function CreateInstanceProfileDialog({ open, onClose, forRole }: { open: boolean; onClose: () => void; forRole?: string }) {
  const [name, setName] = useState(forRole ?? "");
  const [path, setPath] = useState("/");
  const [roleName, setRoleName] = useState(forRole ?? "");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useCreateInstanceProfileMutation();
  const toast = useToast();
  useResetOnOpen(open && `create-profile-${forRole ?? ""}`, () => {
    setName(forRole ?? "");
    setPath("/");
    setRoleName(forRole ?? "");
    setErrors({});
  });
  useMutationResetOnOpen(open && "create-profile", create);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const input: FormInput = { InstanceProfileName: name, Path: path || "/", RoleName: roleName || undefined };
    const parsed = formSchema.safeParse(input);
    setErrors(parsed.success ? {} : fieldErrors(parsed.error.issues).fields);
    if (!parsed.success) return;
    await create.mutateAsync(parsed.data).then((p) => {
      toast({ tone: "success", title: `Instance profile ${p.name} created`, message: p.roles.length ? `It hands ${p.roles[0].name} to its instances.` : undefined });
      onClose();
    }).catch(() => undefined);
  }

  const serverError = create.error instanceof ApiError ? create.error : null;
  return (
    <Dialog open={open} onClose={onClose} title="Create instance profile" testId="create-instance-profile-dialog"
      description="The container EC2 attaches to an instance to hand it a role. It holds one role at most."
      footer={<>
        <Button variant="ghost" onClick={onClose}>Cancel</Button>
        <Button variant="primary" type="submit" form="create-instance-profile-form" loading={create.isPending} data-testid="confirm-create-instance-profile">Create instance profile</Button>
      </>}>
      <form id="create-instance-profile-form" onSubmit={submit} noValidate className="flex flex-col gap-4 pb-2">
        <Field label="Instance profile name" error={errors.InstanceProfileName} hint={`Up to ${LIMITS.instanceProfileName.max} letters, digits and + = , . @ _ -. Unique in the account, ignoring case.`}>
          {({ id, describedBy, invalid }) => <Input id={id} aria-describedby={describedBy} invalid={invalid} value={name} autoFocus autoComplete="off" onChange={(e) => setName(e.target.value)} data-testid="instance-profile-name-input" />}
        </Field>
        <Field label="Path" optional error={errors.Path} hint="Part of the ARN, e.g. /web/.">
          {({ id, describedBy, invalid }) => <Input id={id} aria-describedby={describedBy} invalid={invalid} value={path} className="font-mono text-[13px]" onChange={(e) => setPath(e.target.value)} data-testid="instance-profile-path-input" />}
        </Field>
        <Field label="Role" optional error={errors.RoleName} hint={forRole ? "The role this profile hands to its instances." : "The role to hand to instances; you can add it later."}>
          {({ id, describedBy, invalid }) => <Input id={id} aria-describedby={describedBy} invalid={invalid} value={roleName} disabled={!!forRole} autoComplete="off" onChange={(e) => setRoleName(e.target.value)} data-testid="instance-profile-role-input" />}
        </Field>
        {serverError && <ErrorState title={serverError.code} message={serverError.message} />}
      </form>
    </Dialog>
  );
}
