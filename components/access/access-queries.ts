import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/api/fetch-json";
import { principalApi, principalKeys } from "@/components/permissions/principal-queries";
import type { CanAssume, WhoCanAssume } from "@/lib/access/access-graph";

export interface RoleAccessDto {
  arn: string;
  whoCanAssume: WhoCanAssume;
  canAssume: CanAssume;
}
export interface UserAccessDto {
  arn: string;
  canAssume: CanAssume;
}

/** Who can assume what (Roleplane's analysis). Any change may alter it, so it is never kept stale. */
export const useRoleAccessQuery = (name: string) =>
  useQuery({ queryKey: [...principalKeys("role").detail(name), "access"], queryFn: () => fetchJson<RoleAccessDto>(principalApi("role", name, "/access")), staleTime: 0 });

export const useUserAccessQuery = (name: string) =>
  useQuery({ queryKey: [...principalKeys("user").detail(name), "access"], queryFn: () => fetchJson<UserAccessDto>(principalApi("user", name, "/access")), staleTime: 0 });
