"use client";
import { AlertTriangle } from "lucide-react";
import { Dialog } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { useMutationResetOnOpen } from "@/components/ui/use-reset-on-open";
import { useDeleteInstanceProfileMutation, type InstanceProfileDto } from "./instance-profile-queries";

/**
 * DeleteInstanceProfile. IAM refuses while the profile holds a role (DeleteConflict); the console says so and
 * offers to take the role out and delete the profile in one change.
 */
export function DeleteInstanceProfileDialog({ profile, open, onClose }: { profile: InstanceProfileDto; open: boolean; onClose: () => void }) {
  const remove = useDeleteInstanceProfileMutation();
  const toast = useToast();
  const role = profile.roles[0]?.name;
  useMutationResetOnOpen(open && profile.name, remove);

  const confirm = () =>
    remove.mutateAsync({ name: profile.name, removeRole: !!role }).then(() => {
      toast({ tone: "success", title: `Instance profile ${profile.name} deleted` });
      onClose();
    }).catch(() => undefined);

  return (
    <Dialog open={open} onClose={onClose} title={`Delete ${profile.name}?`} testId="delete-instance-profile-dialog"
      description="Instances that use this profile lose the role's credentials when they next refresh them."
      footer={<>
        <Button variant="ghost" onClick={onClose}>Cancel</Button>
        <Button variant="danger" onClick={confirm} loading={remove.isPending} data-testid="confirm-delete-instance-profile">{role ? "Remove role and delete" : "Delete instance profile"}</Button>
      </>}>
      <div className="flex flex-col gap-3 pb-2 text-[13px]">
        {role && (
          <div className="flex gap-3 rounded-lg border border-warning-soft-fg/30 bg-warning-soft p-3 text-warning-soft-fg" data-testid="instance-profile-delete-conflict">
            <AlertTriangle aria-hidden className="mt-0.5 size-4 shrink-0" />
            <p>
              AWS refuses to delete an instance profile that holds a role (<code>DeleteConflict</code>). This one holds <strong>{role}</strong>. Roleplane will take the
              role out of it, then delete it — all or nothing. The role itself stays.
            </p>
          </div>
        )}
        {remove.error && <p role="alert" className="text-danger">{remove.error.message}</p>}
      </div>
    </Dialog>
  );
}
