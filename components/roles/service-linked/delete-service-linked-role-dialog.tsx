"use client";
import { useState } from "react";
import Link from "next/link";
import { Dialog } from "@/components/ui/dialog";
import { Button, buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useMutationResetOnOpen, useResetOnOpen } from "@/components/ui/use-reset-on-open";
import type { RoleDto } from "../role-queries";
import { toRoles } from "../routes";
import { DeletionProgress } from "./deletion-progress";
import { useDeleteServiceLinkedRoleMutation, useDeletionStatusQuery } from "./service-linked-queries";

/**
 * DeleteServiceLinkedRole, then its task followed to the end: IAM deletes the role only once the service no
 * longer uses it, so the dialog shows each state GetServiceLinkedRoleDeletionStatus reports.
 */
export function DeleteServiceLinkedRoleDialog({ role, open, onClose, taskId: runningTaskId }: { role: RoleDto; open: boolean; onClose: () => void; taskId?: string }) {
  const [typed, setTyped] = useState("");
  const [taskId, setTaskId] = useState<string | null>(null);
  const submit = useDeleteServiceLinkedRoleMutation(role.name);
  const following = taskId ?? runningTaskId ?? null;
  const status = useDeletionStatusQuery(following);
  useResetOnOpen(open && "delete-slr", () => {
    setTyped("");
    setTaskId(null);
  });
  useMutationResetOnOpen(open && "delete-slr", submit);

  async function confirm(e: React.FormEvent) {
    e.preventDefault();
    if (typed !== role.name) return;
    await submit.mutateAsync().then((r) => setTaskId(r.deletionTaskId)).catch(() => undefined);
  }

  const done = status.data?.status === "SUCCEEDED";
  return (
    <Dialog open={open} onClose={onClose} title={`Delete ${role.name}?`} testId="delete-slr-dialog"
      description="IAM deletes a service-linked role only when its service no longer uses it. The deletion runs as a task; this shows its progress."
      footer={following ? (
        done ? <Link href={toRoles()} className={buttonClass("primary")} data-testid="slr-deleted-back">Back to roles</Link> : <Button variant="ghost" onClick={onClose}>Close</Button>
      ) : (<>
        <Button variant="ghost" onClick={onClose}>Cancel</Button>
        <Button variant="danger" type="submit" form="delete-slr-form" disabled={typed !== role.name} loading={submit.isPending} data-testid="confirm-delete-slr">Request deletion</Button>
      </>)}>
      {following ? (
        <div className="pb-2" data-testid="slr-deletion-progress">
          <p className="mb-3 text-[13px] text-fg-muted">Task <code className="font-mono text-xs break-all text-fg" data-testid="slr-deletion-task">{following}</code></p>
          {status.error ? <p role="alert" className="text-[13px] text-danger">{status.error.message}</p> : <DeletionProgress deletion={status.data} />}
        </div>
      ) : (
        <form id="delete-slr-form" onSubmit={confirm} className="flex flex-col gap-4 pb-2">
          <Field label="Type the role name to confirm" hint={<>Enter <strong className="font-mono">{role.name}</strong></>}>
            {({ id, describedBy }) => <Input id={id} aria-describedby={describedBy} autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} data-testid="delete-slr-confirm-name" />}
          </Field>
          {submit.error && <p role="alert" className="text-[13px] text-danger">{submit.error.message}</p>}
        </form>
      )}
    </Dialog>
  );
}
