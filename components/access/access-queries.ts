import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/api/fetch-json";
import { principalApi, principalKeys } from "@/components/permissions/principal-queries";
import type { CanAssume, WhoCanAssume } from "@/lib/access/access-graph";
import type { AccountAccessAnalysis } from "@/lib/access/account-access";
import type { DirectAccess } from "@/lib/access/assume-access";
import type { StatementEvidence } from "@/lib/domain/access-evidence-types";

/** The deciding statements' documents and lines, and every chain hop that is not a direct access already. */
export type AccessEvidenceDto = StatementEvidence & { hops: DirectAccess[] };

export interface RoleAccessDto {
  arn: string;
  whoCanAssume: WhoCanAssume;
  canAssume: CanAssume;
  evidence: AccessEvidenceDto;
}
export interface UserAccessDto {
  arn: string;
  canAssume: CanAssume;
  evidence: AccessEvidenceDto;
}

/** Who can assume what (Roleplane's analysis). Any change may alter it, so it is never kept stale. */
export const useRoleAccessQuery = (name: string) =>
  useQuery({ queryKey: [...principalKeys("role").detail(name), "access"], queryFn: () => fetchJson<RoleAccessDto>(principalApi("role", name, "/access")), staleTime: 0 });

export const useUserAccessQuery = (name: string) =>
  useQuery({ queryKey: [...principalKeys("user").detail(name), "access"], queryFn: () => fetchJson<UserAccessDto>(principalApi("user", name, "/access")), staleTime: 0 });

/** The account's findings and roles table (Roleplane's analysis); the account is part of the key, so switching refetches. */
export const useAccessAnalysisQuery = (accountId: string) =>
  useQuery({ queryKey: ["access-analysis", accountId], queryFn: () => fetchJson<AccountAccessAnalysis>("/api/console/access-analysis"), staleTime: 0 });
