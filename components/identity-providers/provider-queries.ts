"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson, withQuery, type Jsonified } from "@/components/api/fetch-json";
import type { CreateOidcProviderInput, CreateSamlProviderInput, MintDemoAssertionInput, MintDemoTokenInput } from "@/lib/domain/identity-provider-schemas";
import type { Tag } from "@/lib/domain/schemas";
import type { IdentityProviderDetails, IdentityProviderListItem } from "@/lib/domain/types";

/** One hook per resource; everything about identity providers sits under ["identity-providers"]. */
const BASE = "/api/console/identity-providers";

export type ProviderListItemDto = Jsonified<IdentityProviderListItem>;
export type ProviderDetailsDto = Jsonified<IdentityProviderDetails>;
export interface ProvidersReply {
  items: ProviderListItemDto[];
  demo: { oidcArn: string | null; samlArn: string | null };
}

export const providerKeys = {
  all: ["identity-providers"] as const,
  list: () => [...providerKeys.all, "list"] as const,
  detail: (arn: string) => [...providerKeys.all, "detail", arn] as const,
};

export const useProvidersQuery = () => useQuery({ queryKey: providerKeys.list(), queryFn: () => fetchJson<ProvidersReply>(BASE) });

export const useProviderQuery = (arn: string | null) =>
  useQuery({ queryKey: providerKeys.detail(arn ?? ""), queryFn: () => fetchJson<ProviderDetailsDto>(withQuery(`${BASE}/provider`, { arn: arn ?? "" })), enabled: !!arn });

/** A change to providers refreshes every provider view (the list, the pages, the demo tools). */
function useProviderMutation<I, O = unknown>(call: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: call, onSuccess: () => qc.invalidateQueries({ queryKey: providerKeys.all }) });
}

const send = <O = unknown>(method: string, path: string) => (body: unknown) => fetchJson<O>(`${BASE}${path}`, { method, body });

export const useCreateOidcProviderMutation = () => useProviderMutation<CreateOidcProviderInput, { arn: string }>(send("POST", "/oidc"));
export const useCreateSamlProviderMutation = () => useProviderMutation<CreateSamlProviderInput, { arn: string }>(send("POST", "/saml"));
export const useDeleteProviderMutation = () => useProviderMutation<string>((arn) => fetchJson(withQuery(`${BASE}/provider`, { arn }), { method: "DELETE" }));
export const useProviderTagsMutation = (arn: string) => useProviderMutation<Tag[]>((Tags) => send("PUT", "/provider/tags")({ Arn: arn, Tags }));
export const useAddClientIdMutation = (arn: string) => useProviderMutation<string>((ClientID) => send("POST", "/oidc/client-ids")({ OpenIDConnectProviderArn: arn, ClientID }));
export const useRemoveClientIdMutation = (arn: string) => useProviderMutation<string>((ClientID) => send("DELETE", "/oidc/client-ids")({ OpenIDConnectProviderArn: arn, ClientID }));
export const useThumbprintsMutation = (arn: string) => useProviderMutation<string[]>((ThumbprintList) => send("PUT", "/oidc/thumbprints")({ OpenIDConnectProviderArn: arn, ThumbprintList }));
export const useJwksMutation = (arn: string) => useProviderMutation<string>((Jwks) => send("PUT", "/oidc/jwks")({ OpenIDConnectProviderArn: arn, Jwks }));
export const useFetchJwksMutation = (arn: string) => useProviderMutation<void>(() => send("POST", "/oidc/jwks/fetch")({ OpenIDConnectProviderArn: arn }));
export const useSamlMetadataMutation = (arn: string) => useProviderMutation<string>((SAMLMetadataDocument) => send("PUT", "/saml/metadata")({ SAMLProviderArn: arn, SAMLMetadataDocument }));
export const useRegisterDemoMutation = (kind: "oidc" | "saml") => useProviderMutation<void, { arn: string }>(() => fetchJson(`${BASE}/demo/${kind}`, { method: "POST" }));

/** Minting changes nothing stored: no invalidation. */
export const useMintTokenMutation = () => useMutation({ mutationFn: (input: MintDemoTokenInput) => fetchJson<{ token: string; expiresAt: string; issuer: string }>(`${BASE}/demo/oidc/token`, { method: "POST", body: input }) });
export const useMintAssertionMutation = () =>
  useMutation({ mutationFn: (input: MintDemoAssertionInput) => fetchJson<{ samlAssertion: string; expiresAt: string; principalArn: string }>(`${BASE}/demo/saml/assertion`, { method: "POST", body: input }) });
