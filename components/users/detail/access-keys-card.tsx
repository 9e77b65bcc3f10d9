"use client";
import { useState } from "react";
import { KeyRound, Plus } from "lucide-react";
import { LIMITS } from "@/lib/domain/schemas";
import { Card, EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { useToast } from "@/components/ui/toast";
import { useReadOnlyReason } from "@/components/shell/console-context";
import { useAccessKeysQuery, useCreateAccessKeyMutation, type AccessKeyDto } from "../access-key-queries";
import type { UserDto } from "../user-queries";
import { AccessKeysTable } from "./access-keys-table";
import { NewAccessKeyDialog } from "./new-access-key-dialog";
import { DeleteAccessKeyDialog } from "./delete-access-key-dialog";
import { UseKeyHint } from "./use-key-hint";

/** Long-term access keys: at most two per user, so one can be rotated while the other keeps working. */
export function AccessKeysCard({ user }: { user: UserDto }) {
  const { data, error, refetch } = useAccessKeysQuery(user.name);
  const create = useCreateAccessKeyMutation(user.name);
  const readOnly = useReadOnlyReason();
  const toast = useToast();
  const [deleting, setDeleting] = useState<AccessKeyDto | null>(null);
  const max = LIMITS.accessKeysPerUser;
  const full = (data?.length ?? 0) >= max;

  const onCreate = () => create.mutateAsync().catch((e: Error) => toast({ tone: "error", title: "Access key not created", message: e.message }));

  return (
    <div className="flex flex-col gap-5">
      <Card padded={false}
        title={<span className="flex items-center gap-2">Access keys <Badge tone={full ? "warning" : "neutral"}><span data-testid="access-key-quota">{data?.length ?? 0} of {max}</span></Badge></span>}
        description={`Sign AWS CLI and SDK calls as this user. IAM allows ${max} keys per user, so you can rotate: create the second, switch over, then deactivate and delete the first.`}
        actions={<Button size="sm" variant="primary" icon={<Plus aria-hidden className="size-4" />} onClick={onCreate} loading={create.isPending}
          disabledReason={readOnly ?? (full ? `This user already has ${max} access keys, the most IAM allows. Delete one to create another.` : undefined)} data-testid="create-access-key">Create access key</Button>}>
        {error ? (
          <div className="p-4"><ErrorState message={error.message} onRetry={() => refetch()} /></div>
        ) : !data ? (
          <div className="p-4"><Skeleton className="h-16" /></div>
        ) : data.length === 0 ? (
          <EmptyState icon={<KeyRound aria-hidden className="size-5" />} title="No access keys">
            Create one to call this Roleplane’s AWS API as {user.name}. The secret is shown once, when you create it.
          </EmptyState>
        ) : (
          <AccessKeysTable user={user} keys={data} onDelete={setDeleting} />
        )}
        {full && <p className="border-t border-border px-5 py-3 text-[13px] text-fg-muted" data-testid="access-key-limit">This user has the maximum of {max} access keys. Delete one to create another.</p>}
      </Card>
      <UseKeyHint userName={user.name} />
      <NewAccessKeyDialog accessKey={create.data ?? null} onClose={() => create.reset()} />
      <DeleteAccessKeyDialog user={user} accessKey={deleting} onClose={() => setDeleting(null)} />
    </div>
  );
}
