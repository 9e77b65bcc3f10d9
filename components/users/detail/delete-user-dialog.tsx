"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { AlertTriangle } from "lucide-react";
import { Dialog } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { useDeleteUserMutation, type UserDto } from "../user-queries";
import { toUsers } from "../routes";
import { useResetOnOpen } from "@/components/ui/use-reset-on-open";

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * IAM's DeleteUser refuses (DeleteConflict) while keys, MFA devices or policies remain; the console deletes them
 * with the user in one transaction, once the admin has typed the name.
 */
export function DeleteUserDialog({ user, open, onClose, keyCount, mfaCount, policyCount }: { user: UserDto; open: boolean; onClose: () => void; keyCount: number; mfaCount: number; policyCount: number }) {
  const [typed, setTyped] = useState("");
  const mutation = useDeleteUserMutation(user.name);
  const router = useRouter();
  const toast = useToast();
  useResetOnOpen(open && "delete", () => setTyped(""));

  async function confirm(e: React.FormEvent) {
    e.preventDefault();
    if (typed !== user.name) return;
    await mutation.mutateAsync().then(() => {
      toast({ tone: "success", title: `User ${user.name} deleted` });
      onClose();
      router.push(toUsers());
    }).catch(() => undefined);
  }

  const dependents = [
    keyCount && count(keyCount, "access key", "access keys"),
    mfaCount && count(mfaCount, "MFA device", "MFA devices"),
    policyCount && count(policyCount, "policy", "policies"),
  ].filter(Boolean);
  return (
    <Dialog open={open} onClose={onClose} title={`Delete ${user.name}?`} testId="delete-user-dialog"
      description="Calls signed with this user's access keys will be refused from now on. This cannot be undone."
      footer={<>
        <Button variant="ghost" onClick={onClose}>Cancel</Button>
        <Button variant="danger" type="submit" form="delete-user-form" disabled={typed !== user.name} loading={mutation.isPending} data-testid="confirm-delete-user">Delete user</Button>
      </>}>
      <form id="delete-user-form" onSubmit={confirm} className="flex flex-col gap-4 pb-2">
        <div className="flex gap-3 rounded-lg border border-warning-soft-fg/30 bg-warning-soft p-3 text-[13px] text-warning-soft-fg">
          <AlertTriangle aria-hidden className="mt-0.5 size-4 shrink-0" />
          <p>
            Deleting a user also deletes its access keys and MFA devices, detaches its managed policies and deletes its inline policies — all or nothing.
            {dependents.length > 0 && <> This user has <strong data-testid="delete-user-dependents">{dependents.join(", ").replace(/, ([^,]*)$/, " and $1")}</strong>.</>}
          </p>
        </div>
        <Field label="Type the user name to confirm" hint={<>Enter <strong className="font-mono">{user.name}</strong></>}>
          {({ id, describedBy }) => <Input id={id} aria-describedby={describedBy} autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} data-testid="delete-user-confirm-name" />}
        </Field>
        {mutation.error && <p role="alert" className="text-[13px] text-danger">{mutation.error.message}</p>}
      </form>
    </Dialog>
  );
}
