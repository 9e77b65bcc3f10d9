import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { FederatedSignInView } from "@/components/roles/federated-sign-in/federated-sign-in-view";
import { toRole, toRoles } from "@/components/roles/routes";

type Props = { params: Promise<{ name: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Sign in to ${decodeURIComponent((await params).name)}` };
}

/** /roles/<RoleName>/federated-sign-in: sign in to the role as its federated users do. */
export default async function FederatedSignInPage({ params }: Props) {
  const name = decodeURIComponent((await params).name);
  return (
    <>
      <PageHeader
        breadcrumb={<><Link href={toRoles()} className="hover:text-fg">Roles</Link> <span aria-hidden>/</span> <Link href={toRole({ name })} className="hover:text-fg">{name}</Link> <span aria-hidden>/</span> Federated sign-in</>}
        title={<span className="flex items-center gap-3">Sign in to {name} <Badge tone="accent">Federation</Badge></span>}
        description="Try the role as a federated user: STS checks the token or assertion and the trust policy exactly as it does for the API. In AWS this happens in your identity provider's sign-in flow; Roleplane lets you do it here."
      />
      <FederatedSignInView name={name} />
    </>
  );
}
