import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { CreateRoleWizard } from "@/components/roles/create/create-role-wizard";

export const metadata: Metadata = { title: "Create role" };

export default function NewRolePage() {
  return (
    <>
      <PageHeader
        breadcrumb={<Link href="/roles" className="hover:text-fg">Roles</Link>}
        title="Create role"
        description="Choose who can assume the role, what it may do, then name it. Nothing is created until you confirm on the last step."
      />
      <Suspense>
        <CreateRoleWizard />
      </Suspense>
    </>
  );
}
