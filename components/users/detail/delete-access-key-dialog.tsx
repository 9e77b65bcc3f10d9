"use client";
import { Dialog } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { useDeleteAccessKeyMutation, type AccessKeyDto } from "../access-key-queries";
import type { UserDto } from "../user-queries";

/** Deleting is permanent; an active key is worth deactivating first to find out what still uses it. */
export function DeleteAccessKeyDialog({ user, accessKey, onClose }: { user: UserDto; accessKey: AccessKeyDto | null; onClose: () => void }) {
  const remove = useDeleteAccessKeyMutation(user.name);
  const toast = useToast();
  const confirm = () =>
    accessKey &&
    remove.mutateAsync(accessKey.accessKeyId).then(() => {
      toast({ tone: "success", title: `Access key ${accessKey.accessKeyId} deleted` });
      onClose();
    }).catch(() => undefined);
  return (
    <Dialog open={!!accessKey} onClose={onClose} title="Delete access key?" testId="delete-access-key-dialog"
      description={accessKey && <>Key <code className="font-mono">{accessKey.accessKeyId}</code> of {user.name}. Calls signed with it will be refused. This cannot be undone.</>}
      footer={<>
        <Button variant="ghost" onClick={onClose}>Cancel</Button>
        <Button variant="danger" onClick={confirm} loading={remove.isPending} data-testid="confirm-delete-access-key">Delete key</Button>
      </>}>
      <div className="pb-2 text-[13px] text-fg-muted">
        {accessKey?.status === "Active"
          ? <p data-testid="delete-active-key-warning">This key is <strong className="text-fg">active</strong>. To be safe, deactivate it first and check that nothing breaks, then delete it.</p>
          : <p>This key is inactive, so nothing can be using it successfully.</p>}
        {remove.error && <p role="alert" className="mt-2 text-danger">{remove.error.message}</p>}
      </div>
    </Dialog>
  );
}
