import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { TestIdpView } from "@/components/identity-providers/test-idp/test-idp-view";
import { toIdentityProviders } from "@/components/identity-providers/routes";

export const metadata: Metadata = { title: "Test identity provider" };

export default function TestIdentityProviderPage() {
  return (
    <>
      <PageHeader
        breadcrumb={<><Link href={toIdentityProviders()} className="hover:text-fg">Identity providers</Link> <span aria-hidden>/</span> Test identity provider</>}
        title={<span className="flex items-center gap-3">Test identity provider <Badge tone="accent">Roleplane&apos;s own tool</Badge></span>}
        description="Try a web-identity or SAML role end to end without an outside identity provider. Roleplane signs the tokens and assertions with keys it holds for this account; STS checks them exactly as it checks any provider's. AWS has no such tool."
      />
      <TestIdpView />
    </>
  );
}
