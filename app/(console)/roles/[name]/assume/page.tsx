import type { Metadata } from "next";
import { Suspense } from "react";
import { AssumeRoleView } from "@/components/roles/assume/assume-role-view";

type Props = { params: Promise<{ name: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Assume ${decodeURIComponent((await params).name)}` };
}

/** /roles/<RoleName>/assume[?user=<ARN>|?session=<key id>] */
export default async function AssumeRolePage({ params }: Props) {
  const { name } = await params;
  return (
    <Suspense>
      <AssumeRoleView name={decodeURIComponent(name)} />
    </Suspense>
  );
}
