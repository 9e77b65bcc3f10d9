"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson, withQuery, type Jsonified } from "@/components/api/fetch-json";
import { principalApi } from "@/components/permissions/principal-queries";
import type { CreateServiceLinkedRoleInput } from "@/lib/domain/schemas";
import type { ServiceLinkedRoleDeletion } from "@/lib/domain/types";
import { roleKeys, type RoleDto } from "../role-queries";

export type DeletionDto = Jsonified<ServiceLinkedRoleDeletion>;

const finished = (d: DeletionDto | null | undefined) => d?.status === "SUCCEEDED" || d?.status === "FAILED";
/** How often a running deletion is asked about; the task takes a few seconds. */
const POLL_MS = 1_000;

export const deletionKeys = {
  task: (taskId: string) => ["service-linked-deletions", taskId] as const,
  latest: (roleName: string) => [...roleKeys.detail(roleName), "service-linked-deletion"] as const,
};

export function useCreateServiceLinkedRoleMutation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateServiceLinkedRoleInput) => fetchJson<RoleDto>("/api/console/service-linked-roles", { method: "POST", body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: roleKeys.lists() }),
  });
}

/** DeleteServiceLinkedRole: answers the task id to follow. */
export function useDeleteServiceLinkedRoleMutation(roleName: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => fetchJson<{ deletionTaskId: string }>(principalApi("role", roleName, "/service-linked-deletion"), { method: "POST" }),
    onSuccess: () => qc.invalidateQueries({ queryKey: deletionKeys.latest(roleName) }),
  });
}

/**
 * GetServiceLinkedRoleDeletionStatus, asked every second until the task has SUCCEEDED or FAILED. When it
 * succeeds the role is gone: the role lists are refreshed.
 */
export function useDeletionStatusQuery(taskId: string | null) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: deletionKeys.task(taskId ?? ""),
    enabled: !!taskId,
    queryFn: async () => {
      const d = await fetchJson<DeletionDto>(withQuery("/api/console/service-linked-role-deletions", { taskId: taskId ?? undefined }));
      if (d.status === "SUCCEEDED") await qc.invalidateQueries({ queryKey: roleKeys.lists() });
      return d;
    },
    refetchInterval: (q) => (finished(q.state.data) ? false : POLL_MS),
  });
}

/** The role's latest deletion task, so the role page shows one still running after a reload. */
export const useLatestDeletionQuery = (roleName: string, enabled: boolean) =>
  useQuery({
    queryKey: deletionKeys.latest(roleName),
    enabled,
    queryFn: () => fetchJson<DeletionDto | null>(principalApi("role", roleName, "/service-linked-deletion")),
  });
