"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { fetchJson, withQuery, type Jsonified } from "@/components/api/fetch-json";
import type { ManagedPolicy, PolicyEntities, PolicyVersion } from "@/lib/domain/types";
import type { PolicyDetail } from "./policy-types";
import type { PolicyScope } from "./routes";
import type { ListSort } from "@/components/ui/list-sort";
import type { PolicySort } from "@/lib/domain/list-sorts";

export type ManagedPolicyDto = Jsonified<ManagedPolicy>;
export type PolicyDetailDto = Jsonified<PolicyDetail>;
export type PolicyVersionDto = Jsonified<PolicyVersion>;
export interface PoliciesPage {
  items: ManagedPolicyDto[];
  total: number;
  page: number;
  pageSize: number;
}
export interface PolicyListState extends Partial<ListSort<PolicySort>> {
  search?: string;
  scope?: "All" | "AWS" | "Local";
  page?: number;
  pageSize?: number;
}
/** A policy as the console addresses it: by name, with the scope when known (see routes.ts). */
export interface PolicyRef {
  name: string;
  scope?: PolicyScope;
}

export const policyApi = (ref: PolicyRef, rest = "") => withQuery(`/api/console/policies/${encodeURIComponent(ref.name)}${rest}`, { scope: ref.scope });

/** Query keys: everything about one policy sits under ["policies", "detail", name, scope]. */
export const policyKeys = {
  all: ["policies"] as const,
  lists: () => [...policyKeys.all, "list"] as const,
  list: (s: PolicyListState) => [...policyKeys.lists(), s] as const,
  details: () => [...policyKeys.all, "detail"] as const,
  detail: (ref: PolicyRef) => [...policyKeys.details(), ref.name, ref.scope ?? "any"] as const,
  versions: (ref: PolicyRef) => [...policyKeys.detail(ref), "versions"] as const,
  entities: (ref: PolicyRef) => [...policyKeys.detail(ref), "entities"] as const,
};

export const usePoliciesQuery = (s: PolicyListState) =>
  useQuery({
    queryKey: policyKeys.list(s),
    queryFn: () =>
      fetchJson<PoliciesPage>(
        withQuery("/api/console/policies", { search: s.search, scope: s.scope, sort: s.sort, order: s.order, page: s.page, pageSize: s.pageSize }),
      ),
    placeholderData: keepPreviousData,
  });

export const usePolicyQuery = (ref: PolicyRef) =>
  useQuery({ queryKey: policyKeys.detail(ref), queryFn: () => fetchJson<PolicyDetailDto>(policyApi(ref)) });

export const usePolicyVersionsQuery = (ref: PolicyRef) =>
  useQuery({ queryKey: policyKeys.versions(ref), queryFn: () => fetchJson<PolicyVersionDto[]>(policyApi(ref, "/versions")) });

export const usePolicyEntitiesQuery = (ref: PolicyRef) =>
  useQuery({ queryKey: policyKeys.entities(ref), queryFn: () => fetchJson<PolicyEntities>(policyApi(ref, "/entities")) });
