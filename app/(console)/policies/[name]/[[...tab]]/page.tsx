import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { isPolicyScope, isPolicyTab } from "@/components/policies/routes";
import { decodeName } from "@/components/users/routes";
import { PolicyView } from "@/components/policies/detail/policy-view";

type Props = { params: Promise<{ name: string; tab?: string[] }>; searchParams: Promise<{ scope?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: decodeName((await params).name) };
}

/** /policies/<PolicyName>[/<tab>][?scope=aws|local]: see components/policies/routes.ts for how a name resolves. */
export default async function PolicyPage({ params, searchParams }: Props) {
  const [{ name, tab }, { scope }] = await Promise.all([params, searchParams]);
  const current = tab?.[0] ?? "permissions";
  if ((tab && tab.length > 1) || !isPolicyTab(current)) notFound();
  return <PolicyView name={decodeName(name)} scope={isPolicyScope(scope) ? scope : undefined} tab={current} />;
}
