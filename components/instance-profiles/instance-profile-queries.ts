"use client";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson, withQuery, type Jsonified } from "@/components/api/fetch-json";
import { principalApi } from "@/components/permissions/principal-queries";
import { roleKeys } from "@/components/roles/role-queries";
import type { CreateInstanceProfileInput } from "@/lib/domain/schemas";
import type { InstanceProfile } from "@/lib/domain/types";
import type { InstanceProfilesListState } from "./routes";

export type InstanceProfileDto = Jsonified<InstanceProfile>;
export interface InstanceProfilesPage {
  items: InstanceProfileDto[];
  total: number;
  page: number;
  pageSize: number;
}

export const INSTANCE_PROFILES_PAGE_SIZE = 25;
const api = (name: string, rest = "") => `/api/console/instance-profiles/${encodeURIComponent(name)}${rest}`;

/** Query keys: every list of profiles under ["instance-profiles"]; a role's own under its role detail. */
export const instanceProfileKeys = {
  all: ["instance-profiles"] as const,
  list: (s: InstanceProfilesListState) => [...instanceProfileKeys.all, "list", s] as const,
  forRole: (roleName: string) => [...roleKeys.detail(roleName), "instance-profiles"] as const,
};

export const useInstanceProfilesQuery = (s: InstanceProfilesListState, pageSize = INSTANCE_PROFILES_PAGE_SIZE) =>
  useQuery({
    queryKey: [...instanceProfileKeys.list(s), pageSize],
    queryFn: () =>
      fetchJson<InstanceProfilesPage>(
        withQuery("/api/console/instance-profiles", { search: s.search, path: s.path, sort: s.sort, order: s.order, page: s.page, pageSize }),
      ),
    placeholderData: keepPreviousData,
  });

export const useRoleInstanceProfilesQuery = (roleName: string) =>
  useQuery({ queryKey: instanceProfileKeys.forRole(roleName), queryFn: () => fetchJson<InstanceProfileDto[]>(principalApi("role", roleName, "/instance-profiles")) });

/** A profile change refreshes every profile list and the roles whose profiles it touched (all role details). */
function useProfileMutation<V, R = unknown>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => Promise.all([qc.invalidateQueries({ queryKey: instanceProfileKeys.all }), qc.invalidateQueries({ queryKey: roleKeys.all })]),
  });
}

export const useCreateInstanceProfileMutation = () =>
  useProfileMutation((input: CreateInstanceProfileInput & { RoleName?: string }) =>
    fetchJson<InstanceProfileDto>("/api/console/instance-profiles", { method: "POST", body: input }),
  );

export const useDeleteInstanceProfileMutation = () =>
  useProfileMutation(({ name, removeRole }: { name: string; removeRole: boolean }) =>
    fetchJson(withQuery(api(name), { removeRole: removeRole ? "true" : undefined }), { method: "DELETE" }),
  );

export const useAddRoleToProfileMutation = () =>
  useProfileMutation(({ profile, roleName }: { profile: string; roleName: string }) => fetchJson(api(profile, "/role"), { method: "PUT", body: { RoleName: roleName } }));

export const useRemoveRoleFromProfileMutation = () =>
  useProfileMutation(({ profile, roleName }: { profile: string; roleName: string }) =>
    fetchJson(withQuery(api(profile, "/role"), { roleName }), { method: "DELETE" }),
  );
