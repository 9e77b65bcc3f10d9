"use client";
import { useState } from "react";
import { LIMITS } from "@/lib/domain/schemas";
import { Dialog } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";
import { PolicyEditor } from "@/components/policy-editor/policy-editor";
import { ErrorState } from "@/components/ui/states";
import { useToast } from "@/components/ui/toast";
import { ApiError } from "@/components/api/fetch-json";
import { prettyJson } from "@/components/format";
import { useMutationResetOnOpen, useResetOnOpen } from "@/components/ui/use-reset-on-open";
import { useSavePolicyDocumentMutation } from "../policy-mutations";
import type { PolicyDetailDto, PolicyRef } from "../policy-queries";

/** Saving creates a new version and makes it the default, as the AWS console does. */
export function EditPolicyDialog({ policy, policyRef, open, onClose }: { policy: PolicyDetailDto; policyRef: PolicyRef; open: boolean; onClose: () => void }) {
  const [draft, setDraft] = useState("");
  // ERROR findings are what IAM would refuse: saving waits until they are fixed.
  const [hasErrors, setHasErrors] = useState(false);
  const save = useSavePolicyDocumentMutation(policyRef);
  const toast = useToast();
  const saved = prettyJson(policy.document);
  useResetOnOpen(open && "edit", () => setDraft(saved));
  useMutationResetOnOpen(open && "edit", save);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (hasErrors) return;
    await save.mutateAsync(draft).then((v) => {
      toast({ tone: "success", title: `Saved ${policy.name} as ${v.versionId}`, message: "The new version is now the default." });
      onClose();
    }).catch(() => undefined);
  }

  const error = save.error instanceof ApiError ? save.error : null;
  return (
    <Dialog open={open} onClose={onClose} size="lg" title={`Edit ${policy.name}`} testId="edit-policy-dialog"
      description={`Saving creates a new version and makes it the default. A policy keeps at most ${LIMITS.policyVersions} versions: when there are already ${LIMITS.policyVersions}, the oldest non-default version is deleted.`}
      footer={<>
        <Button variant="ghost" onClick={onClose}>Cancel</Button>
        <Button variant="primary" type="submit" form="edit-policy-form" loading={save.isPending} disabledReason={hasErrors ? "Fix the errors in the document first: IAM would refuse it." : undefined} data-testid="save-policy">Save as new version</Button>
      </>}>
      <form id="edit-policy-form" onSubmit={submit} className="flex flex-col gap-4 pb-2">
        {open && (
          <PolicyEditor
            kind="identity"
            onFindingsChange={(_, state) => setHasErrors(state.hasErrors)}
            value={draft}
            onChange={setDraft}
            savedValue={saved}
            ariaLabel="Policy document (JSON)"
            title={`Permissions policy (default version ${policy.defaultVersionId})`}
            testId="edit-policy-editor"
            contentTestId="edit-policy-document"
            height={340}
          />
        )}
        {error && <div data-testid="edit-policy-error"><ErrorState title={error.code} message={error.message} /></div>}
      </form>
    </Dialog>
  );
}
