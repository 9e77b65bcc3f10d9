import type { Metadata } from "next";
import { Suspense } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { RolesList } from "@/components/roles/roles-list";
import { CreateRoleLink } from "@/components/roles/create-role-link";
import { CreateServiceLinkedRoleButton } from "@/components/roles/service-linked/create-service-linked-role-button";

export const metadata: Metadata = { title: "Roles" };

export default function RolesPage() {
  return (
    <>
      <PageHeader
        title="Roles"
        description="Identities with permissions that trusted principals assume for temporary credentials. The trust policy says who may assume each role."
        actions={<><CreateServiceLinkedRoleButton /><CreateRoleLink /></>}
      />
      <Suspense>
        <RolesList />
      </Suspense>
    </>
  );
}
