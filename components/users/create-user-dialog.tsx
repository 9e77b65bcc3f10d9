"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { createUserSchema, LIMITS, type Tag } from "@/lib/domain/schemas";
import { Dialog } from "@/components/ui/dialog";
import { useMutationResetOnOpen, useResetOnOpen } from "@/components/ui/use-reset-on-open";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { ErrorState } from "@/components/ui/states";
import { useToast } from "@/components/ui/toast";
import { ApiError } from "@/components/api/fetch-json";
import { TagEditor } from "@/components/roles/tag-editor";
import { useCreateUserMutation } from "./user-queries";
import { fieldErrors } from "@/components/ui/zod-field-errors";
import { toUser } from "./routes";

/** CreateUser: name, path and tags, checked with the same schema the server uses; then on to the new user's keys. */
export function CreateUserDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [name, setName] = useState("");
  const [path, setPath] = useState("/");
  const [tags, setTags] = useState<Tag[]>([]);
  const [errors, setErrors] = useState<ReturnType<typeof fieldErrors>>({ fields: {}, tags: {} });
  const create = useCreateUserMutation();
  const router = useRouter();
  const toast = useToast();
  useResetOnOpen(open && "create", () => {
    setName("");
    setPath("/");
    setTags([]);
    setErrors({ fields: {}, tags: {} });
  });
  useMutationResetOnOpen(open && "create-user", create);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const parsed = createUserSchema.safeParse({ UserName: name, Path: path || "/", Tags: tags });
    setErrors(parsed.success ? { fields: {}, tags: {} } : fieldErrors(parsed.error.issues));
    if (!parsed.success) return;
    await create.mutateAsync(parsed.data).then((user) => {
      toast({ tone: "success", title: `User ${user.name} created`, message: "Create an access key to call the API as this user." });
      onClose();
      router.push(toUser({ name: user.name, tab: "security-credentials" }));
    }).catch(() => undefined);
  }

  const serverError = create.error instanceof ApiError ? create.error : null;
  return (
    <Dialog open={open} onClose={onClose} title="Create IAM user" testId="create-user-dialog"
      description="A long-term identity in this account. It starts with no permissions and no access keys."
      footer={<>
        <Button variant="ghost" onClick={onClose}>Cancel</Button>
        <Button variant="primary" type="submit" form="create-user-form" loading={create.isPending} data-testid="confirm-create-user">Create user</Button>
      </>}>
      <form id="create-user-form" onSubmit={submit} noValidate className="flex flex-col gap-4 pb-2">
        <Field label="User name" error={errors.fields.UserName} hint={`Up to ${LIMITS.userName.max} letters, digits and + = , . @ _ -. Unique in the account, ignoring case.`}>
          {({ id, describedBy, invalid }) => <Input id={id} aria-describedby={describedBy} invalid={invalid} value={name} autoFocus autoComplete="off" onChange={(e) => setName(e.target.value)} data-testid="user-name" />}
        </Field>
        <Field label="Path" optional error={errors.fields.Path} hint="Groups users for policies and listing, e.g. /engineering/. Part of the ARN.">
          {({ id, describedBy, invalid }) => <Input id={id} aria-describedby={describedBy} invalid={invalid} value={path} className="font-mono text-[13px]" onChange={(e) => setPath(e.target.value)} data-testid="user-path" />}
        </Field>
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1.5 text-[13px] font-medium">Tags <span className="ml-1.5 font-normal text-fg-subtle">optional</span></legend>
          <TagEditor tags={tags} onChange={setTags} errors={errors.tags} max={LIMITS.tagsPerEntity} />
        </fieldset>
        {serverError && <ErrorState title={serverError.code} message={serverError.message} />}
      </form>
    </Dialog>
  );
}
