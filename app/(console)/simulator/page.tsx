import type { Metadata } from "next";
import { Suspense } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/states";
import { Simulator } from "@/components/simulator/simulator";

export const metadata: Metadata = { title: "Policy simulator" };

export default function SimulatorPage() {
  return (
    <>
      <PageHeader
        title="Policy simulator"
        description="Would this principal or policy be allowed to do this? Each action is evaluated on each resource as IAM's SimulatePrincipalPolicy does, with the statements that decided shown at their lines. Nothing here is changed."
      />
      <Suspense fallback={<Skeleton className="h-[480px] w-full rounded-xl" />}>
        <Simulator />
      </Suspense>
    </>
  );
}
