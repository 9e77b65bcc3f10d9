"use client";
import { useState } from "react";
import Link from "next/link";
import { KeyRound, Pencil, ShieldCheck, Trash2 } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClass } from "@/components/ui/button";
import { CopyableCode, SummaryField, SummaryGrid } from "@/components/ui/summary-grid";
import { formatDateTime, formatDuration, formatRelative } from "@/components/format";
import { useReadOnlyReason } from "@/components/shell/console-context";
import { useRoleInstanceProfilesQuery } from "@/components/instance-profiles/instance-profile-queries";
import { serviceLinkedServiceName } from "@/lib/domain/service-linked-roles";
import type { RoleDto } from "../role-queries";
import { toAssumeRole, toRoles } from "../routes";
import { DeleteServiceLinkedRoleDialog } from "../service-linked/delete-service-linked-role-dialog";
import { EditRoleDialog } from "./edit-role-dialog";
import { DeleteRoleDialog } from "./delete-role-dialog";
import { RoleInstanceProfiles } from "./role-instance-profiles";
import { InfoLink } from "@/components/concepts/info-link";

export function RoleSummary({ role, attachedCount, inlineCount }: { role: RoleDto; attachedCount?: number; inlineCount?: number }) {
  const readOnly = useReadOnlyReason();
  const [dialog, setDialog] = useState<"edit" | "delete" | null>(null);
  const profiles = useRoleInstanceProfilesQuery(role.name);
  const slr = role.serviceLinkedService;
  return (
    <div className="flex flex-col gap-4">
      <div>
        <nav aria-label="Breadcrumb" className="mb-2 text-[13px] text-fg-muted"><Link href={toRoles()} className="hover:text-fg">Roles</Link> <span aria-hidden>/</span> {role.name}</nav>
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div className="flex min-w-0 flex-wrap items-center gap-2.5">
            <h1 className="truncate text-xl font-semibold tracking-tight" data-testid="role-title">{role.name}</h1>
            {slr && (
              <>
                <Badge tone="warning" icon={<ShieldCheck aria-hidden className="size-3" />}><span data-testid="slr-badge">Service-linked role</span></Badge>
                <Badge tone="neutral"><span data-testid="slr-service">{serviceLinkedServiceName(slr)}</span></Badge>
              </>
            )}
          </div>
          <div className="flex gap-2">
            {readOnly ? (
              <Button icon={<KeyRound aria-hidden className="size-4" />} disabledReason={readOnly} data-testid="assume-role">Assume role</Button>
            ) : (
              <Link href={toAssumeRole({ name: role.name })} className={buttonClass("secondary", "md")} data-testid="assume-role">
                <KeyRound aria-hidden className="size-4" />Assume role
              </Link>
            )}
            <Button icon={<Pencil aria-hidden className="size-4" />} onClick={() => setDialog("edit")} disabledReason={readOnly} data-testid="edit-role">Edit</Button>
            <Button variant="danger" icon={<Trash2 aria-hidden className="size-4" />} onClick={() => setDialog("delete")} disabledReason={readOnly} data-testid="delete-role">Delete</Button>
          </div>
        </div>
        {role.description && <p className="mt-1.5 max-w-3xl text-[13px] text-fg-muted" data-testid="role-description-text">{role.description}</p>}
      </div>
      <SummaryGrid>
        <SummaryField label="ARN" wide><CopyableCode value={role.arn} label="ARN" truncate testId="role-arn" /></SummaryField>
        <SummaryField label="Role ID"><CopyableCode value={role.id} label="role ID" /></SummaryField>
        <SummaryField label="Created">{formatDateTime(role.createdAt)}</SummaryField>
        <SummaryField label="Maximum session" info={<InfoLink concept="session" />}><span data-testid="role-max-session-text">{formatDuration(role.maxSessionDuration)}</span></SummaryField>
        <SummaryField label="Last activity">{role.lastUsedAt ? `${formatRelative(role.lastUsedAt)}${role.lastUsedRegion ? ` in ${role.lastUsedRegion}` : ""}` : "Never used"}</SummaryField>
        <SummaryField label="Path"><code className="font-mono text-[12.5px] break-all">{role.path}</code></SummaryField>
        <SummaryField label="Policies">{attachedCount ?? "…"} managed · {inlineCount ?? "…"} inline</SummaryField>
        <SummaryField label="Instance profiles" info={<InfoLink concept="instance-profile" />} wide><RoleInstanceProfiles roleName={role.name} serviceLinked={!!slr} readOnly={readOnly} /></SummaryField>
      </SummaryGrid>
      <EditRoleDialog role={role} open={dialog === "edit"} onClose={() => setDialog(null)} />
      {slr ? (
        <DeleteServiceLinkedRoleDialog role={role} open={dialog === "delete"} onClose={() => setDialog(null)} />
      ) : (
        <DeleteRoleDialog role={role} open={dialog === "delete"} onClose={() => setDialog(null)} attachedCount={attachedCount} inlineCount={inlineCount} profileCount={profiles.data?.length} />
      )}
    </div>
  );
}
