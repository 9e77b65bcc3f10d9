import { readListSort, writeListSort, type ListSort } from "@/components/ui/list-sort";
import { POLICY_SORTS, type PolicySort } from "@/lib/domain/list-sorts";

/**
 * Typed, linkable console URLs for managed policies.
 *
 * A policy is addressed by name — `/policies/<PolicyName>` — because that is what people know, for AWS-managed
 * and customer policies alike; the default tab is Permissions and `/policies/<PolicyName>/<tab>` the others.
 * Names are unique within AWS's catalogue and within an account, but a customer policy may share a name with an
 * AWS-managed one, so links the console builds carry `?scope=aws` or `?scope=local`. Without it the server looks
 * in AWS's catalogue first, then in the account.
 */
export const POLICY_TABS = ["permissions", "versions", "entities"] as const;
export type PolicyTab = (typeof POLICY_TABS)[number];
export type PolicyScope = "aws" | "local";

export const POLICY_TAB_LABELS: Record<PolicyTab, string> = {
  permissions: "Permissions",
  versions: "Policy versions",
  entities: "Entities attached",
};

export const isPolicyTab = (t: string | undefined | null): t is PolicyTab => (POLICY_TABS as readonly string[]).includes(t ?? "");
export const isPolicyScope = (s: string | undefined | null): s is PolicyScope => s === "aws" || s === "local";

export function toPolicy({ name, scope, tab }: { name: string; scope?: PolicyScope; tab?: PolicyTab }): string {
  const base = `/policies/${encodeURIComponent(name)}${tab && tab !== "permissions" ? `/${tab}` : ""}`;
  return scope ? `${base}?scope=${scope}` : base;
}

/** `arn:aws:iam::aws:policy/service-role/X` → `/policies/X?scope=aws`. */
export function toPolicyByArn(arn: string, tab?: PolicyTab): string {
  const name = arn.slice(arn.lastIndexOf("/") + 1);
  return toPolicy({ name, scope: arn.startsWith("arn:aws:iam::aws:") ? "aws" : "local", tab });
}

export type PolicyTypeFilter = "all" | "aws" | "customer";

export interface PoliciesListState extends Partial<ListSort<PolicySort>> {
  search?: string;
  type?: PolicyTypeFilter;
  page?: number;
}

export function toPolicies(s: PoliciesListState = {}): string {
  const q = new URLSearchParams();
  if (s.search) q.set("search", s.search);
  if (s.type && s.type !== "all") q.set("type", s.type);
  writeListSort(q, s, POLICY_SORTS);
  if (s.page && s.page > 1) q.set("page", String(s.page));
  const str = q.toString();
  return str ? `/policies?${str}` : "/policies";
}

export function readPoliciesListState(params: URLSearchParams): PoliciesListState & ListSort<PolicySort> & { type: PolicyTypeFilter; page: number } {
  const type = params.get("type");
  return {
    search: params.get("search") ?? undefined,
    type: type === "aws" || type === "customer" ? type : "all",
    ...readListSort(params, POLICY_SORTS),
    page: Math.max(1, Number.parseInt(params.get("page") ?? "1", 10) || 1),
  };
}

export const SCOPE_OF_TYPE = { all: "All", aws: "AWS", customer: "Local" } as const;
