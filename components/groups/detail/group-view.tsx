"use client";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { SearchX } from "lucide-react";
import { Tabs } from "@/components/ui/tabs";
import { EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import { buttonClass } from "@/components/ui/button";
import { ApiError } from "@/components/api/fetch-json";
import { useAttachedPoliciesQuery, useInlinePoliciesQuery } from "@/components/permissions/principal-queries";
import { PermissionsTab } from "@/components/permissions/principal-tabs";
import { GROUP_TABS, GROUP_TAB_LABELS, readPage, toGroup, toGroups, type GroupTab } from "../routes";
import { useGroupMembersQuery, useGroupQuery } from "../group-queries";
import { GroupSummary } from "./group-summary";
import { MembersTab } from "./members-tab";

export function GroupView({ name, tab }: { name: string; tab: GroupTab }) {
  const group = useGroupQuery(name);
  const page = readPage(useSearchParams());
  const members = useGroupMembersQuery(name, page);
  const attached = useAttachedPoliciesQuery("group", name);
  const inline = useInlinePoliciesQuery("group", name);

  if (group.error) {
    if (group.error instanceof ApiError && group.error.code === "NoSuchEntity")
      return (
        <EmptyState icon={<SearchX aria-hidden className="size-5" />} title={`No group named ${name}`} action={<Link href={toGroups()} className={buttonClass("secondary", "sm")}>Back to groups</Link>}>
          It may have been deleted or renamed, or it lives in another account — check the account switcher.
        </EmptyState>
      );
    return <ErrorState title="Could not load the group" message={group.error.message} onRetry={() => group.refetch()} />;
  }
  if (!group.data) return <GroupSkeleton />;

  const counts: Record<GroupTab, number | undefined> = {
    members: members.data?.total,
    permissions: attached.data && inline.data ? attached.data.length + inline.data.length : undefined,
  };
  return (
    <div className="flex flex-col gap-6">
      <GroupSummary group={group.data} memberCount={members.data?.total} attachedCount={attached.data?.length} inlineCount={inline.data?.length} />
      <div className="flex flex-col gap-5">
        <Tabs label="Group sections" current={tab} tabs={GROUP_TABS.map((t) => ({ id: t, label: GROUP_TAB_LABELS[t], href: toGroup({ name, tab: t }), count: counts[t] }))} />
        {tab === "members" && <MembersTab group={group.data} members={members} />}
        {tab === "permissions" && <PermissionsTab owner={{ kind: "group", name: group.data.name }} />}
      </div>
    </div>
  );
}

function GroupSkeleton() {
  return (
    <div className="flex flex-col gap-4" aria-label="Loading group">
      <Skeleton className="h-8 w-64" />
      <Skeleton className="h-28" />
      <Skeleton className="h-10" />
      <Skeleton className="h-48" />
    </div>
  );
}
