"use client";
import { useState } from "react";
import Link from "next/link";
import { Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { formatDateTime, formatRelative } from "@/components/format";
import { LIMITS } from "@/lib/iam/schemas";
import type { AccessKeyDto } from "../access-key-queries";
import { useReadOnlyReason } from "@/components/shell/console-context";
import type { UserDto } from "../user-queries";
import { toUsers } from "../routes";
import { DeleteUserDialog } from "./delete-user-dialog";

export function UserSummary({ user, keys, attachedCount, inlineCount }: { user: UserDto; keys?: AccessKeyDto[]; attachedCount?: number; inlineCount?: number }) {
  const readOnly = useReadOnlyReason();
  const [deleting, setDeleting] = useState(false);
  const active = keys?.filter((k) => k.status === "Active").length ?? 0;
  const lastUsed = keys?.map((k) => k.lastUsedAt).filter((d): d is string => !!d).sort().at(-1);
  return (
    <div className="flex flex-col gap-4">
      <div>
        <nav aria-label="Breadcrumb" className="mb-2 text-[13px] text-fg-muted"><Link href={toUsers()} className="hover:text-fg">Users</Link> <span aria-hidden>/</span> {user.name}</nav>
        <div className="flex flex-wrap items-start justify-between gap-4">
          <h1 className="truncate text-xl font-semibold tracking-tight" data-testid="user-title">{user.name}</h1>
          <Button variant="danger" icon={<Trash2 aria-hidden className="size-4" />} onClick={() => setDeleting(true)} disabledReason={readOnly} data-testid="delete-user">Delete</Button>
        </div>
      </div>
      <dl className="grid gap-x-8 gap-y-4 rounded-xl border border-border bg-surface p-5 shadow-card sm:grid-cols-2 lg:grid-cols-3">
        <Item label="ARN" wide><span className="flex items-center gap-1"><code className="truncate font-mono text-[12.5px]" data-testid="user-arn">{user.arn}</code><CopyButton value={user.arn} label="ARN" /></span></Item>
        <Item label="User ID"><span className="flex items-center gap-1"><code className="font-mono text-[12.5px]">{user.id}</code><CopyButton value={user.id} label="user ID" /></span></Item>
        <Item label="Created">{formatDateTime(user.createdAt)}</Item>
        <Item label="Path"><code className="font-mono text-[12.5px]">{user.path}</code></Item>
        <Item label="Access keys">{keys ? `${keys.length} of ${LIMITS.accessKeysPerUser}${keys.length ? ` · ${active} active` : ""}` : "…"}</Item>
        <Item label="Key last used">{keys?.length ? formatRelative(lastUsed) : "—"}</Item>
        <Item label="Policies">{attachedCount ?? "…"} managed · {inlineCount ?? "…"} inline</Item>
        <Item label="Permissions boundary">{user.permissionsBoundaryArn ? <code className="font-mono text-[12.5px]">{user.permissionsBoundaryArn.slice(user.permissionsBoundaryArn.lastIndexOf("/") + 1)}</code> : "None"}</Item>
      </dl>
      <DeleteUserDialog user={user} open={deleting} onClose={() => setDeleting(false)} keyCount={keys?.length ?? 0} policyCount={(attachedCount ?? 0) + (inlineCount ?? 0)} />
    </div>
  );
}

function Item({ label, wide, children }: { label: string; wide?: boolean; children: React.ReactNode }) {
  return (
    <div className={wide ? "min-w-0 sm:col-span-2 lg:col-span-2" : "min-w-0"}>
      <dt className="text-xs font-medium text-fg-muted">{label}</dt>
      <dd className="mt-1 text-[13px]">{children}</dd>
    </div>
  );
}
