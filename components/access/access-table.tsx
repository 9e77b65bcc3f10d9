"use client";
import { useMemo, useState } from "react";
import { KeyRound } from "lucide-react";
import type { DirectAccess, RequiredCondition } from "@/lib/access/assume-access";
import { Badge } from "@/components/ui/badge";
import { Select } from "@/components/ui/input";
import { ListFilter, ListSearch, ListToolbar } from "@/components/ui/list-toolbar";
import { EmptyState } from "@/components/ui/states";
import { Table, Td, Th, Tr } from "@/components/ui/table";

/**
 * One row of an access table: a principal that can assume a role (or a role a principal can assume), directly or
 * through a chain, with the conditions and the statements behind it.
 */
export interface AccessRow {
  /** The other end: the principal (who can assume) or the role (can assume). */
  subject: string;
  kind: string;
  path: string[];
  conditional: boolean;
  direct?: DirectAccess;
}

const KIND_LABEL: Record<string, string> = { user: "User", role: "Role", account: "Account", external: "Outside principal", anyone: "Anyone", service: "Service", federated: "Identity provider" };
export const kindLabel = (k: string) => KIND_LABEL[k] ?? k;

type Show = "all" | "unconditional" | "conditional" | "chains";
type Sort = "subject" | "hops" | "kind";

export function AccessTable({ rows, label, subjectHeading, testId }: { rows: AccessRow[]; label: string; subjectHeading: string; testId: string }) {
  const [search, setSearch] = useState("");
  const [show, setShow] = useState<Show>("all");
  const [sort, setSort] = useState<Sort>("hops");
  const shown = useMemo(() => {
    const q = search.trim().toLowerCase();
    return rows
      .filter((r) => !q || r.subject.toLowerCase().includes(q))
      .filter((r) => show === "all" || (show === "chains" ? r.path.length > 2 : show === "conditional" ? r.conditional : !r.conditional))
      .sort((a, b) =>
        sort === "subject" ? a.subject.localeCompare(b.subject) : sort === "kind" ? a.kind.localeCompare(b.kind) || a.subject.localeCompare(b.subject) : a.path.length - b.path.length || a.subject.localeCompare(b.subject),
      );
  }, [rows, search, show, sort]);

  return (
    <>
      <ListToolbar>
        <ListSearch id={`${testId}-search`} noun={subjectHeading.toLowerCase() === "role" ? "roles" : "principals"} value={search} onChange={setSearch} />
        <ListFilter id={`${testId}-show`} label="Show">
          <Select id={`${testId}-show`} data-testid={`${testId}-show`} value={show} onChange={(e) => setShow(e.target.value as Show)} className="w-44">
            <option value="all">All</option>
            <option value="unconditional">Without conditions</option>
            <option value="conditional">With conditions</option>
            <option value="chains">Through chains</option>
          </Select>
        </ListFilter>
        <ListFilter id={`${testId}-sort`} label="Sort by">
          <Select id={`${testId}-sort`} data-testid={`${testId}-sort`} value={sort} onChange={(e) => setSort(e.target.value as Sort)} className="w-40">
            <option value="hops">Fewest hops</option>
            <option value="subject">{subjectHeading}</option>
            <option value="kind">Kind</option>
          </Select>
        </ListFilter>
      </ListToolbar>
      {shown.length === 0 ? (
        <EmptyState icon={<KeyRound aria-hidden className="size-5" />} title={rows.length === 0 ? "None" : "Nothing matches these filters"}>
          {rows.length === 0 ? "The analysis found no way to assume a role here." : "Clear the search or show all."}
        </EmptyState>
      ) : (
        <Table label={label} testId={testId}>
          <thead><tr><Th>{subjectHeading}</Th><Th>How</Th><Th>Conditions</Th><Th>Why</Th></tr></thead>
          <tbody>
            {shown.map((r) => (
              <Tr key={`${r.subject}|${r.path.join(">")}`} testId="access-row">
                <Td>
                  <span className="flex items-center gap-2">
                    <Badge>{kindLabel(r.kind)}</Badge>
                    <code className="font-mono text-[12.5px] break-all" data-testid="access-subject">{r.subject}</code>
                  </span>
                </Td>
                <Td className="text-[13px]">
                  {r.path.length <= 2 ? <span data-testid="access-how">Directly</span> : (
                    <span data-testid="access-how">Chain of {r.path.length - 1} assumes</span>
                  )}
                </Td>
                <Td className="text-[13px]">
                  {r.conditional ? <Badge tone="warning">Conditional</Badge> : <Badge tone="success">Unconditional</Badge>}
                  {r.direct && r.direct.conditions.length > 0 && <Conditions conditions={r.direct.conditions} />}
                </Td>
                <Td className="text-[13px]"><Evidence row={r} /></Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      )}
      <p className="border-t border-border px-5 py-2.5 text-xs text-fg-muted">{shown.length} of {rows.length} shown.</p>
    </>
  );
}

function Conditions({ conditions }: { conditions: RequiredCondition[] }) {
  return (
    <ul className="mt-1 flex flex-col gap-0.5" data-testid="access-conditions">
      {conditions.map((c, i) => (
        <li key={i} className="font-mono text-[12px]">
          {c.effect === "Deny" ? "avoid " : ""}{c.operator} {c.key} {c.values.join(", ")}
        </li>
      ))}
    </ul>
  );
}

export function statementName(s: DirectAccess["statements"][number]) {
  const where = s.policy.type === "trust" ? "trust policy" : s.policy.type === "boundary" ? `boundary ${s.policy.arn ?? ""}` : `${s.policy.name ?? s.policy.arn}${s.policy.group ? ` (group ${s.policy.group.name})` : ""}`;
  return `${where}, ${s.sid ? `statement “${s.sid}”` : `statement ${s.statementIndex + 1}`}`;
}

function Evidence({ row }: { row: AccessRow }) {
  return (
    <details data-testid="access-evidence">
      <summary className="cursor-pointer text-accent">{row.path.length > 2 ? "Path and statements" : "Statements"}</summary>
      {row.path.length > 2 && (
        <ol className="mt-2 flex flex-col gap-0.5" data-testid="access-path" aria-label="Path">
          {row.path.map((p, i) => <li key={i} className="font-mono text-[12px] break-all">{i === 0 ? "" : "→ "}{p}</li>)}
        </ol>
      )}
      {row.direct && (
        <ul className="mt-2 flex flex-col gap-0.5" data-testid="access-statements">
          {row.direct.statements.map((s, i) => <li key={i}>{statementName(s)}</li>)}
        </ul>
      )}
      {row.direct && Object.keys(row.direct.example).length > 0 && (
        <p className="mt-2 text-xs text-fg-muted">A request STS grants: <code className="font-mono">{JSON.stringify(row.direct.example)}</code></p>
      )}
    </details>
  );
}
