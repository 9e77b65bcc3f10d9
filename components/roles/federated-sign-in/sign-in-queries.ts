"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson, type Jsonified } from "@/components/api/fetch-json";
import type { FederatedSignInInput } from "@/lib/domain/sts-schemas";
import type { FederatedSignInResult } from "@/lib/domain/sts-types";
import { roleKeys } from "../role-queries";
import { trustedEntities } from "../trusted-entities";

export type SignInResultDto = Jsonified<FederatedSignInResult>;

/** Signing in issues a session and an audit event: the role's views (activity, last used) refresh. */
export function useFederatedSignInMutation(roleName: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: FederatedSignInInput) => fetchJson<SignInResultDto>(`/api/console/roles/${encodeURIComponent(roleName)}/federated-sign-in`, { method: "POST", body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: roleKeys.detail(roleName) }),
  });
}

/** The identity providers a trust policy's Allow statements name (`Principal.Federated`), for choosing one to sign in with. */
export interface TrustedProvider {
  arn: string;
  kind: "oidc" | "saml" | "web";
}

export function trustedProviders(trustPolicy: string): TrustedProvider[] {
  const arns = new Set(trustedEntities(trustPolicy).flatMap((e) => (e.kind === "federated" && e.value ? [e.value] : [])));
  return [...arns].map((arn) => ({ arn, kind: /:saml-provider\//.test(arn) ? "saml" : /:oidc-provider\//.test(arn) ? "oidc" : "web" }));
}
