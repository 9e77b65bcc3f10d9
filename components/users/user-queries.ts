"use client";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson, withQuery, type Jsonified } from "@/components/api/fetch-json";
import { policyKeys } from "@/components/policies/policy-queries";
import type { IamUser } from "@/lib/iam/types";
import type { CreateUserInput, Tag } from "@/lib/iam/schemas";
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
export const userApi = (name: string, rest = "") => `/api/console/users/${encodeURIComponent(name)}${rest}`;

/** Query keys: everything about one user sits under ["users", "detail", name], so one invalidation refreshes it. */
export const userKeys = {
  all: ["users"] as const,
  lists: () => [...userKeys.all, "list"] as const,
  list: (s: UsersListState) => [...userKeys.lists(), s] as const,
  detail: (name: string) => [...userKeys.all, "detail", name] as const,
  accessKeys: (name: string) => [...userKeys.detail(name), "access-keys"] as const,
  attached: (name: string) => [...userKeys.detail(name), "attached"] as const,
  inline: (name: string) => [...userKeys.detail(name), "inline"] as const,
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

/** A change to one user refreshes that user (all its tabs), every users list, and policies when attachments move. */
export function useUserMutation<V = void, R = void>(name: string, fn: (v: V) => Promise<R>, opts: { policies?: boolean } = {}) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: userKeys.detail(name) }),
        qc.invalidateQueries({ queryKey: userKeys.lists() }),
        opts.policies && qc.invalidateQueries({ queryKey: policyKeys.all }),
      ]),
  });
}

export function useCreateUserMutation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateUserInput) => fetchJson<UserDto>("/api/console/users", { method: "POST", body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: userKeys.lists() }),
  });
}

export const useReplaceUserTagsMutation = (name: string) =>
  useUserMutation(name, (Tags: Tag[]) => fetchJson<Tag[]>(userApi(name, "/tags"), { method: "PUT", body: { Tags } }));

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
