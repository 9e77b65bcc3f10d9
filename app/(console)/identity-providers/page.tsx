import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { FlaskConical } from "lucide-react";
import { PageHeader } from "@/components/ui/page-header";
import { ProvidersList } from "@/components/identity-providers/providers-list";
import { AddProviderButtons } from "@/components/identity-providers/add-provider-buttons";
import { toDemoIdentityProvider } from "@/components/identity-providers/routes";

export const metadata: Metadata = { title: "Identity providers" };

export default function IdentityProvidersPage() {
  return (
    <>
      <PageHeader
        title="Identity providers"
        description="OpenID Connect issuers and SAML 2.0 identity providers whose users may assume roles that trust them (web identity and SAML federation)."
        actions={<AddProviderButtons />}
      />
      <Suspense>
        <ProvidersList />
      </Suspense>
      <p className="mt-4 flex items-center gap-2 text-[13px] text-fg-muted">
        <FlaskConical aria-hidden className="size-4" />
        No identity provider at hand? The <Link href={toDemoIdentityProvider()} className="font-medium text-accent hover:underline" data-testid="to-test-idp">test identity provider</Link> (Roleplane&apos;s own tool) signs tokens and assertions for you.
      </p>
    </>
  );
}
