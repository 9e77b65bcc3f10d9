import type { Metadata } from "next";
import { Suspense } from "react";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/states";
import { AccessAnalysis } from "@/components/access/access-analysis";

export const metadata: Metadata = { title: "Access analysis" };

export default function AccessAnalysisPage() {
  return (
    <>
      <PageHeader
        title={<span className="flex items-center gap-2">Access analysis <Badge tone="accent">Beyond AWS</Badge></span>}
        description="Who can assume this account's roles — users and roles of every account in this Roleplane, outside accounts, services and identity providers, directly and through chains of roles — decided as STS decides AssumeRole. AWS has no such view: this is Roleplane's own analysis."
      />
      <Suspense fallback={<Skeleton className="h-[480px] w-full rounded-xl" />}>
        <AccessAnalysis />
      </Suspense>
    </>
  );
}
