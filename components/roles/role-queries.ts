"use client";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson, withQuery, type Jsonified } from "@/components/api/fetch-json";
import type { AttachedPolicy, InlinePolicy, Role, RoleListItem } from "@/lib/iam/types";
import type { CreateRoleInput, Tag } from "@/lib/iam/schemas";
import type { AuditEvent } from "@/lib/iam/audit";
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
const api = (name: string, rest = "") => `/api/console/roles/${encodeURIComponent(name)}${rest}`;

/** Query keys: everything about one role sits under ["roles", "detail", name], so one invalidation refreshes it. */
export const roleKeys = {
  all: ["roles"] as const,
  lists: () => [...roleKeys.all, "list"] as const,
  list: (s: RolesListState) => [...roleKeys.lists(), s] as const,
  detail: (name: string) => [...roleKeys.all, "detail", name] as const,
  attached: (name: string) => [...roleKeys.detail(name), "attached"] as const,
  inline: (name: string) => [...roleKeys.detail(name), "inline"] as const,
  activity: (name: string) => [...roleKeys.detail(name), "activity"] as const,
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

export const useRoleAttachedPoliciesQuery = (name: string) =>
  useQuery({ queryKey: roleKeys.attached(name), queryFn: () => fetchJson<AttachedPolicy[]>(api(name, "/attached-policies")) });

export const useRoleInlinePoliciesQuery = (name: string) =>
  useQuery({ queryKey: roleKeys.inline(name), queryFn: () => fetchJson<InlinePolicy[]>(api(name, "/inline-policies")) });

export const useRoleActivityQuery = (name: string) =>
  useQuery({ queryKey: roleKeys.activity(name), queryFn: () => fetchJson<AuditEventDto[]>(api(name, "/activity")) });

/**
 * A change to one role refreshes that role (all its tabs), every list it may appear in, and policies when
 * attachments move (a policy page counts and lists the entities it is attached to).
 */
function useRoleMutation<V = void, R = void>(name: string, fn: (v: V) => Promise<R>, opts: { policies?: boolean } = {}) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: roleKeys.detail(name) }),
        qc.invalidateQueries({ queryKey: roleKeys.lists() }),
        opts.policies && qc.invalidateQueries({ queryKey: policyKeys.all }),
      ]),
  });
}

export function useCreateRoleMutation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateRoleInput) => fetchJson<RoleDto>("/api/console/roles", { method: "POST", body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: roleKeys.lists() }),
  });
}

export const useUpdateRoleMutation = (name: string) =>
  useRoleMutation(name, (v: { Description?: string; MaxSessionDuration?: number }) => fetchJson<RoleDto>(api(name), { method: "PATCH", body: v }));

export const useUpdateTrustPolicyMutation = (name: string) =>
  useRoleMutation(name, (v: { PolicyDocument: string; ExpectedVersion?: number }) =>
    fetchJson<RoleDto>(api(name, "/trust-policy"), { method: "PUT", body: v }),
  );

export const useReplaceTagsMutation = (name: string) =>
  useRoleMutation(name, (Tags: Tag[]) => fetchJson<Tag[]>(api(name, "/tags"), { method: "PUT", body: { Tags } }));

export const useAttachPolicyMutation = (name: string) =>
  useRoleMutation(name, (PolicyArn: string) => fetchJson(api(name, "/attached-policies"), { method: "POST", body: { PolicyArn } }), { policies: true });

export const useDetachPolicyMutation = (name: string) =>
  useRoleMutation(name, (arn: string) => fetchJson(withQuery(api(name, "/attached-policies"), { arn }), { method: "DELETE" }), { policies: true });

export const usePutInlinePolicyMutation = (name: string) =>
  useRoleMutation(name, (v: { PolicyName: string; PolicyDocument: string }) =>
    fetchJson(api(name, `/inline-policies/${encodeURIComponent(v.PolicyName)}`), { method: "PUT", body: v }),
  );

export const useDeleteInlinePolicyMutation = (name: string) =>
  useRoleMutation(name, (policyName: string) => fetchJson(api(name, `/inline-policies/${encodeURIComponent(policyName)}`), { method: "DELETE" }));

export const usePutBoundaryMutation = (name: string) =>
  useRoleMutation(name, (PermissionsBoundary: string) => fetchJson(api(name, "/permissions-boundary"), { method: "PUT", body: { PermissionsBoundary } }), {
    policies: true,
  });

export const useDeleteBoundaryMutation = (name: string) =>
  useRoleMutation(name, () => fetchJson(api(name, "/permissions-boundary"), { method: "DELETE" }), { policies: true });

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
