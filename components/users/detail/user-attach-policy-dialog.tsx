"use client";
import { useEffect, useState } from "react";
import { LIMITS } from "@/lib/iam/schemas";
import { Dialog } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { PolicyPicker } from "@/components/policies/policy-picker";
import { useAttachUserPolicyMutation } from "../user-permission-queries";
import type { UserDto } from "../user-queries";

/** Search the catalogue and attach one or more policies; the quota is shown and enforced again by the server. */
export function UserAttachPolicyDialog({ user, open, onClose, attachedArns }: { user: UserDto; open: boolean; onClose: () => void; attachedArns: string[] }) {
  const [selected, setSelected] = useState<string[]>([]);
  const [error, setError] = useState<string>();
  const attach = useAttachUserPolicyMutation(user.name);
  const toast = useToast();
  const room = LIMITS.managedPoliciesPerUser - attachedArns.length;
  useEffect(() => {
    if (open) {
      setSelected([]);
      setError(undefined);
    }
  }, [open]);

  async function submit() {
    setError(undefined);
    for (const arn of selected) {
      try {
        await attach.mutateAsync(arn);
      } catch (e) {
        return setError((e as Error).message);
      }
    }
    toast({ tone: "success", title: `Attached ${selected.length} ${selected.length === 1 ? "policy" : "policies"} to ${user.name}` });
    onClose();
  }

  return (
    <Dialog open={open} onClose={onClose} size="lg" title="Attach managed policies" testId="user-attach-policy-dialog"
      description={<>Room for <strong>{room}</strong> more on this user (quota {LIMITS.managedPoliciesPerUser}).</>}
      footer={<>
        <span className={`mr-auto self-center text-[13px] ${selected.length > room ? "font-medium text-danger" : "text-fg-muted"}`}>
          {selected.length} selected{selected.length > room && ` — ${selected.length - room} over the quota`}
        </span>
        <Button variant="ghost" onClick={onClose}>Cancel</Button>
        <Button variant="primary" onClick={submit} disabled={!selected.length || selected.length > room} loading={attach.isPending} data-testid="user-confirm-attach">Attach</Button>
      </>}>
      <div className="flex flex-col gap-3 pb-2">
        <PolicyPicker mode="multiple" selected={selected} onChange={setSelected} disabledArns={attachedArns} />
        {error && <p role="alert" className="text-[13px] text-danger">{error}</p>}
      </div>
    </Dialog>
  );
}
