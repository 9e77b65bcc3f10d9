"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson, type Jsonified } from "@/components/api/fetch-json";
import type { ConsoleUserSummary } from "@/lib/domain/types";

export type ConsoleUserDto = Jsonified<ConsoleUserSummary>;

export const consoleUserKeys = { all: ["console-users"] as const };

export const useConsoleUsersQuery = () =>
  useQuery({ queryKey: consoleUserKeys.all, queryFn: () => fetchJson<ConsoleUserDto[]>("/api/console/console-users") });

export function useEndConsoleSessionsMutation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (email: string) =>
      fetchJson<{ ended: number }>(`/api/console/console-users/${encodeURIComponent(email)}/sessions`, { method: "DELETE" }),
    onSettled: () => qc.invalidateQueries({ queryKey: consoleUserKeys.all }),
  });
}
