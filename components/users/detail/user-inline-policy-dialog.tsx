"use client";
import { useEffect, useState } from "react";
import { policyNameSchema } from "@/lib/iam/schemas";
import { Dialog } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { ErrorState } from "@/components/ui/states";
import { useToast } from "@/components/ui/toast";
import { ApiError } from "@/components/api/fetch-json";
import { prettyJson } from "@/components/format";
import { STARTER_POLICY } from "@/components/policies/starter-policy";
import { usePutUserInlinePolicyMutation } from "../user-permission-queries";
import type { UserDto } from "../user-queries";

/** Create (policy = null), view or replace an inline policy (PutUserPolicy replaces a policy of the same name). */
export function UserInlinePolicyDialog({ user, policy, open, onClose, readOnly }: {
  user: UserDto;
  policy: { name: string; document: string } | null;
  open: boolean;
  onClose: () => void;
  readOnly?: string;
}) {
  const [name, setName] = useState("");
  const [document, setDocument] = useState("");
  const [nameError, setNameError] = useState<string>();
  const put = usePutUserInlinePolicyMutation(user.name);
  const toast = useToast();
  useEffect(() => {
    if (!open) return;
    setName(policy?.name ?? "");
    setDocument(policy ? prettyJson(policy.document) : STARTER_POLICY);
    setNameError(undefined);
    put.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, policy]);

  async function save(e: React.FormEvent) {
    e.preventDefault();
    const check = policyNameSchema.safeParse(name);
    if (!check.success) return setNameError(check.error.issues[0].message.replace(/^Member must/, "Must"));
    await put.mutateAsync({ PolicyName: name, PolicyDocument: document }).then(() => {
      toast({ tone: "success", title: `Saved inline policy ${name}` });
      onClose();
    }).catch(() => undefined);
  }

  const serverError = put.error instanceof ApiError ? put.error : null;
  return (
    <Dialog open={open} onClose={onClose} size="lg" title={policy ? `Inline policy ${policy.name}` : "Add inline policy"} testId="user-inline-policy-dialog"
      footer={readOnly ? <Button onClick={onClose}>Close</Button> : <>
        <Button variant="ghost" onClick={onClose}>Cancel</Button>
        <Button variant="primary" type="submit" form="user-inline-policy-form" loading={put.isPending} data-testid="user-save-inline-policy">Save policy</Button>
      </>}>
      <form id="user-inline-policy-form" onSubmit={save} className="flex flex-col gap-4 pb-2">
        <Field label="Policy name" error={nameError}>
          {({ id, describedBy, invalid }) => <Input id={id} aria-describedby={describedBy} invalid={invalid} value={name} disabled={!!policy || !!readOnly} onChange={(e) => setName(e.target.value)} data-testid="user-inline-policy-name" />}
        </Field>
        <Field label="Policy document (JSON)" hint={readOnly ? undefined : "Checked by the server when you save, with IAM's rules and messages."}>
          {({ id, describedBy }) => <Textarea id={id} aria-describedby={describedBy} invalid={!!serverError} code rows={16} readOnly={!!readOnly} value={document} onChange={(e) => setDocument(e.target.value)} data-testid="user-inline-policy-document" />}
        </Field>
        {serverError && <ErrorState title={serverError.code} message={serverError.message} />}
      </form>
    </Dialog>
  );
}
