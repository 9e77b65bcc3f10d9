"use client";
import Link from "next/link";
import { SearchX } from "lucide-react";
import { Tabs } from "@/components/ui/tabs";
import { EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import { buttonClass } from "@/components/ui/button";
import { ApiError } from "@/components/api/fetch-json";
import { USER_TABS, USER_TAB_LABELS, toUser, toUsers, type UserTab } from "../routes";
import { useUserQuery } from "../user-queries";
import { useAccessKeysQuery } from "../access-key-queries";
import { useMfaDevicesQuery } from "../mfa-queries";
import { useAttachedPoliciesQuery, useInlinePoliciesQuery } from "@/components/permissions/principal-queries";
import { PermissionsTab, TagsTab } from "@/components/permissions/principal-tabs";
import { UserSummary } from "./user-summary";
import { AccessKeysCard } from "./access-keys-card";
import { MfaDevicesCard } from "./mfa-devices-card";
import { UserGroupsTab } from "./user-groups-tab";
import { GroupPoliciesCard } from "./group-policies-card";
import { useUserGroupsQuery } from "@/components/groups/group-queries";
import { UserCanAssumeTab } from "@/components/access/access-tab";

export function UserView({ name, tab }: { name: string; tab: UserTab }) {
  const user = useUserQuery(name);
  const keys = useAccessKeysQuery(name);
  const mfa = useMfaDevicesQuery(name);
  const attached = useAttachedPoliciesQuery("user", name);
  const inline = useInlinePoliciesQuery("user", name);
  const groups = useUserGroupsQuery(name);

  if (user.error) {
    if (user.error instanceof ApiError && user.error.code === "NoSuchEntity")
      return (
        <EmptyState icon={<SearchX aria-hidden className="size-5" />} title={`No user named ${name}`} action={<Link href={toUsers()} className={buttonClass("secondary", "sm")}>Back to users</Link>}>
          It may have been deleted, or it lives in another account — check the account switcher.
        </EmptyState>
      );
    return <ErrorState title="Could not load the user" message={user.error.message} onRetry={() => user.refetch()} />;
  }
  if (!user.data) return <UserSkeleton />;

  const owner = { kind: "user", name: user.data.name } as const;
  const counts: Partial<Record<UserTab, number>> = {
    permissions: attached.data && inline.data ? attached.data.length + inline.data.length : undefined,
    groups: groups.data?.length,
    "security-credentials": keys.data && mfa.data ? keys.data.length + mfa.data.length : undefined,
    tags: user.data.tags.length,
  };
  return (
    <div className="flex flex-col gap-6">
      <UserSummary user={user.data} keys={keys.data} mfaCount={mfa.data?.length} attachedCount={attached.data?.length} inlineCount={inline.data?.length} groupCount={groups.data?.length} />
      <div className="flex flex-col gap-5">
        <Tabs label="User sections" current={tab} tabs={USER_TABS.map((t) => ({ id: t, label: USER_TAB_LABELS[t], href: toUser({ name, tab: t }), count: counts[t] }))} />
        {tab === "permissions" && <PermissionsTab owner={owner} boundaryArn={user.data.permissionsBoundaryArn} inherited={<GroupPoliciesCard userName={user.data.name} />} />}
        {tab === "groups" && <UserGroupsTab user={user.data} groups={groups} />}
        {tab === "can-assume" && <UserCanAssumeTab name={user.data.name} />}
        {tab === "security-credentials" && (
          <div className="flex flex-col gap-5">
            <MfaDevicesCard user={user.data} />
            <AccessKeysCard user={user.data} />
          </div>
        )}
        {tab === "tags" && <TagsTab owner={owner} tags={user.data.tags} />}
      </div>
    </div>
  );
}

function UserSkeleton() {
  return (
    <div className="flex flex-col gap-4" role="status" aria-label="Loading user">
      <Skeleton className="h-8 w-64" />
      <Skeleton className="h-28" />
      <Skeleton className="h-10" />
      <Skeleton className="h-48" />
    </div>
  );
}
