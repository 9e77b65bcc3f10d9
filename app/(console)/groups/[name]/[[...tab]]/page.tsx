import type { Metadata } from "next";
import { Suspense } from "react";
import { notFound } from "next/navigation";
import { decodeName } from "@/components/users/routes";
import { isGroupTab } from "@/components/groups/routes";
import { GroupView } from "@/components/groups/detail/group-view";

type Props = { params: Promise<{ name: string; tab?: string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: decodeName((await params).name) };
}

/** /groups/<GroupName> shows Members; /groups/<GroupName>/permissions the policies. */
export default async function GroupPage({ params }: Props) {
  const { name, tab } = await params;
  const current = tab?.[0] ?? "members";
  if ((tab && tab.length > 1) || !isGroupTab(current)) notFound();
  return (
    <Suspense>
      <GroupView name={decodeName(name)} tab={current} />
    </Suspense>
  );
}
