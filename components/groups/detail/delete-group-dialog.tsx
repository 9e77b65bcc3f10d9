"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { AlertTriangle } from "lucide-react";
import { Dialog } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { ApiError } from "@/components/api/fetch-json";
import { useResetOnOpen } from "@/components/ui/use-reset-on-open";
import { useDeleteGroupMutation, type GroupDto } from "../group-queries";
import { toGroups } from "../routes";

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * IAM refuses DeleteGroup with DeleteConflict while the group has users or policies. The dialog says so when it
 * knows of them, and when the server refuses because some arrived since the page loaded; either way it offers
 * to delete anyway: remove the users from the group (they stay), detach and delete the policies, then delete the
 * group, in one transaction, once the admin has typed the name.
 */
export function DeleteGroupDialog({ group, open, onClose, memberCount, attachedCount, inlineCount }: {
  group: GroupDto;
  open: boolean;
  onClose: () => void;
  /** Undefined while still loading: the dialog waits, so it never offers the wrong kind of delete. */
  memberCount?: number;
  attachedCount?: number;
  inlineCount?: number;
}) {
  const [typed, setTyped] = useState("");
  const [refused, setRefused] = useState<ApiError | null>(null);
  const mutation = useDeleteGroupMutation(group.name);
  const router = useRouter();
  const toast = useToast();
  const known = memberCount !== undefined && attachedCount !== undefined && inlineCount !== undefined;
  const dependents = [
    memberCount ? count(memberCount, "user", "users") : "",
    attachedCount ? count(attachedCount, "attached managed policy", "attached managed policies") : "",
    inlineCount ? count(inlineCount, "inline policy", "inline policies") : "",
  ].filter(Boolean);
  const anyway = !!refused || dependents.length > 0;
  useResetOnOpen(open && "delete", () => {
    setTyped("");
    setRefused(null);
  });

  async function confirm(e: React.FormEvent) {
    e.preventDefault();
    if (typed !== group.name || !known) return;
    await mutation.mutateAsync(anyway).then(() => {
      toast({ tone: "success", title: `Group ${group.name} deleted` });
      onClose();
      router.push(toGroups());
    }, (err: unknown) => {
      if (err instanceof ApiError && err.code === "DeleteConflict") setRefused(err);
    });
  }

  return (
    <Dialog open={open} onClose={onClose} title={`Delete ${group.name}?`} testId="delete-group-dialog"
      description="Its users lose the permissions the group's policies gave them. The users themselves stay. This cannot be undone."
      footer={<>
        <Button variant="ghost" onClick={onClose}>Cancel</Button>
        <Button variant="danger" type="submit" form="delete-group-form" disabled={typed !== group.name || !known} loading={mutation.isPending} data-testid="confirm-delete-group">
          {anyway ? "Delete anyway" : "Delete group"}
        </Button>
      </>}>
      <form id="delete-group-form" onSubmit={confirm} className="flex flex-col gap-4 pb-2">
        {anyway && (
          <div className="flex gap-3 rounded-lg border border-warning-soft-fg/30 bg-warning-soft p-3 text-[13px] text-warning-soft-fg" data-testid="delete-group-conflict">
            <AlertTriangle aria-hidden className="mt-0.5 size-4 shrink-0" />
            <div className="flex flex-col gap-1.5">
              <p>
                AWS refuses to delete a group that still has users or policies (<code>DeleteConflict</code>
                {refused && <>: <span data-testid="delete-group-refusal">{refused.message}</span></>}).
                {dependents.length > 0 && <> This group has <strong data-testid="delete-group-dependents">{dependents.join(", ")}</strong>.</>}
              </p>
              <p>Delete anyway removes the users from the group, detaches and deletes its policies, then deletes the group — all or nothing.</p>
            </div>
          </div>
        )}
        <Field label="Type the group name to confirm" hint={<>Enter <strong className="font-mono">{group.name}</strong></>}>
          {({ id, describedBy }) => <Input id={id} aria-describedby={describedBy} autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} data-testid="delete-group-confirm-name" />}
        </Field>
        {mutation.error && !refused && <p role="alert" className="text-[13px] text-danger">{mutation.error.message}</p>}
      </form>
    </Dialog>
  );
}
