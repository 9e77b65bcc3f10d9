"use client";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson, withQuery, type Jsonified } from "@/components/api/fetch-json";
import { policyKeys } from "@/components/policies/policy-queries";
import type { IamUser } from "@/lib/domain/types";
import type { CreateUserInput } from "@/lib/domain/schemas";
import { principalApi, principalKeys } from "@/components/permissions/principal-queries";
import type { UserListItem } from "./user-types";
import type { UsersListState } from "./routes";

export type UserDto = Jsonified<IamUser>;
export type UserListItemDto = Jsonified<UserListItem>;
export interface UsersPage {
  items: UserListItemDto[];
  total: number;
  page: number;
  pageSize: number;
}

export const USERS_PAGE_SIZE = 25;
export const userApi = (name: string, rest = "") => principalApi("user", name, rest);

/** Query keys: everything about one user sits under ["users", "detail", name], so one invalidation refreshes it. */
const keys = principalKeys("user");
export const userKeys = {
  ...keys,
  list: (s: UsersListState) => [...keys.lists(), s] as const,
  accessKeys: (name: string) => [...keys.detail(name), "access-keys"] as const,
};

export const useUsersQuery = (s: UsersListState) =>
  useQuery({
    queryKey: userKeys.list(s),
    queryFn: () =>
      fetchJson<UsersPage>(
        withQuery("/api/console/users", { search: s.search, path: s.path, sort: s.sort, order: s.order, page: s.page, pageSize: USERS_PAGE_SIZE }),
      ),
    placeholderData: keepPreviousData,
  });

export const useUserQuery = (name: string) => useQuery({ queryKey: userKeys.detail(name), queryFn: () => fetchJson<UserDto>(userApi(name)) });

export function useCreateUserMutation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateUserInput) => fetchJson<UserDto>("/api/console/users", { method: "POST", body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: userKeys.lists() }),
  });
}

export function useDeleteUserMutation(name: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => fetchJson(userApi(name), { method: "DELETE" }),
    onSuccess: () => {
      qc.removeQueries({ queryKey: userKeys.detail(name) });
      return Promise.all([qc.invalidateQueries({ queryKey: userKeys.lists() }), qc.invalidateQueries({ queryKey: policyKeys.all })]);
    },
  });
}
