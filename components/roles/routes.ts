import { readListSort, writeListSort, type ListSort } from "@/components/ui/list-sort";
import { ROLE_SORTS, type RoleSort } from "@/lib/domain/list-sorts";
import type { AssumeCaller } from "@/lib/domain/console-assume";

/** Typed, linkable console URLs for roles: tabs and list state live in the URL. */
export const ROLE_TABS = ["permissions", "trust", "who-can-assume", "can-assume", "tags", "sessions", "activity"] as const;
export type RoleTab = (typeof ROLE_TABS)[number];

export const ROLE_TAB_LABELS: Record<RoleTab, string> = {
  permissions: "Permissions",
  trust: "Trust relationships",
  "who-can-assume": "Who can assume",
  "can-assume": "Can assume",
  tags: "Tags",
  sessions: "Sessions",
  activity: "Activity",
};

/** Tabs that moved: links to the old Access tab open Who can assume. */
const MOVED = new Map<string, RoleTab>([["access", "who-can-assume"]]);
export const movedRoleTab = (t: string | undefined): RoleTab | undefined => MOVED.get(t ?? "");

export const isRoleTab = (t: string | undefined): t is RoleTab => (ROLE_TABS as readonly string[]).includes(t ?? "");

export function toRole({ name, tab }: { name: string; tab?: RoleTab }): string {
  const base = `/roles/${encodeURIComponent(name)}`;
  return tab && tab !== "permissions" ? `${base}/${tab}` : base;
}

/**
 * The Assume role page; the caller chosen (`?user=<ARN>` or `?session=<ASIA… key id>`) is part of the URL, so
 * "assume this role as alice" can be linked and reloaded.
 */
export function toAssumeRole({ name, caller }: { name: string; caller?: AssumeCaller | null }): string {
  const base = `/roles/${encodeURIComponent(name)}/assume`;
  if (!caller) return base;
  const q = new URLSearchParams(caller.kind === "user" ? { user: caller.arn } : { session: caller.accessKeyId });
  return `${base}?${q}`;
}

export function readAssumeCaller(params: URLSearchParams): AssumeCaller | null {
  const user = params.get("user");
  if (user) return { kind: "user", arn: user };
  const session = params.get("session");
  return session ? { kind: "session", accessKeyId: session } : null;
}

/** The Sessions tab's view: a filter over session name, ARN, caller and source identity, the status shown, the order. */
export const SESSION_SORTS = ["issuedAt", "expiresAt"] as const;
export interface SessionsViewState {
  search?: string;
  status?: "active" | "all";
  sort?: (typeof SESSION_SORTS)[number];
  /** Newest first unless `asc`. */
  order?: "asc" | "desc";
}

export function toRoleSessions(name: string, s: SessionsViewState = {}): string {
  const q = new URLSearchParams();
  if (s.search) q.set("search", s.search);
  if (s.status === "active") q.set("status", "active");
  if (s.sort && s.sort !== "issuedAt") q.set("sort", s.sort);
  if (s.order === "asc") q.set("order", "asc");
  const str = q.toString();
  return `${toRole({ name, tab: "sessions" })}${str ? `?${str}` : ""}`;
}

export function readSessionsViewState(params: URLSearchParams): Required<Omit<SessionsViewState, "search">> & { search: string } {
  const sort = params.get("sort");
  return {
    search: params.get("search") ?? "",
    status: params.get("status") === "active" ? "active" : "all",
    sort: sort === "expiresAt" ? "expiresAt" : "issuedAt",
    order: params.get("order") === "asc" ? "asc" : "desc",
  };
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

/** The role's federated sign-in page (Roleplane's own): a token or assertion from a provider its trust policy names. */
export const toFederatedSignIn = (name: string) => `/roles/${encodeURIComponent(name)}/federated-sign-in`;
