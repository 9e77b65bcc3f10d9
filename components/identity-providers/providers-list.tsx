"use client";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { Fingerprint } from "lucide-react";
import { buttonClass } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import { ListFilter, ListSearch, ListToolbar, useUrlDraft } from "@/components/ui/list-toolbar";
import { Select } from "@/components/ui/input";
import { SortTh, Table, Td, Th, Tr } from "@/components/ui/table";
import { sortHeaders } from "@/components/ui/list-sort";
import { formatDate } from "@/components/format";
import { AddProviderButtons } from "./add-provider-buttons";
import { readProvidersListState, toDemoIdentityProvider, toIdentityProvider, toIdentityProviders, type ProvidersListState, type ProviderType } from "./routes";
import { useProvidersQuery, type ProviderListItemDto } from "./provider-queries";
import { ValidUntil } from "./valid-until";

/** An account holds at most 100 of each kind, so the list filters and sorts in the browser, with the view in the URL. */
function visible(items: ProviderListItemDto[], s: ReturnType<typeof readProvidersListState>) {
  const q = s.search?.toLowerCase();
  const rows = items.filter((p) => (!s.type || p.type === s.type) && (!q || p.name.toLowerCase().includes(q)));
  const key = (p: ProviderListItemDto) => (s.sort === "createdAt" ? p.createdAt : p.name.toLowerCase());
  rows.sort((a, b) => key(a).localeCompare(key(b)) || a.arn.localeCompare(b.arn));
  return s.order === "desc" ? rows.reverse() : rows;
}

export function ProvidersList() {
  const state = readProvidersListState(useSearchParams());
  const { data, error, isPending, refetch } = useProvidersQuery();
  const rows = data ? visible(data.items, state) : [];
  const sortBy = sortHeaders(state, (next) => toIdentityProviders({ ...state, ...next }));
  return (
    <div className="overflow-hidden rounded-xl border border-border bg-surface shadow-card">
      <ProvidersToolbar applied={state} />
      {error ? (
        <div className="p-4"><ErrorState title="Could not load identity providers" message={error.message} onRetry={() => refetch()} /></div>
      ) : isPending ? (
        <div className="flex flex-col gap-3 p-4" aria-label="Loading identity providers">{Array.from({ length: 4 }, (_, i) => <Skeleton key={i} className="h-10" />)}</div>
      ) : data.items.length === 0 ? (
        <EmptyState icon={<Fingerprint aria-hidden className="size-5" />} title="No identity providers in this account yet" action={<AddProviderButtons size="sm" hideWhenReadOnly />}>
          Register your OpenID Connect issuer (GitHub Actions, EKS, Auth0, …) or SAML 2.0 identity provider so roles can trust its users. To try federation without one, use the{" "}
          <Link href={toDemoIdentityProvider()} className="text-accent hover:underline">test identity provider</Link>.
        </EmptyState>
      ) : rows.length === 0 ? (
        <EmptyState title="No providers match" action={<Link className={buttonClass("secondary", "sm")} href={toIdentityProviders()}>Clear filters</Link>}>Nothing in this account matches these filters.</EmptyState>
      ) : (
        <Table label="Identity providers" testId="providers-table">
          <thead>
            <tr>
              <SortTh label="Provider" {...sortBy("name")} />
              <Th className="w-40">Type</Th>
              <SortTh label="Created" {...sortBy("createdAt")} className="w-36" />
              <Th className="w-44">Valid until</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <Tr key={p.arn} testId="provider-row">
                <Td>
                  <span className="flex items-center gap-2">
                    <Link href={toIdentityProvider(p.arn)} className="font-medium break-all text-accent hover:underline" data-testid="provider-link">{p.name}</Link>
                    {p.demo && <Badge tone="accent">Roleplane test IdP</Badge>}
                  </span>
                  <p className="mt-0.5 max-w-xl truncate font-mono text-[11px] text-fg-subtle">{p.arn}</p>
                </Td>
                <Td><Badge>{p.type === "OIDC" ? "OpenID Connect" : "SAML 2.0"}</Badge></Td>
                <Td className="text-[13px] whitespace-nowrap text-fg-muted">{formatDate(p.createdAt)}</Td>
                <Td className="text-[13px] whitespace-nowrap text-fg-muted">{p.type === "SAML" ? <ValidUntil value={p.validUntil} /> : "—"}</Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}

function ProvidersToolbar({ applied }: { applied: ProvidersListState }) {
  const [draft, setDraft] = useUrlDraft(
    { search: applied.search ?? "", type: applied.type ?? "" },
    (d) => toIdentityProviders({ ...applied, search: d.search, type: (d.type || undefined) as ProviderType | undefined }),
    (a, b) => a.search === b.search && a.type === b.type,
  );
  return (
    <ListToolbar>
      <ListSearch id="providers-search" noun="providers" value={draft.search} onChange={(search) => setDraft({ ...draft, search })} />
      <ListFilter id="providers-type" label="Type">
        <Select id="providers-type" data-testid="providers-type" value={draft.type} onChange={(e) => setDraft({ ...draft, type: e.target.value as "" })} className="w-44">
          <option value="">All types</option>
          <option value="OIDC">OpenID Connect</option>
          <option value="SAML">SAML 2.0</option>
        </Select>
      </ListFilter>
    </ListToolbar>
  );
}
