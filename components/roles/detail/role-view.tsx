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
import { RoleCanAssumeTab, RoleWhoCanAssumeTab } from "@/components/access/access-tab";
import { SessionsTab } from "./sessions-tab";
import { ActivityTab } from "./activity-tab";
import { ServiceLinkedCallout } from "../service-linked/service-linked-callout";

/** Why the cards of a service-linked role are locked: AWS answers every such change with UnmodifiableEntity. */
const PROTECTED_PERMISSIONS = "A service-linked role's permissions are its service's: AWS refuses changes to them (UnmodifiableEntity).";
const PROTECTED_TAGS = "A service-linked role belongs to its service: AWS refuses tag changes (UnmodifiableEntity).";

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
      {locked && <ServiceLinkedCallout role={role.data} />}
      <div className="flex flex-col gap-5">
        <Tabs label="Role sections" current={tab} tabs={ROLE_TABS.map((t) => ({ id: t, label: ROLE_TAB_LABELS[t], href: toRole({ name, tab: t }), count: counts[t] }))} />
        {tab === "permissions" && <PermissionsTab owner={owner} boundaryArn={role.data.permissionsBoundaryArn} locked={locked ? PROTECTED_PERMISSIONS : undefined} />}
        {tab === "trust" && <TrustTab role={role.data} />}
        {tab === "who-can-assume" && <RoleWhoCanAssumeTab name={role.data.name} />}
        {tab === "can-assume" && <RoleCanAssumeTab name={role.data.name} />}
        {tab === "tags" && <TagsTab owner={owner} tags={role.data.tags} locked={locked ? PROTECTED_TAGS : undefined} />}
        {tab === "sessions" && <SessionsTab role={role.data} />}
        {tab === "activity" && <ActivityTab name={name} />}
      </div>
    </div>
  );
}

function RoleSkeleton() {
  return (
    <div className="flex flex-col gap-4" role="status" aria-label="Loading role">
      <Skeleton className="h-8 w-64" />
      <Skeleton className="h-36" />
      <Skeleton className="h-10" />
      <Skeleton className="h-48" />
    </div>
  );
}
