import type { Metadata } from "next";
import { Suspense } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/states";
import { AccessGraphView } from "@/components/access/graph/access-graph-view";

export const metadata: Metadata = { title: "Access graph" };

export default function AccessGraphPage() {
  return (
    <>
      <PageHeader
        title="Access graph"
        description="Who can assume which role in this account, as STS decides it: principals and roles as nodes, assumes as arrows (dashed when a condition must hold). Roleplane's analysis; AWS has no such view."
      />
      <Suspense fallback={<Skeleton className="h-[560px] w-full rounded-xl" />}>
        <AccessGraphView />
      </Suspense>
    </>
  );
}
