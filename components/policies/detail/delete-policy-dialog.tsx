"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { AlertTriangle } from "lucide-react";
import { Dialog } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { ErrorState } from "@/components/ui/states";
import { useToast } from "@/components/ui/toast";
import { ApiError } from "@/components/api/fetch-json";
import { useDeletePolicyMutation } from "../policy-mutations";
import type { PolicyDetailDto, PolicyRef } from "../policy-queries";
import { toPolicies, toPolicy } from "../routes";
import { useMutationResetOnOpen, useResetOnOpen } from "@/components/ui/use-reset-on-open";

/** IAM refuses DeletePolicy while the policy is attached or used as a boundary; the refusal is shown in its words. */
export function DeletePolicyDialog({ policy, policyRef, open, onClose }: { policy: PolicyDetailDto; policyRef: PolicyRef; open: boolean; onClose: () => void }) {
  const [typed, setTyped] = useState("");
  const mutation = useDeletePolicyMutation(policyRef);
  const router = useRouter();
  const toast = useToast();
  const inUse = policy.attachmentCount + policy.permissionsBoundaryUsageCount;
  useResetOnOpen(open && "delete", () => setTyped(""));
  useMutationResetOnOpen(open && "delete", mutation);

  async function confirm(e: React.FormEvent) {
    e.preventDefault();
    if (typed !== policy.name) return;
    await mutation.mutateAsync().then(() => {
      toast({ tone: "success", title: `Policy ${policy.name} deleted` });
      onClose();
      router.push(toPolicies({ type: "customer" }));
    }).catch(() => undefined);
  }

  const error = mutation.error instanceof ApiError ? mutation.error : null;
  return (
    <Dialog open={open} onClose={onClose} title={`Delete ${policy.name}?`} testId="delete-policy-dialog"
      description="The policy and all its versions are deleted. This cannot be undone."
      footer={<>
        <Button variant="ghost" onClick={onClose}>Cancel</Button>
        <Button variant="danger" type="submit" form="delete-policy-form" disabled={typed !== policy.name} loading={mutation.isPending} data-testid="confirm-delete-policy">Delete policy</Button>
      </>}>
      <form id="delete-policy-form" onSubmit={confirm} className="flex flex-col gap-4 pb-2">
        {inUse > 0 && (
          <div className="flex gap-3 rounded-lg border border-warning-soft-fg/30 bg-warning-soft p-3 text-[13px] text-warning-soft-fg">
            <AlertTriangle aria-hidden className="mt-0.5 size-4 shrink-0" />
            <p>
              This policy is in use ({policy.attachmentCount} attached, {policy.permissionsBoundaryUsageCount} as a permissions boundary). IAM refuses to delete it until it is
              detached from every <a className="underline" href={toPolicy({ ...policyRef, tab: "entities" })}>entity</a>.
            </p>
          </div>
        )}
        <Field label="Type the policy name to confirm" hint={<>Enter <strong className="font-mono">{policy.name}</strong></>}>
          {({ id, describedBy }) => <Input id={id} aria-describedby={describedBy} autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} data-testid="delete-policy-confirm-name" />}
        </Field>
        {error && <div data-testid="delete-policy-error"><ErrorState title={error.code} message={error.message} /></div>}
      </form>
    </Dialog>
  );
}
