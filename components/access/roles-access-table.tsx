"use client";
import Link from "next/link";
import { KeyRound } from "lucide-react";
import type { AccountAccessAnalysis } from "@/lib/access/account-access";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { sortHeaders } from "@/components/ui/list-sort";
import { ListSearch, ListToolbar, useUrlDraft } from "@/components/ui/list-toolbar";
import { Pagination } from "@/components/ui/pagination";
import { EmptyState } from "@/components/ui/states";
import { SortTh, Table, Td, Tr } from "@/components/ui/table";
import { toRole } from "@/components/roles/routes";
import { toAccessAnalysis, type AccessAnalysisState, type RoleAccessSort } from "./analysis-routes";

type Row = AccountAccessAnalysis["roles"][number];
const PAGE_SIZE = 50;

const value = (r: Row, sort: RoleAccessSort) => (sort === "findings" ? r.findings.length : sort === "name" ? 0 : r[sort]);

/** The account's roles with how many principals assume each directly, with conditions, and through chains. */
export function RolesAccessTable({ roles, state }: { roles: Row[]; state: AccessAnalysisState }) {
  const to = (next: Partial<AccessAnalysisState>) => toAccessAnalysis({ ...state, rolesPage: 1, ...next });
  const [draft, setDraft] = useUrlDraft(state.roles, (search) => to({ roles: search }), (a, b) => a === b);
  const q = state.roles.trim().toLowerCase();
  const dir = state.order === "desc" ? -1 : 1;
  const shown = roles
    .filter((r) => !q || r.name.toLowerCase().includes(q))
    .sort((a, b) => dir * (value(a, state.sort) - value(b, state.sort) || a.name.localeCompare(b.name)));
  const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
  const page = Math.min(state.rolesPage, pages);
  const sortBy = sortHeaders(state, (next) => to({ sort: next.sort, order: next.order }));

  return (
    <>
      <ListToolbar>
        <ListSearch id="access-roles-search" noun="roles" value={draft} onChange={setDraft} />
      </ListToolbar>
      {shown.length === 0 ? (
        q ? (
          <EmptyState title="No roles match" action={<Link className={buttonClass("secondary", "sm")} href={to({ roles: "" })}>Clear search</Link>}>Nothing in this account matches “{state.roles}”.</EmptyState>
        ) : (
          <EmptyState icon={<KeyRound aria-hidden className="size-5" />} title="No roles in this account yet">Create or import roles to see who can assume them.</EmptyState>
        )
      ) : (
        <>
          <Table label="Roles and who can assume them" testId="access-roles-table">
            <thead>
              <tr>
                <SortTh label="Role" {...sortBy("name")} />
                <SortTh label="Direct" {...sortBy("direct")} className="w-28 text-right" />
                <SortTh label="With conditions" {...sortBy("conditional")} className="w-40 text-right" />
                <SortTh label="Through chains" {...sortBy("chained")} className="w-40 text-right" />
                <SortTh label="Findings" {...sortBy("findings")} className="w-32 text-right" />
              </tr>
            </thead>
            <tbody>
              {shown.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((r) => (
                <Tr key={r.arn} testId="access-role-row">
                  <Td>
                    <Link href={toRole({ name: r.name, tab: "who-can-assume" })} className="font-medium text-accent hover:underline" data-testid="access-role-name">{r.name}</Link>
                  </Td>
                  <Td className="text-right tabular-nums"><span data-testid="access-role-direct">{r.direct}</span></Td>
                  <Td className="text-right tabular-nums"><span data-testid="access-role-conditional">{r.conditional}</span></Td>
                  <Td className="text-right tabular-nums"><span data-testid="access-role-chained">{r.chained}</span></Td>
                  <Td className="text-right">
                    {r.findings.length ? <Badge tone="warning"><span data-testid="access-role-findings">{r.findings.length}</span></Badge> : <span className="text-fg-subtle" data-testid="access-role-findings">0</span>}
                  </Td>
                </Tr>
              ))}
            </tbody>
          </Table>
          <div className="border-t border-border">
            <Pagination label="Roles pages" page={page} pageSize={PAGE_SIZE} total={shown.length} hrefFor={(p) => toAccessAnalysis({ ...state, rolesPage: p })} />
          </div>
        </>
      )}
    </>
  );
}
