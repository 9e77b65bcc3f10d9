import { readListSort, writeListSort, type ListSort } from "@/components/ui/list-sort";
import { GROUP_SORTS, type GroupSort } from "@/lib/domain/list-sorts";

/** Typed, linkable console URLs for IAM groups: tabs, the members page and list state live in the URL. */
export const GROUP_TABS = ["members", "permissions"] as const;
export type GroupTab = (typeof GROUP_TABS)[number];

export const GROUP_TAB_LABELS: Record<GroupTab, string> = { members: "Members", permissions: "Permissions" };

export const isGroupTab = (t: string | undefined | null): t is GroupTab => (GROUP_TABS as readonly string[]).includes(t ?? "");

/** `/groups/<name>` shows Members; `page` is the members page. */
export function toGroup({ name, tab, page }: { name: string; tab?: GroupTab; page?: number }): string {
  const base = `/groups/${encodeURIComponent(name)}`;
  const path = tab && tab !== "members" ? `${base}/${tab}` : base;
  return page && page > 1 ? `${path}?page=${page}` : path;
}

export interface GroupsListState extends Partial<ListSort<GroupSort>> {
  search?: string;
  path?: string;
  page?: number;
}

export function toGroups(s: GroupsListState = {}): string {
  const q = new URLSearchParams();
  if (s.search) q.set("search", s.search);
  if (s.path) q.set("path", s.path);
  writeListSort(q, s, GROUP_SORTS);
  if (s.page && s.page > 1) q.set("page", String(s.page));
  const str = q.toString();
  return str ? `/groups?${str}` : "/groups";
}

export const readPage = (params: URLSearchParams) => Math.max(1, Number.parseInt(params.get("page") ?? "1", 10) || 1);

export function readGroupsListState(params: URLSearchParams): GroupsListState & ListSort<GroupSort> & { page: number } {
  return {
    search: params.get("search") ?? undefined,
    path: params.get("path") ?? undefined,
    ...readListSort(params, GROUP_SORTS),
    page: readPage(params),
  };
}
