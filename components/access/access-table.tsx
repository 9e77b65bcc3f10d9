"use client";
import { Fragment, useState } from "react";
import { ChevronRight, KeyRound } from "lucide-react";
import { ACCESS_GROUPS, type AccessAnswer, type AccessGroup, type AccessGroupPage, type AccessRow, type AccessSort } from "@/lib/access/access-pages";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ListSearch, ListToolbar } from "@/components/ui/list-toolbar";
import { EmptyState, Skeleton } from "@/components/ui/states";
import { SortButtonTh, Table, Td, Th, Tr } from "@/components/ui/table";
import { cn } from "@/components/ui/cn";
import { Conditions, RowEvidence } from "./access-evidence";
import { kindLabel } from "./access-labels";
import { fetchAccessPage, useRowEvidenceQuery, type AccessOwnerRef, type AccessView } from "./access-queries";

const SECTIONS: Record<AccessGroup, { title: string; note: string }> = {
  direct: { title: "Direct", note: "Allowed by the policies alone, in one AssumeRole." },
  conditional: { title: "With conditions", note: "In one AssumeRole, when the request carries what a condition asks (MFA, an external ID, session tags, a source IP, a token's claims)." },
  chains: { title: "Through chains", note: "By assuming one role after another (role chaining); a dashed hop needs a condition." },
};

interface TableProps {
  owner: AccessOwnerRef;
  answer: AccessAnswer;
  /** The answer shown is the last search's or sort's while the new one loads: its pages cannot be continued. */
  updating: boolean;
  view: AccessView;
  onView: (view: AccessView) => void;
  search: string;
  onSearch: (text: string) => void;
  label: string;
  subjectHeading: string;
  testId: string;
}

/**
 * Access rows in three labelled sections (Direct, With conditions, Through chains), each with its count and its
 * first page, Show more for the rest. Search and sort are the server's (lib/access/access-pages), one for all three;
 * a row's evidence loads when it is opened.
 */
export function AccessTable(props: TableProps) {
  const { answer, updating, search, onSearch, subjectHeading, testId } = props;
  const total = ACCESS_GROUPS.reduce((n, g) => n + (answer.groups[g]?.total ?? 0), 0);
  return (
    <div data-testid={testId} aria-busy={updating || undefined}>
      <ListToolbar>
        <ListSearch id={`${testId}-search`} noun={subjectHeading.toLowerCase() === "role" ? "roles" : "principals"} value={search} onChange={onSearch} />
      </ListToolbar>
      {total === 0 ? (
        <EmptyState icon={<KeyRound aria-hidden className="size-5" />} title="None">The analysis found no way to assume a role here.</EmptyState>
      ) : (
        ACCESS_GROUPS.map((g) => <Section key={g} group={g} first={answer.groups[g]!} {...props} />)
      )}
    </div>
  );
}

/** A group's rows: its first page from the answer, then each page Show more loaded after it (dropped when the answer changes). */
function Section({ group, first, owner, updating, view, onView, label, subjectHeading, testId }: TableProps & { group: AccessGroup; first: AccessGroupPage }) {
  const [more, setMore] = useState<{ after: AccessGroupPage; pages: AccessGroupPage[] }>({ after: first, pages: [] });
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState<string>();
  const pages = [first, ...(more.after === first ? more.pages : [])];
  const rows = pages.flatMap((p) => p.rows);
  const next = pages[pages.length - 1].nextOffset;

  const showMore = async () => {
    if (next === null) return;
    setLoading(true);
    setFailed(undefined);
    try {
      const page = await fetchAccessPage(owner, view, group, next);
      setMore((m) => ({ after: first, pages: [...(m.after === first ? m.pages : []), page] }));
    } catch (e) {
      setFailed(e instanceof Error ? e.message : String(e));
    } finally {
      setLoading(false);
    }
  };

  const sortBy = (sort: AccessSort) => ({
    direction: view.sort === sort ? view.order : undefined,
    onSort: () => onView({ ...view, sort, order: view.sort === sort && view.order === "asc" ? "desc" : "asc" }),
  });
  const { title, note } = SECTIONS[group];
  const headingId = `${testId}-${group}-heading`;
  const withKind = owner.direction === "who-can-assume";
  return (
    <section aria-labelledby={headingId} data-testid={`${testId}-${group}`} className="border-t border-border first-of-type:border-t-0">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5 px-5 pt-4 pb-2">
        <h3 id={headingId} className="text-sm font-semibold text-fg">
          {title}{" "}
          <span className="font-normal text-fg-muted tabular-nums" data-testid="access-section-count">
            ({view.q.trim() ? `${first.matching.toLocaleString()} of ${first.total.toLocaleString()}` : first.total.toLocaleString()})
          </span>
        </h3>
        <p className="text-xs text-fg-muted">{note}</p>
      </div>
      {rows.length === 0 ? (
        <p className="px-5 pb-4 text-[13px] text-fg-muted">{first.total === 0 ? "None." : "None matches the search."}</p>
      ) : (
        <>
          <Table label={`${label}: ${title.toLowerCase()}`}>
            <thead>
              <tr>
                <Th className="w-10"><span className="sr-only">Evidence</span></Th>
                <SortButtonTh label={subjectHeading} testId={`${testId}-sort-subject`} {...sortBy("subject")} />
                {withKind && <SortButtonTh label="Kind" testId={`${testId}-sort-kind`} className="w-44" {...sortBy("kind")} />}
                {group === "chains" ? <SortButtonTh label="Path" testId={`${testId}-sort-hops`} {...sortBy("hops")} /> : <Th>Conditions</Th>}
              </tr>
            </thead>
            <tbody>{rows.map((r) => <Row key={r.path.join(">")} row={r} group={group} owner={owner} withKind={withKind} />)}</tbody>
          </Table>
          {(next !== null || pages.length > 1) && (
            <div className="flex flex-wrap items-center gap-3 px-5 py-3 text-[13px] text-fg-muted">
              <span className="tabular-nums" data-testid="access-shown">{rows.length.toLocaleString()} of {first.matching.toLocaleString()} shown</span>
              {next !== null && (
                <Button size="sm" loading={loading} disabled={updating} onClick={showMore} data-testid="access-show-more">
                  Show {Math.min(first.rows.length, first.matching - rows.length).toLocaleString()} more
                </Button>
              )}
              {failed && <span role="alert" className="text-danger">Could not load more: {failed}</span>}
            </div>
          )}
        </>
      )}
    </section>
  );
}

function Row({ row, group, owner, withKind }: { row: AccessRow; group: AccessGroup; owner: AccessOwnerRef; withKind: boolean }) {
  const [open, setOpen] = useState(false);
  const id = `evidence-${group}-${row.path.join(">").replace(/[^\w-]/g, "_")}`;
  const columns = withKind ? 4 : 3;
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
        <Td><code className="font-mono text-[12.5px] break-all" data-testid="access-subject">{row.subject}</code></Td>
        {withKind && <Td><Badge>{kindLabel(row.kind)}</Badge></Td>}
        <Td className="text-[13px]">
          {row.path.length > 2 ? (
            <span className="flex flex-wrap items-center gap-2">
              <span data-testid="access-how">Chain of {row.path.length - 1} assumes</span>
              {row.conditional ? <Badge tone="warning">Conditional</Badge> : <Badge tone="success">Unconditional</Badge>}
            </span>
          ) : row.conditions.length > 0 ? (
            <Conditions conditions={row.conditions} />
          ) : (
            <span className="text-fg-muted">None</span>
          )}
        </Td>
      </Tr>
      {open && (
        <tr id={id} data-testid="access-evidence">
          <td colSpan={columns} className="border-b border-border bg-surface-2/40 px-5 py-4">
            <OpenedRow row={row} group={group} owner={owner} />
          </td>
        </tr>
      )}
    </Fragment>
  );
}

function OpenedRow({ row, group, owner }: { row: AccessRow; group: AccessGroup; owner: AccessOwnerRef }) {
  const { data, error, refetch } = useRowEvidenceQuery(owner, group, row.subject);
  if (error)
    return (
      <p role="alert" className="text-[13px] text-danger">
        Could not load the evidence: {error.message}{" "}
        <button type="button" className="text-accent underline-offset-2 hover:underline" onClick={() => refetch()}>Retry</button>
      </p>
    );
  if (!data) return <div role="status" aria-label={`Loading the evidence for ${row.subject}`}><Skeleton className="h-24" /></div>;
  return <RowEvidence evidence={data} kind={row.kind} />;
}
