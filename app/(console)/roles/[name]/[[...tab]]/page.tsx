import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { isRoleTab, movedRoleTab, toRole } from "@/components/roles/routes";
import { RoleView } from "@/components/roles/detail/role-view";

type Props = { params: Promise<{ name: string; tab?: string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: decodeURIComponent((await params).name) };
}

/** /roles/<RoleName> shows Permissions; /roles/<RoleName>/<tab> the other tabs. */
export default async function RolePage({ params }: Props) {
  const { name, tab } = await params;
  const current = tab?.[0] ?? "permissions";
  const moved = tab?.length === 1 ? movedRoleTab(current) : undefined;
  if (moved) permanentRedirect(toRole({ name: decodeURIComponent(name), tab: moved }));
  if ((tab && tab.length > 1) || !isRoleTab(current)) notFound();
  return <RoleView name={decodeURIComponent(name)} tab={current} />;
}
