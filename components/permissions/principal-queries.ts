"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson, withQuery } from "@/components/api/fetch-json";
import { policyKeys } from "@/components/policies/policy-queries";
import type { PrincipalKind } from "@/lib/domain/principal-kinds";
import type { InlinePolicyInput, Tag } from "@/lib/domain/schemas";
import type { AttachedPolicy, InlinePolicy } from "@/lib/domain/types";

/** The console API of one principal: `/api/console/roles/<name>…`, `/api/console/users/<name>…`, `/api/console/groups/<name>…`. */
export const principalApi = (kind: PrincipalKind, name: string, rest = "") => `/api/console/${kind}s/${encodeURIComponent(name)}${rest}`;

/**
 * Query keys of a principal kind: everything about one principal sits under [`<kind>s`, "detail", name], so one
 * invalidation refreshes all its tabs.
 */
export function principalKeys(kind: PrincipalKind) {
  const all = [`${kind}s`] as const;
  const detail = (name: string) => [...all, "detail", name] as const;
  return {
    all,
    lists: () => [...all, "list"] as const,
    detail,
    attached: (name: string) => [...detail(name), "attached"] as const,
    inline: (name: string) => [...detail(name), "inline"] as const,
  };
}

/** Kinds whose pages show another kind's policies: a user's page lists the policies of its groups. */
const SHOWN_WITH: Partial<Record<PrincipalKind, PrincipalKind>> = { group: "user" };

/**
 * A change to one principal refreshes it (all its tabs), every list it may appear in, the pages that show its
 * policies, and policies when attachments or boundaries move (a policy page counts and lists its entities).
 */
export function usePrincipalMutation<V = void, R = void>(kind: PrincipalKind, name: string, fn: (v: V) => Promise<R>, opts: { policies?: boolean } = {}) {
  const qc = useQueryClient();
  const keys = principalKeys(kind);
  const shownWith = SHOWN_WITH[kind];
  return useMutation({
    mutationFn: fn,
    onSettled: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: keys.detail(name) }),
        qc.invalidateQueries({ queryKey: keys.lists() }),
        shownWith && qc.invalidateQueries({ queryKey: principalKeys(shownWith).all }),
        opts.policies && qc.invalidateQueries({ queryKey: policyKeys.all }),
      ]),
  });
}

export const useAttachedPoliciesQuery = (kind: PrincipalKind, name: string) =>
  useQuery({ queryKey: principalKeys(kind).attached(name), queryFn: () => fetchJson<AttachedPolicy[]>(principalApi(kind, name, "/attached-policies")) });

export const useInlinePoliciesQuery = (kind: PrincipalKind, name: string) =>
  useQuery({ queryKey: principalKeys(kind).inline(name), queryFn: () => fetchJson<InlinePolicy[]>(principalApi(kind, name, "/inline-policies")) });

const inlineApi = (kind: PrincipalKind, name: string, policy: string) => principalApi(kind, name, `/inline-policies/${encodeURIComponent(policy)}`);

/** The mutations of a principal's policies and boundary, each refreshing what it changes. */
export function usePermissionMutations(kind: PrincipalKind, name: string) {
  const api = (rest: string) => principalApi(kind, name, rest);
  return {
    attach: usePrincipalMutation(kind, name, (PolicyArn: string) => fetchJson(api("/attached-policies"), { method: "POST", body: { PolicyArn } }), { policies: true }),
    detach: usePrincipalMutation(kind, name, (arn: string) => fetchJson(withQuery(api("/attached-policies"), { arn }), { method: "DELETE" }), { policies: true }),
    putInline: usePrincipalMutation(kind, name, (v: InlinePolicyInput) => fetchJson(inlineApi(kind, name, v.PolicyName), { method: "PUT", body: v })),
    deleteInline: usePrincipalMutation(kind, name, (policyName: string) => fetchJson(inlineApi(kind, name, policyName), { method: "DELETE" })),
    putBoundary: usePrincipalMutation(kind, name, (PermissionsBoundary: string) => fetchJson(api("/permissions-boundary"), { method: "PUT", body: { PermissionsBoundary } }), { policies: true }),
    deleteBoundary: usePrincipalMutation(kind, name, () => fetchJson(api("/permissions-boundary"), { method: "DELETE" }), { policies: true }),
  };
}

/** Saves a principal's whole tag set in one change. */
export const useReplaceTagsMutation = (kind: PrincipalKind, name: string) =>
  usePrincipalMutation(kind, name, (Tags: Tag[]) => fetchJson<Tag[]>(principalApi(kind, name, "/tags"), { method: "PUT", body: { Tags } }));
