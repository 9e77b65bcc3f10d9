import type { Metadata } from "next";
import { Suspense } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/states";
import { PolicyPlayground } from "@/components/policy-editor/policy-playground";

export const metadata: Metadata = { title: "Policy playground" };

export default function PlaygroundPage() {
  return (
    <>
      <PageHeader
        title="Policy playground"
        description="Paste a policy, choose its kind, and see as you type what IAM would refuse and what deserves a second look. Principals are checked against this Roleplane's accounts. Nothing here is saved."
      />
      <Suspense fallback={<Skeleton className="h-[560px] w-full rounded-xl" />}>
        <PolicyPlayground />
      </Suspense>
    </>
  );
}
