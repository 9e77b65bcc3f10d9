"use client";
import Link from "next/link";
import { SearchX } from "lucide-react";
import { Tabs } from "@/components/ui/tabs";
import { EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import { buttonClass } from "@/components/ui/button";
import { ApiError } from "@/components/api/fetch-json";
import { POLICY_TABS, POLICY_TAB_LABELS, toPolicies, toPolicy, type PolicyScope, type PolicyTab } from "../routes";
import { usePolicyQuery } from "../policy-queries";
import { PolicySummary } from "./policy-summary";
import { PolicyPermissionsTab } from "./policy-permissions-tab";
import { PolicyVersionsTab } from "./policy-versions-tab";
import { PolicyEntitiesTab } from "./policy-entities-tab";

export function PolicyView({ name, scope, tab }: { name: string; scope?: PolicyScope; tab: PolicyTab }) {
  const ref = { name, scope };
  const policy = usePolicyQuery(ref);

  if (policy.error) {
    if (policy.error instanceof ApiError && policy.error.code === "NoSuchEntity")
      return (
        <EmptyState icon={<SearchX aria-hidden className="size-5" />} title={`No policy named ${name}`} action={<Link href={toPolicies()} className={buttonClass("secondary", "sm")}>Back to policies</Link>}>
          It is neither an AWS managed policy nor a customer managed policy of this account — check the account switcher.
        </EmptyState>
      );
    return <ErrorState title="Could not load the policy" message={policy.error.message} onRetry={() => policy.refetch()} />;
  }
  if (!policy.data) return <PolicySkeleton />;

  const p = policy.data;
  const linkScope: PolicyScope = p.awsManaged ? "aws" : "local";
  return (
    <div className="flex flex-col gap-6">
      <PolicySummary policy={p} policyRef={ref} />
      <div className="flex flex-col gap-5">
        <Tabs label="Policy sections" current={tab}
          tabs={POLICY_TABS.map((t) => ({ id: t, label: POLICY_TAB_LABELS[t], href: toPolicy({ name, scope: linkScope, tab: t }), count: t === "entities" ? p.attachmentCount : undefined }))} />
        {tab === "permissions" && <PolicyPermissionsTab policy={p} policyRef={ref} />}
        {tab === "versions" && <PolicyVersionsTab policy={p} policyRef={ref} />}
        {tab === "entities" && <PolicyEntitiesTab policy={p} policyRef={ref} />}
      </div>
    </div>
  );
}

function PolicySkeleton() {
  return (
    <div className="flex flex-col gap-4" role="status" aria-label="Loading policy">
      <Skeleton className="h-8 w-64" />
      <Skeleton className="h-28" />
      <Skeleton className="h-10" />
      <Skeleton className="h-64" />
    </div>
  );
}
