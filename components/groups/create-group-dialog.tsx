"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { createGroupSchema, LIMITS } from "@/lib/domain/schemas";
import { Dialog } from "@/components/ui/dialog";
import { useMutationResetOnOpen, useResetOnOpen } from "@/components/ui/use-reset-on-open";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { ErrorState } from "@/components/ui/states";
import { useToast } from "@/components/ui/toast";
import { ApiError } from "@/components/api/fetch-json";
import { fieldErrors } from "@/components/ui/zod-field-errors";
import { useCreateGroupMutation } from "./group-queries";
import { toGroup } from "./routes";

/** CreateGroup: name and path, checked with the same schema the server uses; then on to the new group's members. */
export function CreateGroupDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [name, setName] = useState("");
  const [path, setPath] = useState("/");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useCreateGroupMutation();
  const router = useRouter();
  const toast = useToast();
  useResetOnOpen(open && "create", () => {
    setName("");
    setPath("/");
    setErrors({});
  });
  useMutationResetOnOpen(open && "create-group", create);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const parsed = createGroupSchema.safeParse({ GroupName: name, Path: path || "/" });
    setErrors(parsed.success ? {} : fieldErrors(parsed.error.issues).fields);
    if (!parsed.success) return;
    await create.mutateAsync(parsed.data).then((group) => {
      toast({ tone: "success", title: `Group ${group.name} created`, message: "Add users to it and attach the policies they share." });
      onClose();
      router.push(toGroup({ name: group.name }));
    }).catch(() => undefined);
  }

  const serverError = create.error instanceof ApiError ? create.error : null;
  return (
    <Dialog open={open} onClose={onClose} title="Create IAM group" testId="create-group-dialog"
      description="A set of users that share the group's policies. It starts with no users and no policies; groups have no tags and no permissions boundary."
      footer={<>
        <Button variant="ghost" onClick={onClose}>Cancel</Button>
        <Button variant="primary" type="submit" form="create-group-form" loading={create.isPending} data-testid="confirm-create-group">Create group</Button>
      </>}>
      <form id="create-group-form" onSubmit={submit} noValidate className="flex flex-col gap-4 pb-2">
        <Field label="Group name" error={errors.GroupName} hint={`Up to ${LIMITS.groupName.max} letters, digits and + = , . @ _ -. Unique in the account, ignoring case.`}>
          {({ id, describedBy, invalid }) => <Input id={id} aria-describedby={describedBy} invalid={invalid} value={name} autoFocus autoComplete="off" onChange={(e) => setName(e.target.value)} data-testid="group-name" />}
        </Field>
        <Field label="Path" optional error={errors.Path} hint="Organises groups for listing and policies, e.g. /engineering/. Part of the ARN.">
          {({ id, describedBy, invalid }) => <Input id={id} aria-describedby={describedBy} invalid={invalid} value={path} className="font-mono text-[13px]" onChange={(e) => setPath(e.target.value)} data-testid="group-path" />}
        </Field>
        {serverError && <ErrorState title={serverError.code} message={serverError.message} />}
      </form>
    </Dialog>
  );
}
