import { readListSort, writeListSort, type ListSort } from "@/components/ui/list-sort";
import { ROLE_SORTS, type RoleSort } from "@/lib/domain/list-sorts";

/** Typed, linkable console URLs for roles: tabs and list state live in the URL. */
export const ROLE_TABS = ["permissions", "trust", "access", "tags", "sessions", "activity"] as const;
export type RoleTab = (typeof ROLE_TABS)[number];

export const ROLE_TAB_LABELS: Record<RoleTab, string> = {
  permissions: "Permissions",
  trust: "Trust relationships",
  access: "Access",
  tags: "Tags",
  sessions: "Sessions",
  activity: "Activity",
};

export const isRoleTab = (t: string | undefined): t is RoleTab => (ROLE_TABS as readonly string[]).includes(t ?? "");

export function toRole({ name, tab }: { name: string; tab?: RoleTab }): string {
  const base = `/roles/${encodeURIComponent(name)}`;
  return tab && tab !== "permissions" ? `${base}/${tab}` : base;
}

export interface RolesListState extends Partial<ListSort<RoleSort>> {
  search?: string;
  path?: string;
  page?: number;
}

export function toRoles(s: RolesListState = {}): string {
  const q = new URLSearchParams();
  if (s.search) q.set("search", s.search);
  if (s.path) q.set("path", s.path);
  writeListSort(q, s, ROLE_SORTS);
  if (s.page && s.page > 1) q.set("page", String(s.page));
  const str = q.toString();
  return str ? `/roles?${str}` : "/roles";
}

export function readRolesListState(params: URLSearchParams): RolesListState & ListSort<RoleSort> & { page: number } {
  return {
    search: params.get("search") ?? undefined,
    path: params.get("path") ?? undefined,
    ...readListSort(params, ROLE_SORTS),
    page: Math.max(1, Number.parseInt(params.get("page") ?? "1", 10) || 1),
  };
}

export const toNewRole = () => "/roles/new";
