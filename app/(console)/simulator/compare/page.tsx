import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { CompareWays } from "@/components/simulator/compare-ways";
import { Skeleton } from "@/components/ui/states";

export const metadata: Metadata = { title: "Roles compared with resource-based policies" };

export default function CompareWaysPage() {
  return (
    <>
      <PageHeader
        title="Roles compared with resource-based policies"
        breadcrumb={<Link href="/simulator">Policy simulator</Link>}
        description="Cross-account access two ways: assume a role in the resource's account, or be granted directly by a policy on the resource. Both are evaluated for the same caller, action and resource, and explained."
      />
      {/* The comparison reads its form from the URL. */}
      <Suspense fallback={<Skeleton className="h-[480px] w-full rounded-xl" />}>
        <CompareWays />
      </Suspense>
    </>
  );
}
