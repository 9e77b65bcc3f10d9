import { readListSort, writeListSort, type ListSort } from "@/components/ui/list-sort";
import { FINDING_KINDS, SEVERITIES, type FindingKind, type Severity } from "@/lib/access/findings";

/** The Access analysis page's URL: its filters, sorts and pages live there, so every view can be linked and reloaded. */
export const ROLE_ACCESS_SORTS = ["name", "direct", "conditional", "chained", "findings"] as const;
export type RoleAccessSort = (typeof ROLE_ACCESS_SORTS)[number];

export interface AccessAnalysisState extends ListSort<RoleAccessSort> {
  /** Text over the findings' roles, summaries and evidence. */
  search: string;
  kind: FindingKind | "all";
  severity: Severity | "all";
  findingsPage: number;
  /** Role name search in the roles table. */
  roles: string;
  rolesPage: number;
}

const page = (v: string | null) => Math.max(1, Math.min(1_000_000, Number.parseInt(v ?? "1", 10) || 1));
const oneOf = <T extends string>(list: readonly T[], v: string | null): T | "all" => list.find((x) => x === v) ?? "all";

export function readAccessAnalysisState(params: URLSearchParams): AccessAnalysisState {
  return {
    search: params.get("q") ?? "",
    kind: oneOf(FINDING_KINDS, params.get("kind")),
    severity: oneOf(SEVERITIES, params.get("severity")),
    findingsPage: page(params.get("fpage")),
    roles: params.get("roles") ?? "",
    rolesPage: page(params.get("rpage")),
    ...readListSort(params, ROLE_ACCESS_SORTS),
  };
}

export function toAccessAnalysis(s: Partial<AccessAnalysisState> = {}): string {
  const q = new URLSearchParams();
  if (s.search) q.set("q", s.search);
  if (s.kind && s.kind !== "all") q.set("kind", s.kind);
  if (s.severity && s.severity !== "all") q.set("severity", s.severity);
  if (s.findingsPage && s.findingsPage > 1) q.set("fpage", String(s.findingsPage));
  if (s.roles) q.set("roles", s.roles);
  writeListSort(q, s, ROLE_ACCESS_SORTS);
  if (s.rolesPage && s.rolesPage > 1) q.set("rpage", String(s.rolesPage));
  const str = q.toString();
  return `/access${str ? `?${str}` : ""}`;
}
