import type { Metadata } from "next";
import { Suspense } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { InstanceProfilesList } from "@/components/instance-profiles/instance-profiles-list";
import { CreateInstanceProfileButton } from "@/components/instance-profiles/create-instance-profile-button";

export const metadata: Metadata = { title: "Instance profiles" };

export default function InstanceProfilesPage() {
  return (
    <>
      <PageHeader
        title="Instance profiles"
        description="Containers that hand a role to EC2 instances: software on an instance gets the role's temporary credentials from the instance metadata service. Each holds one role."
        actions={<CreateInstanceProfileButton />}
      />
      <Suspense>
        <InstanceProfilesList />
      </Suspense>
    </>
  );
}
