import { readListSort, writeListSort, type ListSort } from "@/components/ui/list-sort";
import { USER_SORTS, type UserSort } from "@/lib/domain/list-sorts";

/** Typed, linkable console URLs for IAM users: tabs and list state live in the URL. */
export const USER_TABS = ["permissions", "groups", "can-assume", "security-credentials", "tags"] as const;
export type UserTab = (typeof USER_TABS)[number];

export const USER_TAB_LABELS: Record<UserTab, string> = {
  permissions: "Permissions",
  groups: "Groups",
  "can-assume": "Can assume",
  "security-credentials": "Security credentials",
  tags: "Tags",
};

/** Tabs that moved: links to the old Access tab open Can assume. */
const MOVED = new Map<string, UserTab>([["access", "can-assume"]]);
export const movedUserTab = (t: string | undefined): UserTab | undefined => MOVED.get(t ?? "");

export const isUserTab = (t: string | undefined | null): t is UserTab => (USER_TABS as readonly string[]).includes(t ?? "");

export function toUser({ name, tab }: { name: string; tab?: UserTab }): string {
  const base = `/users/${encodeURIComponent(name)}`;
  return tab && tab !== "permissions" ? `${base}/${tab}` : base;
}

export interface UsersListState extends Partial<ListSort<UserSort>> {
  search?: string;
  path?: string;
  page?: number;
}

export function toUsers(s: UsersListState = {}): string {
  const q = new URLSearchParams();
  if (s.search) q.set("search", s.search);
  if (s.path) q.set("path", s.path);
  writeListSort(q, s, USER_SORTS);
  if (s.page && s.page > 1) q.set("page", String(s.page));
  const str = q.toString();
  return str ? `/users?${str}` : "/users";
}

export function readUsersListState(params: URLSearchParams): UsersListState & ListSort<UserSort> & { page: number } {
  return {
    search: params.get("search") ?? undefined,
    path: params.get("path") ?? undefined,
    ...readListSort(params, USER_SORTS),
    page: Math.max(1, Number.parseInt(params.get("page") ?? "1", 10) || 1),
  };
}

/** Route params may arrive still percent-encoded; IAM names never contain "%", so decoding twice is harmless. */
export const decodeName = (raw: string) => {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
};
