import { readListSort, writeListSort, type ListSort } from "@/components/ui/list-sort";
import { INSTANCE_PROFILE_SORTS, type InstanceProfileSort } from "@/lib/domain/list-sorts";

/** Typed, linkable console URLs for instance profiles: list state lives in the URL. */
export interface InstanceProfilesListState extends Partial<ListSort<InstanceProfileSort>> {
  search?: string;
  path?: string;
  page?: number;
}

export function toInstanceProfiles(s: InstanceProfilesListState = {}): string {
  const q = new URLSearchParams();
  if (s.search) q.set("search", s.search);
  if (s.path) q.set("path", s.path);
  writeListSort(q, s, INSTANCE_PROFILE_SORTS);
  if (s.page && s.page > 1) q.set("page", String(s.page));
  const str = q.toString();
  return str ? `/instance-profiles?${str}` : "/instance-profiles";
}

export function readInstanceProfilesListState(params: URLSearchParams): InstanceProfilesListState & ListSort<InstanceProfileSort> & { page: number } {
  return {
    search: params.get("search") ?? undefined,
    path: params.get("path") ?? undefined,
    ...readListSort(params, INSTANCE_PROFILE_SORTS),
    page: Math.max(1, Number.parseInt(params.get("page") ?? "1", 10) || 1),
  };
}
