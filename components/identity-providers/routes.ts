import { readListSort, writeListSort, type ListSort } from "@/components/ui/list-sort";

/** Typed, linkable console URLs for identity providers; the list's filters and sort live in the URL. */
export type ProviderType = "OIDC" | "SAML";

export const PROVIDER_SORTS = ["name", "createdAt"] as const;
export type ProviderSort = (typeof PROVIDER_SORTS)[number];

export interface ProvidersListState extends Partial<ListSort<ProviderSort>> {
  search?: string;
  type?: ProviderType;
}

export function toIdentityProviders(s: ProvidersListState = {}): string {
  const q = new URLSearchParams();
  if (s.search) q.set("search", s.search);
  if (s.type) q.set("type", s.type);
  writeListSort(q, s, PROVIDER_SORTS);
  const str = q.toString();
  return str ? `/identity-providers?${str}` : "/identity-providers";
}

export function readProvidersListState(params: URLSearchParams): ProvidersListState & ListSort<ProviderSort> {
  const type = params.get("type");
  return { search: params.get("search") ?? undefined, type: type === "OIDC" || type === "SAML" ? type : undefined, ...readListSort(params, PROVIDER_SORTS) };
}

/**
 * A provider's page: `/identity-providers/oidc/<host>/<path>` or `/identity-providers/saml/<name>`, the ARN's own
 * last part, so the address says which provider it is.
 */
export function toIdentityProvider(arn: string): string {
  const m = /^arn:aws:iam::\d{12}:(oidc|saml)-provider\/(.+)$/.exec(arn);
  if (!m) return "/identity-providers";
  return `/identity-providers/${m[1]}/${m[2].split("/").map(encodeURIComponent).join("/")}`;
}

/** The ARN a provider page names, in the console's current account. */
export const providerArnOf = (accountId: string, kind: "oidc" | "saml", name: string) => `arn:aws:iam::${accountId}:${kind}-provider/${name}`;

export const toDemoIdentityProvider = () => "/identity-providers/test-idp";
