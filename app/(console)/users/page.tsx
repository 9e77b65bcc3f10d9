import type { Metadata } from "next";
import { Suspense } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { UsersList } from "@/components/users/users-list";
import { CreateUserButton } from "@/components/users/create-user-button";

export const metadata: Metadata = { title: "Users" };

export default function UsersPage() {
  return (
    <>
      <PageHeader
        title="Users"
        description="Long-term IAM identities. Their access keys sign calls to this Roleplane's AWS API, as the AWS CLI and SDKs do."
        actions={<CreateUserButton />}
      />
      <Suspense>
        <UsersList />
      </Suspense>
    </>
  );
}
