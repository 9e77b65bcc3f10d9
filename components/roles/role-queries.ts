"use client";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson, withQuery, type Jsonified } from "@/components/api/fetch-json";
import type { AuditEvent, Role, RoleListItem } from "@/lib/domain/types";
import type { PassRoleAnalysis } from "@/lib/access/pass-role";
import { principalApi, principalKeys, usePrincipalMutation } from "@/components/permissions/principal-queries";
import type { CreateRoleWithPermissionsInput } from "@/lib/domain/schemas";
import type { RolesListState } from "./routes";
import { policyKeys } from "@/components/policies/policy-queries";

export type RoleDto = Jsonified<Role>;
export type RoleListItemDto = Jsonified<RoleListItem>;
export type AuditEventDto = Jsonified<AuditEvent>;
export interface RolesPage {
  items: RoleListItemDto[];
  total: number;
  page: number;
  pageSize: number;
}

export const ROLES_PAGE_SIZE = 25;
const api = (name: string, rest = "") => principalApi("role", name, rest);

/** Query keys: everything about one role sits under ["roles", "detail", name], so one invalidation refreshes it. */
const keys = principalKeys("role");
export const roleKeys = {
  ...keys,
  list: (s: RolesListState) => [...keys.lists(), s] as const,
  activity: (name: string) => [...keys.detail(name), "activity"] as const,
  passRole: (name: string) => [...keys.detail(name), "pass-role"] as const,
};

export function useRolesQuery(s: RolesListState) {
  return useQuery({
    queryKey: roleKeys.list(s),
    queryFn: () =>
      fetchJson<RolesPage>(
        withQuery("/api/console/roles", { search: s.search, path: s.path, sort: s.sort, order: s.order, page: s.page, pageSize: ROLES_PAGE_SIZE }),
      ),
    placeholderData: keepPreviousData,
  });
}

export const useRoleQuery = (name: string) =>
  useQuery({ queryKey: roleKeys.detail(name), queryFn: () => fetchJson<RoleDto>(api(name)) });

export const useRoleActivityQuery = (name: string) =>
  useQuery({ queryKey: roleKeys.activity(name), queryFn: () => fetchJson<AuditEventDto[]>(api(name, "/activity")) });

/** Who may pass the role to which service (Roleplane's analysis). Any policy change may alter it, so it is never cached. */
export const usePassRoleQuery = (name: string) =>
  useQuery({ queryKey: roleKeys.passRole(name), queryFn: () => fetchJson<PassRoleAnalysis>(api(name, "/pass-role")), staleTime: 0 });

export function useCreateRoleMutation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateRoleWithPermissionsInput) => fetchJson<RoleDto>("/api/console/roles", { method: "POST", body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: roleKeys.lists() }),
  });
}

export const useUpdateRoleMutation = (name: string) =>
  usePrincipalMutation("role", name, (v: { Description?: string; MaxSessionDuration?: number }) => fetchJson<RoleDto>(api(name), { method: "PATCH", body: v }));

export const useUpdateTrustPolicyMutation = (name: string) =>
  usePrincipalMutation("role", name, (v: { PolicyDocument: string; ExpectedVersion?: number }) =>
    fetchJson<RoleDto>(api(name, "/trust-policy"), { method: "PUT", body: v }),
  );

export function useDeleteRoleMutation(name: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (withPolicies: boolean) => fetchJson(withQuery(api(name), { withPolicies: withPolicies ? "true" : undefined }), { method: "DELETE" }),
    onSuccess: () => {
      qc.removeQueries({ queryKey: roleKeys.detail(name) });
      return Promise.all([qc.invalidateQueries({ queryKey: roleKeys.lists() }), qc.invalidateQueries({ queryKey: policyKeys.all })]);
    },
  });
}
