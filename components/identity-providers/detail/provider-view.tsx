"use client";
import { useState } from "react";
import Link from "next/link";
import { SearchX, Trash2 } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClass } from "@/components/ui/button";
import { EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import { ApiError } from "@/components/api/fetch-json";
import { useConsole, useReadOnlyReason } from "@/components/shell/console-context";
import { useProviderQuery } from "../provider-queries";
import { providerArnOf, toDemoIdentityProvider, toIdentityProviders } from "../routes";
import { DeleteProviderDialog } from "./delete-provider-dialog";
import { OidcSections, OidcSummary } from "./oidc-provider-sections";
import { ProviderTagsCard } from "./provider-tags-card";
import { SamlSections, SamlSummary } from "./saml-provider-sections";
import { TrustingRolesCard } from "./trusting-roles-card";

/** `/identity-providers/oidc/<host>/<path>` and `/identity-providers/saml/<name>`, in the current account. */
export function ProviderView({ kind, name }: { kind: "oidc" | "saml"; name: string }) {
  const { account } = useConsole();
  const arn = providerArnOf(account.id, kind, name);
  const query = useProviderQuery(arn);
  const readOnly = useReadOnlyReason();
  const [deleting, setDeleting] = useState(false);
  const label = kind === "oidc" ? `https://${name}` : name;

  if (query.error) {
    if (query.error instanceof ApiError && query.error.code === "NoSuchEntity")
      return (
        <EmptyState icon={<SearchX aria-hidden className="size-5" />} title={`No identity provider ${label}`} action={<Link href={toIdentityProviders()} className={buttonClass("secondary", "sm")}>Back to identity providers</Link>}>
          It may have been deleted, or it lives in another account — check the account switcher.
        </EmptyState>
      );
    return <ErrorState title="Could not load the identity provider" message={query.error.message} onRetry={() => query.refetch()} />;
  }
  const d = query.data;
  if (!d) return <div className="flex flex-col gap-4" aria-label="Loading identity provider"><Skeleton className="h-8 w-96" /><Skeleton className="h-28" /><Skeleton className="h-40" /></div>;

  return (
    <div className="flex flex-col gap-6">
      <div>
        <nav aria-label="Breadcrumb" className="mb-2 text-[13px] text-fg-muted"><Link href={toIdentityProviders()} className="hover:text-fg">Identity providers</Link> <span aria-hidden>/</span> {label}</nav>
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div className="flex min-w-0 items-center gap-3">
            <h1 className="truncate text-xl font-semibold tracking-tight" data-testid="provider-title">{label}</h1>
            <Badge>{d.type === "OIDC" ? "OpenID Connect" : "SAML 2.0"}</Badge>
            {d.provider.demo && <Link href={toDemoIdentityProvider()}><Badge tone="accent">Roleplane test IdP</Badge></Link>}
          </div>
          <Button variant="danger" icon={<Trash2 aria-hidden className="size-4" />} onClick={() => setDeleting(true)} disabledReason={readOnly} data-testid="delete-provider">Delete</Button>
        </div>
      </div>
      {d.type === "OIDC" ? <OidcSummary details={d} /> : <SamlSummary details={d} />}
      <TrustingRolesCard roles={d.roles} accountId={account.id} />
      {d.type === "OIDC" ? <OidcSections details={d} /> : <SamlSections details={d} />}
      <ProviderTagsCard arn={arn} tags={d.provider.tags} />
      <DeleteProviderDialog arn={arn} label={label} roles={d.roles} open={deleting} onClose={() => setDeleting(false)} />
    </div>
  );
}
