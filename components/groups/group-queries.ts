"use client";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson, withQuery, type Jsonified } from "@/components/api/fetch-json";
import { policyKeys } from "@/components/policies/policy-queries";
import { principalApi, principalKeys } from "@/components/permissions/principal-queries";
import type { CreateGroupInput } from "@/lib/domain/schemas";
import type { GroupListItem, GroupMember, IamGroup, InheritedPolicy } from "@/lib/domain/types";
import type { GroupsListState } from "./routes";

export type GroupDto = Jsonified<IamGroup>;
export type GroupListItemDto = Jsonified<GroupListItem>;
export type GroupMemberDto = Jsonified<GroupMember>;
/** A group as a user's Groups tab lists it, with when the user joined. */
export type UserGroupDto = GroupListItemDto & { addedAt: string };

interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
export type GroupsPage = Page<GroupListItemDto>;
export type MembersPage = Page<GroupMemberDto>;

export const GROUPS_PAGE_SIZE = 25;
export const MEMBERS_PAGE_SIZE = 25;
const api = (name: string, rest = "") => principalApi("group", name, rest);
const userGroupsApi = (userName: string) => principalApi("user", userName, "/groups");

/** Query keys: everything about one group sits under ["groups", "detail", name], so one invalidation refreshes it. */
const keys = principalKeys("group");
export const groupKeys = {
  ...keys,
  list: (s: GroupsListState) => [...keys.lists(), s] as const,
  members: (name: string, page: number) => [...keys.detail(name), "members", page] as const,
  ofUser: (userName: string) => [...principalKeys("user").detail(userName), "groups"] as const,
  policiesOfUser: (userName: string) => [...principalKeys("user").detail(userName), "group-policies"] as const,
};

export const useGroupsQuery = (s: GroupsListState) =>
  useQuery({
    queryKey: groupKeys.list(s),
    queryFn: () =>
      fetchJson<GroupsPage>(withQuery("/api/console/groups", { search: s.search, path: s.path, sort: s.sort, order: s.order, page: s.page, pageSize: GROUPS_PAGE_SIZE })),
    placeholderData: keepPreviousData,
  });

export const useGroupQuery = (name: string) => useQuery({ queryKey: groupKeys.detail(name), queryFn: () => fetchJson<GroupDto>(api(name)) });

export const useGroupMembersQuery = (name: string, page: number) =>
  useQuery({
    queryKey: groupKeys.members(name, page),
    queryFn: () => fetchJson<MembersPage>(withQuery(api(name, "/members"), { page, pageSize: MEMBERS_PAGE_SIZE })),
    placeholderData: keepPreviousData,
  });

export const useUserGroupsQuery = (userName: string) =>
  useQuery({ queryKey: groupKeys.ofUser(userName), queryFn: () => fetchJson<UserGroupDto[]>(userGroupsApi(userName)) });

export const useUserGroupPoliciesQuery = (userName: string) =>
  useQuery({ queryKey: groupKeys.policiesOfUser(userName), queryFn: () => fetchJson<InheritedPolicy[]>(principalApi("user", userName, "/group-policies")) });

/**
 * A membership or a group's life changes groups, the users in them (their Groups tabs and counts) and, when a
 * group goes with its policies, the policies' attachment counts.
 */
function useGroupChange<V, R = void>(fn: (v: V) => Promise<R>, leaves?: (v: V) => string | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    // The page of a group deleted or renamed is left, not refetched into "no such group" on the way out.
    onSuccess: (_r, v) => {
      const left = leaves?.(v);
      if (left !== undefined) qc.removeQueries({ queryKey: keys.detail(left) });
    },
    onSettled: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: keys.all }),
        qc.invalidateQueries({ queryKey: principalKeys("user").all }),
        qc.invalidateQueries({ queryKey: policyKeys.all }),
      ]),
  });
}

export const useCreateGroupMutation = () => useGroupChange((input: CreateGroupInput) => fetchJson<GroupDto>("/api/console/groups", { method: "POST", body: input }));

export const useUpdateGroupMutation = (name: string) =>
  useGroupChange(
    (v: { NewGroupName?: string; NewPath?: string }) => fetchJson<GroupDto>(api(name), { method: "PATCH", body: v }),
    (v) => (v.NewGroupName ? name : undefined),
  );

/** `withDependents` is the console's "remove members and policies too". */
export const useDeleteGroupMutation = (name: string) =>
  useGroupChange((withDependents: boolean) => fetchJson(withQuery(api(name), { withDependents: withDependents ? "true" : undefined }), { method: "DELETE" }), () => name);

export const useAddMembersMutation = (name: string) =>
  useGroupChange((UserNames: string[]) => fetchJson(api(name, "/members"), { method: "POST", body: { UserNames } }));

export const useAddToGroupsMutation = (userName: string) =>
  useGroupChange((GroupNames: string[]) => fetchJson(userGroupsApi(userName), { method: "POST", body: { GroupNames } }));

/** RemoveUserFromGroup, from either side. */
export const useRemoveMemberMutation = () =>
  useGroupChange(({ group, user }: { group: string; user: string }) => fetchJson(api(group, `/members/${encodeURIComponent(user)}`), { method: "DELETE" }));
