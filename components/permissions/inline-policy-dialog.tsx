"use client";
import { useState } from "react";
import type { UseMutationResult } from "@tanstack/react-query";
import { policyNameSchema, type InlinePolicyInput } from "@/lib/domain/schemas";
import { Dialog } from "@/components/ui/dialog";
import { useMutationResetOnOpen, useResetOnOpen } from "@/components/ui/use-reset-on-open";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { ErrorState } from "@/components/ui/states";
import { useToast } from "@/components/ui/toast";
import { ApiError } from "@/components/api/fetch-json";
import { prettyJson } from "@/components/format";
import { STARTER_POLICY } from "@/components/policies/starter-policy";
import { PolicyEditor } from "@/components/policy-editor/policy-editor";

export interface InlinePolicyDialogProps {
  /** The policy to view or replace; null to add one. */
  policy: { name: string; document: string } | null;
  open: boolean;
  onClose: () => void;
  /** Why the viewer may not edit; when set the dialog only shows the document. */
  readOnly?: string;
  /** PutRolePolicy or PutUserPolicy for the identity the dialog belongs to. */
  put: UseMutationResult<unknown, Error, InlinePolicyInput>;
  /** The owner page's test id for a part of the dialog. */
  idFor: (part: string) => string;
}

/**
 * Create (policy = null), view or replace an inline policy of a role or user (PutRolePolicy / PutUserPolicy
 * replace a policy of the same name). ERROR findings hold the save: they are what IAM would refuse.
 */
export function InlinePolicyDialog({ policy, open, onClose, readOnly, put, idFor: id }: InlinePolicyDialogProps) {
  const [name, setName] = useState("");
  const [document, setDocument] = useState("");
  const [nameError, setNameError] = useState<string>();
  const [hasErrors, setHasErrors] = useState(false);
  const toast = useToast();
  const formId = id("inline-policy-form");
  const saved = policy ? prettyJson(policy.document) : undefined;
  const openedFor = open && `policy:${policy?.name ?? ""}`;
  useResetOnOpen(openedFor, () => {
    setName(policy?.name ?? "");
    setDocument(saved ?? STARTER_POLICY);
    setNameError(undefined);
  });
  useMutationResetOnOpen(openedFor, put);

  async function save(e: React.FormEvent) {
    e.preventDefault();
    if (hasErrors) return;
    const check = policyNameSchema.safeParse(name);
    if (!check.success) return setNameError(check.error.issues[0].message.replace(/^Member must/, "Must"));
    await put.mutateAsync({ PolicyName: name, PolicyDocument: document }).then(() => {
      toast({ tone: "success", title: `Saved inline policy ${name}` });
      onClose();
    }).catch(() => undefined);
  }

  const serverError = put.error instanceof ApiError ? put.error : put.error ? new ApiError("ServiceFailure", put.error.message, 0) : null;
  return (
    <Dialog open={open} onClose={onClose} size="lg" title={policy ? `Inline policy ${policy.name}` : "Add inline policy"} testId={id("inline-policy-dialog")}
      footer={readOnly ? <Button onClick={onClose}>Close</Button> : <>
        <Button variant="ghost" onClick={onClose}>Cancel</Button>
        <Button variant="primary" type="submit" form={formId} loading={put.isPending} disabledReason={hasErrors ? "Fix the errors in the document first: IAM would refuse it." : undefined} data-testid={id("save-inline-policy")}>Save policy</Button>
      </>}>
      <form id={formId} onSubmit={save} className="flex flex-col gap-4 pb-2">
        <Field label="Policy name" error={nameError}>
          {({ id: inputId, describedBy, invalid }) => <Input id={inputId} aria-describedby={describedBy} invalid={invalid} value={name} disabled={!!policy || !!readOnly} onChange={(e) => setName(e.target.value)} data-testid={id("inline-policy-name")} />}
        </Field>
        {open && (
          <PolicyEditor
            kind="identity"
            inlinePolicy
            value={document}
            onChange={setDocument}
            readOnly={!!readOnly}
            savedValue={readOnly ? undefined : saved}
            onFindingsChange={(_, s) => setHasErrors(s.hasErrors)}
            ariaLabel="Policy document (JSON)"
            testId={id("inline-policy-editor")}
            contentTestId={id("inline-policy-document")}
            height={300}
          />
        )}
        {serverError && <ErrorState title={serverError.code} message={serverError.message} />}
      </form>
    </Dialog>
  );
}
