import type { Metadata } from "next";
import { Suspense } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { PoliciesList } from "@/components/policies/policies-list";
import { CreatePolicyButton } from "@/components/policies/create-policy-button";

export const metadata: Metadata = { title: "Policies" };

export default function PoliciesPage() {
  return (
    <>
      <PageHeader
        title="Policies"
        description="Managed permissions policies: AWS's catalogue and this account's own. Attach them to roles and users, or use one as a permissions boundary."
        actions={<CreatePolicyButton />}
      />
      <Suspense>
        <PoliciesList />
      </Suspense>
    </>
  );
}
