import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ProviderView } from "@/components/identity-providers/detail/provider-view";
import { decodeName } from "@/components/users/routes";

type Props = { params: Promise<{ kind: string; name: string[] }> };

const nameOf = (parts: string[]) => parts.map(decodeName).join("/");

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: nameOf((await params).name) };
}

/** /identity-providers/oidc/<host>/<path…> and /identity-providers/saml/<name>. */
export default async function IdentityProviderPage({ params }: Props) {
  const { kind, name } = await params;
  if ((kind !== "oidc" && kind !== "saml") || (kind === "saml" && name.length !== 1)) notFound();
  return <ProviderView kind={kind} name={nameOf(name)} />;
}
