"use client";
import Link from "next/link";
import { useMemo } from "react";
import { useRouter } from "next/navigation";
import { ChevronRight, ShieldCheck } from "lucide-react";
import { FINDING_KINDS, SEVERITIES, type Finding, type FindingKind, type Severity } from "@/lib/access/findings";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import { ListFilter, ListSearch, ListToolbar, useUrlDraft } from "@/components/ui/list-toolbar";
import { Pagination } from "@/components/ui/pagination";
import { EmptyState } from "@/components/ui/states";
import { toRole } from "@/components/roles/routes";
import { toAccessAnalysis, type AccessAnalysisState } from "./analysis-routes";
import { FindingEvidenceList } from "./finding-evidence";

export const FINDING_LABELS: Record<FindingKind, string> = {
  "wildcard-principal": "Anyone or a wildcard can assume",
  "cross-account": "Another account, no external ID or MFA",
  "chain-to-admin": "Chain to an administrator role",
  "missing-principal": "Trust names a deleted principal",
  unassumable: "Nobody can assume",
  unused: "Unused for 90 days",
};
const SEVERITY_TONE = { high: "danger", medium: "warning", low: "neutral" } as const;
const SEVERITY_LABEL: Record<Severity, string> = { high: "High", medium: "Medium", low: "Low" };
const PAGE_SIZE = 25;

/** The text a finding is searched by: its role, summary, and every principal and path in its evidence. */
function searchText(f: Finding): string {
  const parts = [f.roleName, f.roleArn, f.summary, FINDING_LABELS[f.kind]];
  for (const e of f.evidence) {
    if (e.type === "assume" || e.type === "chain") parts.push(e.principal);
    if (e.type === "chain") parts.push(...e.path);
    if (e.type === "trust-principal") parts.push(e.value);
  }
  return parts.join("\n").toLowerCase();
}

export function FindingsList({ findings, accountId, state }: { findings: Finding[]; accountId: string; state: AccessAnalysisState }) {
  const router = useRouter();
  const to = (next: Partial<AccessAnalysisState>) => toAccessAnalysis({ ...state, findingsPage: 1, ...next });
  const [draft, setDraft] = useUrlDraft(state.search, (search) => to({ search }), (a, b) => a === b);
  const indexed = useMemo(() => findings.map((f) => ({ f, text: searchText(f) })), [findings]);
  const q = state.search.trim().toLowerCase();
  const shown = indexed.filter(({ f, text }) => (state.kind === "all" || f.kind === state.kind) && (state.severity === "all" || f.severity === state.severity) && (!q || text.includes(q))).map(({ f }) => f);
  const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
  const page = Math.min(state.findingsPage, pages);
  const filtered = q || state.kind !== "all" || state.severity !== "all";

  return (
    <>
      <ListToolbar>
        <ListSearch id="findings-search" noun="findings" value={draft} onChange={setDraft} />
        <ListFilter id="findings-kind" label="Kind">
          <Select id="findings-kind" data-testid="findings-kind" value={state.kind} onChange={(e) => router.replace(to({ kind: e.target.value as FindingKind | "all" }), { scroll: false })} className="w-72">
            <option value="all">All kinds</option>
            {FINDING_KINDS.map((k) => <option key={k} value={k}>{FINDING_LABELS[k]}</option>)}
          </Select>
        </ListFilter>
        <ListFilter id="findings-severity" label="Severity">
          <Select id="findings-severity" data-testid="findings-severity" value={state.severity} onChange={(e) => router.replace(to({ severity: e.target.value as Severity | "all" }), { scroll: false })} className="w-32">
            <option value="all">All</option>
            {SEVERITIES.map((s) => <option key={s} value={s}>{SEVERITY_LABEL[s]}</option>)}
          </Select>
        </ListFilter>
      </ListToolbar>
      {shown.length === 0 ? (
        filtered ? (
          <EmptyState title="No findings match" action={<Link className={buttonClass("secondary", "sm")} href={to({ search: "", kind: "all", severity: "all" })}>Clear filters</Link>}>
            Nothing here matches these filters.
          </EmptyState>
        ) : (
          <EmptyState icon={<ShieldCheck aria-hidden className="size-5" />} title="No findings">
            No role in this account is open to anyone or to another account without a guard, reachable by a non-administrator through a chain into an
            administrator role, trusting a deleted principal, unassumable, or unused for 90 days.
          </EmptyState>
        )
      ) : (
        <ul aria-label="Findings" data-testid="findings-list">
          {shown.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((f) => (
            <li key={`${f.kind}|${f.roleArn}`} className="border-b border-border last:border-b-0" data-testid="finding">
              <details className="group px-4 py-3">
                <summary className="flex cursor-pointer list-none items-center gap-3 rounded-md focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent [&::-webkit-details-marker]:hidden">
                  <ChevronRight aria-hidden className="size-4 shrink-0 text-fg-subtle transition-transform group-open:rotate-90" />
                  <Badge tone={SEVERITY_TONE[f.severity]}><span data-testid="finding-severity">{SEVERITY_LABEL[f.severity]}</span></Badge>
                  <span className="min-w-0 flex-1">
                    <span className="block text-sm font-medium text-fg" data-testid="finding-summary">{f.summary}</span>
                    <span className="block text-xs text-fg-muted"><span data-testid="finding-kind">{FINDING_LABELS[f.kind]}</span> · role <span className="font-mono" data-testid="finding-role">{f.roleName}</span></span>
                  </span>
                </summary>
                <div className="pl-7">
                  <Link href={toRole({ name: f.roleName, tab: "who-can-assume" })} className="mt-2 inline-block text-[13px] text-accent underline underline-offset-2" data-testid="finding-role-link">
                    Open {f.roleName}&apos;s Access tab
                  </Link>
                  <FindingEvidenceList finding={f} accountId={accountId} />
                </div>
              </details>
            </li>
          ))}
        </ul>
      )}
      {shown.length > 0 && (
        <div className="border-t border-border">
          <Pagination label="Findings pages" page={page} pageSize={PAGE_SIZE} total={shown.length} hrefFor={(p) => toAccessAnalysis({ ...state, findingsPage: p })} />
        </div>
      )}
    </>
  );
}
