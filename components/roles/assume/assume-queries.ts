"use client";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson, withQuery, type Jsonified } from "@/components/api/fetch-json";
import { principalApi, principalKeys, usePrincipalMutation } from "@/components/permissions/principal-queries";
import type {
  AssumeCaller,
  AssumeCallerOption,
  ConsoleAssumeDenied,
  ConsoleAssumeGranted,
  ConsoleAssumeRoleInput,
  RoleSessionView,
} from "@/lib/domain/console-assume";

export type AssumeCallerOptionDto = Jsonified<AssumeCallerOption>;
export type GrantedDto = Jsonified<ConsoleAssumeGranted>;
export type DeniedDto = Jsonified<ConsoleAssumeDenied>;
export type RoleSessionDto = Jsonified<RoleSessionView>;

const roleKeys = principalKeys("role");
export const assumeKeys = {
  callers: ["assume-callers"] as const,
  search: (kind: AssumeCaller["kind"], search: string) => [...assumeKeys.callers, kind, search] as const,
  sessions: (role: string) => [...roleKeys.detail(role), "sessions"] as const,
};

/** Users (of every account) or active role sessions whose name, ARN or key id matches. */
export const useAssumeCallersQuery = (kind: AssumeCaller["kind"], search: string) =>
  useQuery({
    queryKey: assumeKeys.search(kind, search),
    queryFn: () => fetchJson<AssumeCallerOptionDto[]>(withQuery("/api/console/assume-callers", { kind, search })),
    placeholderData: keepPreviousData,
  });

/** The caller named in the URL, looked up exactly (its MFA devices, a session's source identity and expiry). */
export function useAssumeCallerQuery(ref: AssumeCaller | null) {
  const key = ref?.kind === "user" ? ref.arn : (ref?.accessKeyId ?? "");
  const q = useQuery({
    queryKey: assumeKeys.search(ref?.kind ?? "user", key),
    queryFn: () => fetchJson<AssumeCallerOptionDto[]>(withQuery("/api/console/assume-callers", { kind: ref!.kind, search: key })),
    enabled: ref !== null,
  });
  const found = q.data?.find((o) => (o.kind === "user" ? o.arn === key : o.accessKeyId === key));
  return { ...q, data: q.data ? (found ?? null) : undefined };
}

/**
 * The credentials live only in this mutation's result: never in the query cache, dropped (gcTime 0) as soon as the
 * page that shows them goes away. The role, its sessions, activity and the lists refresh after every attempt.
 */
export function useAssumeRoleMutation(role: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ConsoleAssumeRoleInput) => fetchJson<GrantedDto | DeniedDto>(principalApi("role", role, "/assume"), { method: "POST", body: input }),
    gcTime: 0,
    onSettled: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: roleKeys.detail(role) }),
        qc.invalidateQueries({ queryKey: roleKeys.lists() }),
        qc.invalidateQueries({ queryKey: assumeKeys.callers }),
      ]),
  });
}

export const useRoleSessionsQuery = (role: string) =>
  useQuery({ queryKey: assumeKeys.sessions(role), queryFn: () => fetchJson<RoleSessionDto[]>(principalApi("role", role, "/sessions")) });

export const useRevokeSessionMutation = (role: string) =>
  usePrincipalMutation("role", role, (accessKeyId: string) => fetchJson(principalApi("role", role, `/sessions/${encodeURIComponent(accessKeyId)}`), { method: "DELETE" }));

/** AWS's Revoke active sessions: writes the AWSRevokeOlderSessions inline policy, so the Permissions tab refreshes too. */
export const useRevokeActiveSessionsMutation = (role: string) =>
  usePrincipalMutation("role", role, () => fetchJson(principalApi("role", role, "/sessions/revoke-active"), { method: "POST", body: { Acknowledged: true } }));
