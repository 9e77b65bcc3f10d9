import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { decodeName, isUserTab, movedUserTab, toUser } from "@/components/users/routes";
import { UserView } from "@/components/users/detail/user-view";

type Props = { params: Promise<{ name: string; tab?: string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: decodeName((await params).name) };
}

/** /users/<UserName> shows Permissions; /users/<UserName>/<tab> the other tabs. */
export default async function UserPage({ params }: Props) {
  const { name, tab } = await params;
  const current = tab?.[0] ?? "permissions";
  const moved = tab?.length === 1 ? movedUserTab(current) : undefined;
  if (moved) permanentRedirect(toUser({ name: decodeName(name), tab: moved }));
  if ((tab && tab.length > 1) || !isUserTab(current)) notFound();
  return <UserView name={decodeName(name)} tab={current} />;
}
