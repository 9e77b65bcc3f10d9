"use client";
import { useState } from "react";
import Link from "next/link";
import { Pencil, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { CopyableCode, SummaryField, SummaryGrid } from "@/components/ui/summary-grid";
import { formatDateTime } from "@/components/format";
import { useReadOnlyReason } from "@/components/shell/console-context";
import type { GroupDto } from "../group-queries";
import { toGroups } from "../routes";
import { DeleteGroupDialog } from "./delete-group-dialog";
import { EditGroupDialog } from "./edit-group-dialog";

export function GroupSummary({ group, memberCount, attachedCount, inlineCount }: { group: GroupDto; memberCount?: number; attachedCount?: number; inlineCount?: number }) {
  const readOnly = useReadOnlyReason();
  const [dialog, setDialog] = useState<"edit" | "delete" | null>(null);
  const close = () => setDialog(null);
  return (
    <div className="flex flex-col gap-4">
      <div>
        <nav aria-label="Breadcrumb" className="mb-2 text-[13px] text-fg-muted"><Link href={toGroups()} className="hover:text-fg">Groups</Link> <span aria-hidden>/</span> {group.name}</nav>
        <div className="flex flex-wrap items-start justify-between gap-4">
          <h1 className="truncate text-xl font-semibold tracking-tight" data-testid="group-title">{group.name}</h1>
          <div className="flex gap-2">
            <Button icon={<Pencil aria-hidden className="size-4" />} onClick={() => setDialog("edit")} disabledReason={readOnly} data-testid="edit-group">Edit</Button>
            <Button variant="danger" icon={<Trash2 aria-hidden className="size-4" />} onClick={() => setDialog("delete")} disabledReason={readOnly} data-testid="delete-group">Delete</Button>
          </div>
        </div>
      </div>
      <SummaryGrid>
        <SummaryField label="ARN" wide><CopyableCode value={group.arn} label="ARN" truncate testId="group-arn" /></SummaryField>
        <SummaryField label="Group ID"><CopyableCode value={group.id} label="group ID" /></SummaryField>
        <SummaryField label="Created">{formatDateTime(group.createdAt)}</SummaryField>
        <SummaryField label="Path"><code className="font-mono text-[12.5px]">{group.path}</code></SummaryField>
        <SummaryField label="Users"><span data-testid="group-summary-members">{memberCount ?? "…"}</span></SummaryField>
        <SummaryField label="Policies">{attachedCount ?? "…"} managed · {inlineCount ?? "…"} inline</SummaryField>
      </SummaryGrid>
      <EditGroupDialog group={group} open={dialog === "edit"} onClose={close} />
      <DeleteGroupDialog group={group} open={dialog === "delete"} onClose={close} memberCount={memberCount} attachedCount={attachedCount} inlineCount={inlineCount} />
    </div>
  );
}
