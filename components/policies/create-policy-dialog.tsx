"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { createPolicySchema, LIMITS } from "@/lib/domain/schemas";
import { Dialog } from "@/components/ui/dialog";
import { useMutationResetOnOpen, useResetOnOpen } from "@/components/ui/use-reset-on-open";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { PolicyEditor } from "@/components/policy-editor/policy-editor";
import { ErrorState } from "@/components/ui/states";
import { useToast } from "@/components/ui/toast";
import { fieldErrors } from "@/components/ui/zod-field-errors";
import { ApiError } from "@/components/api/fetch-json";
import { useCreatePolicyMutation } from "./policy-mutations";
import { STARTER_POLICY } from "./starter-policy";
import { toPolicy } from "./routes";

/** CreatePolicy: the server checks the document with IAM's rules and answers in IAM's words, shown as they come. */
export function CreatePolicyDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [draft, setDraft] = useState({ PolicyName: "", Path: "/", Description: "", PolicyDocument: STARTER_POLICY });
  // ERROR findings are what IAM would refuse: saving waits until they are fixed.
  const [hasErrors, setHasErrors] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useCreatePolicyMutation();
  const router = useRouter();
  const toast = useToast();
  const set = (k: keyof typeof draft) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setDraft((d) => ({ ...d, [k]: e.target.value }));
  useResetOnOpen(open && "create", () => {
    setDraft({ PolicyName: "", Path: "/", Description: "", PolicyDocument: STARTER_POLICY });
    setErrors({});
  });
  useMutationResetOnOpen(open && "create", create);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (hasErrors) return;
    const parsed = createPolicySchema.safeParse({ ...draft, Path: draft.Path || "/", Description: draft.Description || undefined });
    setErrors(parsed.success ? {} : fieldErrors(parsed.error.issues).fields);
    if (!parsed.success) return;
    await create.mutateAsync(parsed.data).then((p) => {
      toast({ tone: "success", title: `Policy ${p.name} created` });
      onClose();
      router.push(toPolicy({ name: p.name, scope: "local" }));
    }).catch(() => undefined);
  }

  const serverError = create.error instanceof ApiError ? create.error : null;
  return (
    <Dialog open={open} onClose={onClose} size="lg" title="Create customer managed policy" testId="create-policy-dialog"
      description="A reusable permissions policy in this account. Attach it to roles and users, or use it as a permissions boundary."
      footer={<>
        <Button variant="ghost" onClick={onClose}>Cancel</Button>
        <Button variant="primary" type="submit" form="create-policy-form" loading={create.isPending} disabledReason={hasErrors ? "Fix the errors in the document first: IAM would refuse it." : undefined} data-testid="confirm-create-policy">Create policy</Button>
      </>}>
      <form id="create-policy-form" onSubmit={submit} noValidate className="flex flex-col gap-4 pb-2">
        <div className="grid gap-4 sm:grid-cols-[1fr_12rem]">
          <Field label="Policy name" error={errors.PolicyName} hint={`Up to ${LIMITS.policyName.max} letters, digits and + = , . @ _ -.`}>
            {({ id, describedBy, invalid }) => <Input id={id} aria-describedby={describedBy} invalid={invalid} value={draft.PolicyName} autoFocus autoComplete="off" onChange={set("PolicyName")} data-testid="policy-name" />}
          </Field>
          <Field label="Path" optional error={errors.Path}>
            {({ id, describedBy, invalid }) => <Input id={id} aria-describedby={describedBy} invalid={invalid} value={draft.Path} className="font-mono text-[13px]" onChange={set("Path")} data-testid="policy-path" />}
          </Field>
        </div>
        <Field label="Description" optional error={errors.Description}>
          {({ id, describedBy, invalid }) => <Input id={id} aria-describedby={describedBy} invalid={invalid} value={draft.Description} onChange={set("Description")} data-testid="policy-description" />}
        </Field>
        {open && (
          <PolicyEditor
            kind="identity"
            onFindingsChange={(_, state) => setHasErrors(state.hasErrors)}
            value={draft.PolicyDocument}
            onChange={(PolicyDocument) => setDraft((d) => ({ ...d, PolicyDocument }))}
            ariaLabel="Policy document (JSON)"
            testId="create-policy-editor"
            contentTestId="policy-document"
            height={300}
          />
        )}
        <p className="-mt-2 text-xs text-fg-muted" data-testid="policy-document-hint">
          Checked as you type and by the server with IAM&apos;s rules. At most {LIMITS.managedPolicySize.toLocaleString()} characters, whitespace not counted.
        </p>
        {errors.PolicyDocument && <p role="alert" className="text-[13px] text-danger">{errors.PolicyDocument}</p>}
        {serverError && <div data-testid="create-policy-error"><ErrorState title={serverError.code} message={serverError.message} /></div>}
      </form>
    </Dialog>
  );
}
