"use client";
import { Tabs } from "@/components/ui/tabs";
import { Skeleton } from "@/components/ui/states";
import { ROLE_TABS, ROLE_TAB_LABELS, toRole, type RoleTab } from "../routes";
import { RoleLoadError } from "../role-load-error";
import { useRoleQuery } from "../role-queries";
import { useAttachedPoliciesQuery, useInlinePoliciesQuery } from "@/components/permissions/principal-queries";
import { PermissionsTab, TagsTab } from "@/components/permissions/principal-tabs";
import { RoleSummary } from "./role-summary";
import { TrustTab } from "./trust-tab";
import { SessionsTab } from "./sessions-tab";
import { ActivityTab } from "./activity-tab";

const PROTECTED_PERMISSIONS = "Service-linked roles get their permissions from their service and cannot be changed.";

export function RoleView({ name, tab }: { name: string; tab: RoleTab }) {
  const role = useRoleQuery(name);
  const attached = useAttachedPoliciesQuery("role", name);
  const inline = useInlinePoliciesQuery("role", name);

  if (role.error) return <RoleLoadError name={name} error={role.error} onRetry={() => role.refetch()} />;
  if (!role.data) return <RoleSkeleton />;

  const owner = { kind: "role", name: role.data.name } as const;
  const locked = role.data.serviceLinkedService !== null;
  const counts: Partial<Record<RoleTab, number>> = {
    permissions: attached.data && inline.data ? attached.data.length + inline.data.length : undefined,
    tags: role.data.tags.length,
  };
  return (
    <div className="flex flex-col gap-6">
      <RoleSummary role={role.data} attachedCount={attached.data?.length} inlineCount={inline.data?.length} />
      <div className="flex flex-col gap-5">
        <Tabs label="Role sections" current={tab} tabs={ROLE_TABS.map((t) => ({ id: t, label: ROLE_TAB_LABELS[t], href: toRole({ name, tab: t }), count: counts[t] }))} />
        {tab === "permissions" && <PermissionsTab owner={owner} boundaryArn={role.data.permissionsBoundaryArn} locked={locked ? PROTECTED_PERMISSIONS : undefined} />}
        {tab === "trust" && <TrustTab role={role.data} />}
        {tab === "tags" && <TagsTab owner={owner} tags={role.data.tags} locked={locked ? "Service-linked roles cannot be tagged." : undefined} />}
        {tab === "sessions" && <SessionsTab role={role.data} />}
        {tab === "activity" && <ActivityTab name={name} />}
      </div>
    </div>
  );
}

function RoleSkeleton() {
  return (
    <div className="flex flex-col gap-4" aria-label="Loading role">
      <Skeleton className="h-8 w-64" />
      <Skeleton className="h-36" />
      <Skeleton className="h-10" />
      <Skeleton className="h-48" />
    </div>
  );
}
