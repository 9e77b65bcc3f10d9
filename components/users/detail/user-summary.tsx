"use client";
import { useState } from "react";
import Link from "next/link";
import { Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { CopyableCode, SummaryField, SummaryGrid } from "@/components/ui/summary-grid";
import { formatDateTime, formatRelative } from "@/components/format";
import { LIMITS } from "@/lib/domain/schemas";
import type { AccessKeyDto } from "../access-key-queries";
import { useReadOnlyReason } from "@/components/shell/console-context";
import type { UserDto } from "../user-queries";
import { toUsers } from "../routes";
import { DeleteUserDialog } from "./delete-user-dialog";

export function UserSummary({ user, keys, mfaCount, attachedCount, inlineCount }: { user: UserDto; keys?: AccessKeyDto[]; mfaCount?: number; attachedCount?: number; inlineCount?: number }) {
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
      <SummaryGrid>
        <SummaryField label="ARN" wide><CopyableCode value={user.arn} label="ARN" truncate testId="user-arn" /></SummaryField>
        <SummaryField label="User ID"><CopyableCode value={user.id} label="user ID" /></SummaryField>
        <SummaryField label="Created">{formatDateTime(user.createdAt)}</SummaryField>
        <SummaryField label="Path"><code className="font-mono text-[12.5px]">{user.path}</code></SummaryField>
        <SummaryField label="Access keys">{keys ? `${keys.length} of ${LIMITS.accessKeysPerUser}${keys.length ? ` · ${active} active` : ""}` : "…"}</SummaryField>
        <SummaryField label="Key last used">{keys?.length ? formatRelative(lastUsed) : "—"}</SummaryField>
        <SummaryField label="MFA">{mfaCount === undefined ? "…" : mfaCount ? `${mfaCount} device${mfaCount === 1 ? "" : "s"}` : "Not assigned"}</SummaryField>
        <SummaryField label="Policies">{attachedCount ?? "…"} managed · {inlineCount ?? "…"} inline</SummaryField>
        <SummaryField label="Permissions boundary">{user.permissionsBoundaryArn ? <code className="font-mono text-[12.5px]">{user.permissionsBoundaryArn.slice(user.permissionsBoundaryArn.lastIndexOf("/") + 1)}</code> : "None"}</SummaryField>
      </SummaryGrid>
      <DeleteUserDialog user={user} open={deleting} onClose={() => setDeleting(false)} keyCount={keys?.length ?? 0} mfaCount={mfaCount ?? 0} policyCount={(attachedCount ?? 0) + (inlineCount ?? 0)} />
    </div>
  );
}
