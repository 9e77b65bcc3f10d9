"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { AlertTriangle } from "lucide-react";
import { Dialog } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { useDeleteRoleMutation, type RoleDto } from "../role-queries";
import { toRoles } from "../routes";
import { useResetOnOpen } from "@/components/ui/use-reset-on-open";

/**
 * IAM refuses DeleteRole with DeleteConflict while managed policies are attached, inline policies remain or the
 * role is in an instance profile. The console explains that and offers to remove them in the same transaction,
 * once the user types the name.
 */
export function DeleteRoleDialog({ role, open, onClose, attachedCount, inlineCount, profileCount }: {
  role: RoleDto;
  open: boolean;
  onClose: () => void;
  /** Undefined while still loading: the dialog waits, so it never offers the wrong kind of delete. */
  attachedCount?: number;
  inlineCount?: number;
  profileCount?: number;
}) {
  const [typed, setTyped] = useState("");
  const mutation = useDeleteRoleMutation(role.name);
  const router = useRouter();
  const toast = useToast();
  const known = attachedCount !== undefined && inlineCount !== undefined && profileCount !== undefined;
  const conflict = (attachedCount ?? 0) + (inlineCount ?? 0) + (profileCount ?? 0) > 0;
  useResetOnOpen(open && "delete", () => setTyped(""));

  async function confirm(e: React.FormEvent) {
    e.preventDefault();
    if (typed !== role.name || !known) return;
    await mutation.mutateAsync(conflict).then(() => {
      toast({ tone: "success", title: `Role ${role.name} deleted` });
      onClose();
      router.push(toRoles());
    }).catch(() => undefined);
  }

  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return (
    <Dialog open={open} onClose={onClose} title={`Delete ${role.name}?`} testId="delete-role-dialog"
      description="Anyone who assumes this role loses access. Sessions already issued keep working until they expire."
      footer={<>
        <Button variant="ghost" onClick={onClose}>Cancel</Button>
        <Button variant="danger" type="submit" form="delete-role-form" disabled={typed !== role.name || !known} loading={mutation.isPending} data-testid="confirm-delete-role">
          {conflict ? "Remove them and delete" : "Delete role"}
        </Button>
      </>}>
      <form id="delete-role-form" onSubmit={confirm} className="flex flex-col gap-4 pb-2">
        {conflict && (
          <div className="flex gap-3 rounded-lg border border-warning-soft-fg/30 bg-warning-soft p-3 text-[13px] text-warning-soft-fg" data-testid="delete-conflict">
            <AlertTriangle aria-hidden className="mt-0.5 size-4 shrink-0" />
            <p>
              AWS refuses to delete a role that still has policies or sits in an instance profile (<code>DeleteConflict</code>). This role{" "}
              {[
                attachedCount ? `has ${count(attachedCount, "attached managed policy", "attached managed policies")}` : "",
                inlineCount ? `has ${count(inlineCount, "inline policy", "inline policies")}` : "",
                profileCount ? `is in ${count(profileCount, "instance profile", "instance profiles")}` : "",
              ].filter(Boolean).join(" and ")}.
              Roleplane will detach the managed policies, delete the inline ones and take the role out of its instance profiles, then delete the role — all or
              nothing.
            </p>
          </div>
        )}
        <Field label={`Type the role name to confirm`} hint={<>Enter <strong className="font-mono">{role.name}</strong></>}>
          {({ id, describedBy }) => <Input id={id} aria-describedby={describedBy} autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} data-testid="delete-confirm-name" />}
        </Field>
        {mutation.error && <p role="alert" className="text-[13px] text-danger">{mutation.error.message}</p>}
      </form>
    </Dialog>
  );
}
