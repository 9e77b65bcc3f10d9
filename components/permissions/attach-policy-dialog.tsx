"use client";
import { useState } from "react";
import type { UseMutationResult } from "@tanstack/react-query";
import { Dialog } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { PolicyPicker } from "@/components/policies/policy-picker";
import { ownerTestId, type PermissionsOwner } from "./owner";
import { PRINCIPAL_RULES } from "@/lib/domain/principal-kinds";
import { useResetOnOpen } from "@/components/ui/use-reset-on-open";

export interface AttachPolicyDialogProps {
  /** The role or user the policies are attached to. */
  owner: PermissionsOwner;
  open: boolean;
  onClose: () => void;
  attachedArns: string[];
  /** AttachRolePolicy or AttachUserPolicy, taking the policy ARN. */
  attach: UseMutationResult<unknown, Error, string>;
}

/** Search the catalogue and attach one or more policies; the quota is shown and enforced again by the server. */
export function AttachPolicyDialog({ owner, open, onClose, attachedArns, attach }: AttachPolicyDialogProps) {
  const quota = PRINCIPAL_RULES[owner.kind].managedPolicyQuota;
  const [selected, setSelected] = useState<string[]>([]);
  const [error, setError] = useState<string>();
  const toast = useToast();
  const id = (s: string) => ownerTestId(owner.kind, s);
  const room = quota - attachedArns.length;
  useResetOnOpen(open && "attach", () => {
    setSelected([]);
    setError(undefined);
  });

  async function submit() {
    setError(undefined);
    for (const arn of selected) {
      try {
        await attach.mutateAsync(arn);
      } catch (e) {
        return setError((e as Error).message);
      }
    }
    toast({ tone: "success", title: `Attached ${selected.length} ${selected.length === 1 ? "policy" : "policies"} to ${owner.name}` });
    onClose();
  }

  return (
    <Dialog open={open} onClose={onClose} size="lg" title="Attach managed policies" testId={id("attach-policy-dialog")}
      description={<>Room for <strong>{room}</strong> more on this {owner.kind} (quota {quota}).</>}
      footer={<>
        <span className={`mr-auto self-center text-[13px] ${selected.length > room ? "font-medium text-danger" : "text-fg-muted"}`} data-testid={id("attach-selected-count")}>
          {selected.length} selected{selected.length > room && ` — ${selected.length - room} over the quota`}
        </span>
        <Button variant="ghost" onClick={onClose}>Cancel</Button>
        <Button variant="primary" onClick={submit} disabled={!selected.length || selected.length > room} loading={attach.isPending} data-testid={id("confirm-attach")}>Attach</Button>
      </>}>
      <div className="flex flex-col gap-3 pb-2">
        <PolicyPicker mode="multiple" selected={selected} onChange={setSelected} disabledArns={attachedArns} />
        {error && <p role="alert" className="text-[13px] text-danger">{error}</p>}
      </div>
    </Dialog>
  );
}
