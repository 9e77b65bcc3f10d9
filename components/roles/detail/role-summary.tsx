"use client";
import { useState } from "react";
import Link from "next/link";
import { Pencil, ShieldCheck, Trash2 } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { formatDateTime, formatDuration, formatRelative } from "@/components/format";
import { useReadOnlyReason } from "@/components/shell/console-context";
import type { RoleDto } from "../role-queries";
import { toRoles } from "../routes";
import { EditRoleDialog } from "./edit-role-dialog";
import { DeleteRoleDialog } from "./delete-role-dialog";

const PROTECTED = "Service-linked roles are managed by their AWS service: only the description can change.";

export function RoleSummary({ role, attachedCount, inlineCount }: { role: RoleDto; attachedCount?: number; inlineCount?: number }) {
  const readOnly = useReadOnlyReason();
  const [dialog, setDialog] = useState<"edit" | "delete" | null>(null);
  const slr = !!role.serviceLinkedService;
  return (
    <div className="flex flex-col gap-4">
      <div>
        <nav aria-label="Breadcrumb" className="mb-2 text-[13px] text-fg-muted"><Link href={toRoles()} className="hover:text-fg">Roles</Link> <span aria-hidden>/</span> {role.name}</nav>
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div className="flex min-w-0 flex-wrap items-center gap-2.5">
            <h1 className="truncate text-xl font-semibold tracking-tight" data-testid="role-title">{role.name}</h1>
            {slr && <Badge tone="warning" icon={<ShieldCheck aria-hidden className="size-3" />}>Service-linked · protected</Badge>}
          </div>
          <div className="flex gap-2">
            <Button icon={<Pencil aria-hidden className="size-4" />} onClick={() => setDialog("edit")} disabledReason={readOnly} data-testid="edit-role">Edit</Button>
            <Button variant="danger" icon={<Trash2 aria-hidden className="size-4" />} onClick={() => setDialog("delete")} disabledReason={readOnly ?? (slr ? PROTECTED : undefined)} data-testid="delete-role">Delete</Button>
          </div>
        </div>
        {role.description && <p className="mt-1.5 max-w-3xl text-[13px] text-fg-muted" data-testid="role-description-text">{role.description}</p>}
      </div>
      <dl className="grid gap-x-8 gap-y-4 rounded-xl border border-border bg-surface p-5 shadow-card sm:grid-cols-2 lg:grid-cols-3">
        <Item label="ARN" wide><span className="flex items-center gap-1"><code className="truncate font-mono text-[12.5px]" data-testid="role-arn">{role.arn}</code><CopyButton value={role.arn} label="ARN" /></span></Item>
        <Item label="Role ID"><span className="flex items-center gap-1"><code className="font-mono text-[12.5px]">{role.id}</code><CopyButton value={role.id} label="role ID" /></span></Item>
        <Item label="Created">{formatDateTime(role.createdAt)}</Item>
        <Item label="Maximum session"><span data-testid="role-max-session-text">{formatDuration(role.maxSessionDuration)}</span></Item>
        <Item label="Last activity">{role.lastUsedAt ? `${formatRelative(role.lastUsedAt)}${role.lastUsedRegion ? ` in ${role.lastUsedRegion}` : ""}` : "Never used"}</Item>
        <Item label="Path"><code className="font-mono text-[12.5px]">{role.path}</code></Item>
        <Item label="Policies">{attachedCount ?? "…"} managed · {inlineCount ?? "…"} inline</Item>
      </dl>
      <EditRoleDialog role={role} open={dialog === "edit"} onClose={() => setDialog(null)} />
      <DeleteRoleDialog role={role} open={dialog === "delete"} onClose={() => setDialog(null)} attachedCount={attachedCount} inlineCount={inlineCount} />
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
