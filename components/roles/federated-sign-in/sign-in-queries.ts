"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson, type Jsonified } from "@/components/api/fetch-json";
import type { FederatedSignInInput } from "@/lib/domain/sts-schemas";
import type { FederatedSignInResult } from "@/lib/domain/sts-types";
import { roleKeys } from "../role-queries";

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
  let doc: unknown;
  try {
    doc = JSON.parse(trustPolicy);
  } catch {
    return [];
  }
  const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
  const seen = new Map<string, TrustedProvider>();
  for (const st of list((doc as { Statement?: unknown })?.Statement)) {
    const s = st as { Effect?: unknown; Principal?: { Federated?: unknown } };
    if (s?.Effect !== "Allow" || typeof s.Principal !== "object" || s.Principal === null) continue;
    for (const f of list(s.Principal.Federated)) {
      if (typeof f !== "string" || seen.has(f)) continue;
      seen.set(f, { arn: f, kind: /:saml-provider\//.test(f) ? "saml" : /:oidc-provider\//.test(f) ? "oidc" : "web" });
    }
  }
  return [...seen.values()];
}
