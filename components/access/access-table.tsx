"use client";
import { Fragment, useMemo, useState } from "react";
import { ChevronRight, KeyRound } from "lucide-react";
import type { DirectAccess } from "@/lib/access/assume-access";
import type { StatementEvidence } from "@/lib/domain/access-evidence-types";
import { Badge } from "@/components/ui/badge";
import { Select } from "@/components/ui/input";
import { ListFilter, ListSearch, ListToolbar } from "@/components/ui/list-toolbar";
import { EmptyState } from "@/components/ui/states";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { cn } from "@/components/ui/cn";
import { Conditions, RowEvidence, type HopLookup } from "./access-evidence";
import { kindLabel } from "./access-labels";

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

type Sort = "subject" | "hops" | "kind";
type Section = "direct" | "conditional" | "chains";

const SECTIONS: { id: Section; title: string; note: string }[] = [
  { id: "direct", title: "Direct", note: "Allowed by the policies alone, in one AssumeRole." },
  { id: "conditional", title: "With conditions", note: "In one AssumeRole, when the request carries what a condition asks (MFA, an external ID, session tags, a source IP, a token's claims)." },
  { id: "chains", title: "Through chains", note: "By assuming one role after another (role chaining); a dashed hop needs a condition." },
];

const sectionOf = (r: AccessRow): Section => (r.path.length > 2 ? "chains" : r.conditional ? "conditional" : "direct");

/**
 * Access rows in three labelled sections (Direct, With conditions, Through chains), each with its count, one search
 * and sort over all three; each row expands to its evidence.
 */
export function AccessTable({ rows, evidence, hop, label, subjectHeading, testId }: {
  rows: AccessRow[];
  evidence: StatementEvidence;
  hop: HopLookup;
  label: string;
  subjectHeading: string;
  testId: string;
}) {
  const [search, setSearch] = useState("");
  const [sort, setSort] = useState<Sort>("subject");
  const shown = useMemo(() => {
    const q = search.trim().toLowerCase();
    return rows
      .filter((r) => !q || r.subject.toLowerCase().includes(q))
      .sort((a, b) =>
        sort === "subject" ? a.subject.localeCompare(b.subject) : sort === "kind" ? a.kind.localeCompare(b.kind) || a.subject.localeCompare(b.subject) : a.path.length - b.path.length || a.subject.localeCompare(b.subject),
      );
  }, [rows, search, sort]);

  return (
    <div data-testid={testId}>
      <ListToolbar>
        <ListSearch id={`${testId}-search`} noun={subjectHeading.toLowerCase() === "role" ? "roles" : "principals"} value={search} onChange={setSearch} />
        <ListFilter id={`${testId}-sort`} label="Sort by">
          <Select id={`${testId}-sort`} data-testid={`${testId}-sort`} value={sort} onChange={(e) => setSort(e.target.value as Sort)} className="w-40">
            <option value="subject">{subjectHeading}</option>
            <option value="kind">Kind</option>
            <option value="hops">Fewest hops</option>
          </Select>
        </ListFilter>
      </ListToolbar>
      {rows.length === 0 ? (
        <EmptyState icon={<KeyRound aria-hidden className="size-5" />} title="None">The analysis found no way to assume a role here.</EmptyState>
      ) : (
        SECTIONS.map((s) => {
          const all = rows.filter((r) => sectionOf(r) === s.id).length;
          const inSection = shown.filter((r) => sectionOf(r) === s.id);
          const headingId = `${testId}-${s.id}-heading`;
          return (
            <section key={s.id} aria-labelledby={headingId} data-testid={`${testId}-${s.id}`} className="border-t border-border first-of-type:border-t-0">
              <div className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5 px-5 pt-4 pb-2">
                <h3 id={headingId} className="text-sm font-semibold text-fg">
                  {s.title} <span className="font-normal text-fg-muted tabular-nums" data-testid="access-section-count">({search ? `${inSection.length} of ${all}` : all})</span>
                </h3>
                <p className="text-xs text-fg-muted">{s.note}</p>
              </div>
              {inSection.length === 0 ? (
                <p className="px-5 pb-4 text-[13px] text-fg-muted">{all === 0 ? "None." : "None matches the search."}</p>
              ) : (
                <Table label={`${label}: ${s.title.toLowerCase()}`}>
                  <thead><tr><Th className="w-10"><span className="sr-only">Evidence</span></Th><Th>{subjectHeading}</Th><Th>{s.id === "chains" ? "Path" : "Conditions"}</Th></tr></thead>
                  <tbody>{inSection.map((r) => <Row key={`${r.subject}|${r.path.join(">")}`} row={r} evidence={evidence} hop={hop} />)}</tbody>
                </Table>
              )}
            </section>
          );
        })
      )}
    </div>
  );
}

function Row({ row, evidence, hop }: { row: AccessRow; evidence: StatementEvidence; hop: HopLookup }) {
  const [open, setOpen] = useState(false);
  const id = `evidence-${row.path.join(">").replace(/[^\w-]/g, "_")}`;
  return (
    <Fragment>
      <Tr testId="access-row">
        <Td className="pr-0">
          <button
            type="button"
            aria-expanded={open}
            aria-controls={open ? id : undefined}
            aria-label={`${open ? "Hide" : "Show"} evidence for ${row.subject}`}
            onClick={() => setOpen(!open)}
            data-testid="access-expand"
            className="grid size-7 place-items-center rounded-md text-fg-muted hover:bg-surface-2 hover:text-fg focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
          >
            <ChevronRight aria-hidden className={cn("size-4 transition-transform", open && "rotate-90")} />
          </button>
        </Td>
        <Td>
          <span className="flex items-center gap-2">
            <Badge>{kindLabel(row.kind)}</Badge>
            <code className="font-mono text-[12.5px] break-all" data-testid="access-subject">{row.subject}</code>
          </span>
        </Td>
        <Td className="text-[13px]">
          {row.path.length > 2 ? (
            <span className="flex flex-wrap items-center gap-2">
              <span data-testid="access-how">Chain of {row.path.length - 1} assumes</span>
              {row.conditional ? <Badge tone="warning">Conditional</Badge> : <Badge tone="success">Unconditional</Badge>}
            </span>
          ) : row.direct && row.direct.conditions.length > 0 ? (
            <Conditions conditions={row.direct.conditions} />
          ) : (
            <span className="text-fg-muted">None</span>
          )}
        </Td>
      </Tr>
      {open && (
        <tr id={id} data-testid="access-evidence">
          <td colSpan={3} className="border-b border-border bg-surface-2/40 px-5 py-4">
            <RowEvidence row={row} evidence={evidence} hop={hop} />
          </td>
        </tr>
      )}
    </Fragment>
  );
}
