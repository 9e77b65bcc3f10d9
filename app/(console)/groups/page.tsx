import type { Metadata } from "next";
import { Suspense } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { GroupsList } from "@/components/groups/groups-list";
import { CreateGroupButton } from "@/components/groups/create-group-button";

export const metadata: Metadata = { title: "Groups" };

export default function GroupsPage() {
  return (
    <>
      <PageHeader
        title="Groups"
        description="Sets of IAM users that share policies. A user's permissions are its own policies and those of every group it belongs to."
        actions={<CreateGroupButton />}
      />
      <Suspense>
        <GroupsList />
      </Suspense>
    </>
  );
}
