import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/api/fetch-json";
import { principalApi, principalKeys } from "@/components/permissions/principal-queries";
import type { AccessAnswer, AccessDirection, AccessGroup, AccessGroupPage, AccessSort, RowEvidenceAnswer } from "@/lib/access/access-pages";
import type { AccountAccessAnalysis } from "@/lib/access/account-access";

/** How a tab shows its rows: the search text and the sort, the same for its three groups. */
export interface AccessView {
  q: string;
  sort: AccessSort;
  order: "asc" | "desc";
}

export interface AccessOwnerRef {
  kind: "role" | "user";
  name: string;
  direction: AccessDirection;
}

function accessUrl({ kind, name, direction }: AccessOwnerRef, rest: string, params: Record<string, string | number | undefined>) {
  const q = new URLSearchParams();
  if (kind === "role") q.set("direction", direction);
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") q.set(k, String(v));
  return principalApi(kind, name, `${rest}?${q}`);
}

const accessKey = (owner: AccessOwnerRef) => [...principalKeys(owner.kind).detail(owner.name), "access", owner.direction];

/**
 * Every group's count and first page (Roleplane's analysis). Any change may alter it, so it is never kept stale;
 * while a new search or sort loads, the last answer stays on screen.
 */
export const useAccessAnswerQuery = (owner: AccessOwnerRef, view: AccessView) =>
  useQuery({
    queryKey: [...accessKey(owner), view],
    queryFn: () => fetchJson<AccessAnswer>(accessUrl(owner, "/access", { ...view })),
    staleTime: 0,
    placeholderData: keepPreviousData,
  });

/** One group's next page, for Show more. */
export const fetchAccessPage = async (owner: AccessOwnerRef, view: AccessView, group: AccessGroup, offset: number): Promise<AccessGroupPage> =>
  (await fetchJson<AccessAnswer>(accessUrl(owner, "/access", { ...view, group, offset }))).groups[group]!;

/** The evidence of an opened row: each hop's access and its statements' documents and lines. */
export const useRowEvidenceQuery = (owner: AccessOwnerRef, group: AccessGroup, subject: string) =>
  useQuery({
    queryKey: [...accessKey(owner), "evidence", group, subject],
    queryFn: () => fetchJson<RowEvidenceAnswer>(accessUrl(owner, "/access/evidence", { group, subject })),
    staleTime: 0,
  });

/** The account's findings and roles table (Roleplane's analysis); the account is part of the key, so switching refetches. */
export const useAccessAnalysisQuery = (accountId: string) =>
  useQuery({ queryKey: ["access-analysis", accountId], queryFn: () => fetchJson<AccountAccessAnalysis>("/api/console/access-analysis"), staleTime: 0 });
