"use client";
import { useEffect, useState } from "react";
import { policyNameSchema } from "@/lib/iam/schemas";
import { Dialog } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { prettyJson } from "@/components/format";
import { usePutInlinePolicyMutation, type RoleDto } from "../role-queries";

const STARTER = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["s3:GetObject"], Resource: "arn:aws:s3:::example-bucket/*" }] }, null, 2);

/** Create (policy = null), view or replace an inline policy (PutRolePolicy replaces a policy of the same name). */
export function InlinePolicyDialog({ role, policy, open, onClose, readOnly }: {
  role: RoleDto;
  policy: { name: string; document: string } | null;
  open: boolean;
  onClose: () => void;
  readOnly?: string;
}) {
  const [name, setName] = useState("");
  const [document, setDocument] = useState("");
  const [nameError, setNameError] = useState<string>();
  const put = usePutInlinePolicyMutation(role.name);
  const toast = useToast();
  useEffect(() => {
    if (!open) return;
    setName(policy?.name ?? "");
    setDocument(policy ? prettyJson(policy.document) : STARTER);
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

  return (
    <Dialog open={open} onClose={onClose} size="lg" title={policy ? `Inline policy ${policy.name}` : "Add inline policy"} testId="inline-policy-dialog"
      footer={readOnly ? <Button onClick={onClose}>Close</Button> : <>
        <Button variant="ghost" onClick={onClose}>Cancel</Button>
        <Button variant="primary" type="submit" form="inline-policy-form" loading={put.isPending} data-testid="save-inline-policy">Save policy</Button>
      </>}>
      <form id="inline-policy-form" onSubmit={save} className="flex flex-col gap-4 pb-2">
        <Field label="Policy name" error={nameError}>
          {({ id, describedBy, invalid }) => <Input id={id} aria-describedby={describedBy} invalid={invalid} value={name} disabled={!!policy || !!readOnly} onChange={(e) => setName(e.target.value)} data-testid="inline-policy-name" />}
        </Field>
        <Field label="Policy document (JSON)" error={put.error?.message}>
          {({ id, describedBy, invalid }) => <Textarea id={id} aria-describedby={describedBy} invalid={invalid} code rows={16} readOnly={!!readOnly} value={document} onChange={(e) => setDocument(e.target.value)} data-testid="inline-policy-document" />}
        </Field>
      </form>
    </Dialog>
  );
}
