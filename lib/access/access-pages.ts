import type { CanAssume, WhoCanAssume } from "./access-graph";
import type { StatementEvidence } from "@/lib/domain/access-evidence-types";
import type { DirectAccess, RequiredCondition } from "./assume-access";

/**
 * The console's access answers in pages: who can assume a role (or what a principal can assume) as rows in three
 * groups, each counted, filtered by text and sorted here, so a role that thousands of principals can assume answers
 * with its counts and a first page rather than every row. Roleplane's own analysis; AWS has no such view.
 */
export const ACCESS_DIRECTIONS = ["who-can-assume", "can-assume"] as const;
export type AccessDirection = (typeof ACCESS_DIRECTIONS)[number];

/** Direct: the policies alone allow it in one AssumeRole; conditional: one AssumeRole whose request must meet a condition; chains: two or more. */
export const ACCESS_GROUPS = ["direct", "conditional", "chains"] as const;
export type AccessGroup = (typeof ACCESS_GROUPS)[number];

/** `subject` sorts by the other end's ARN, `kind` by its kind, `hops` by the path's length; ties go by ARN. */
export const ACCESS_SORTS = ["subject", "kind", "hops"] as const;
export type AccessSort = (typeof ACCESS_SORTS)[number];

export const ACCESS_PAGE_SIZE = { default: 25, max: 100 } as const;

/** A condition as a row shows it; the statement it comes from is in the row's evidence. */
export type RowCondition = Omit<RequiredCondition, "statement">;

/** One row: a principal that can assume the role (or a role the principal can assume), directly or through a chain. */
export interface AccessRow {
  /** The other end: the principal (who can assume) or the role (can assume). */
  subject: string;
  kind: string;
  /** From the principal to the role; two ARNs for a direct access. */
  path: string[];
  conditional: boolean;
  /** A direct access's conditions (a chain's are in its hops' evidence). */
  conditions: RowCondition[];
}

export interface AccessPageQuery {
  /** Rows whose subject contains this text, ignoring case; empty for every row. */
  q: string;
  sort: AccessSort;
  order: "asc" | "desc";
  offset: number;
  limit: number;
}

/** One group's page: how many rows it has, how many match the text, and the page asked for. */
export interface AccessGroupPage {
  total: number;
  matching: number;
  offset: number;
  rows: AccessRow[];
  /** Where the next page starts, or null on the last. */
  nextOffset: number | null;
}

/** A role's or user's answer: the asked groups' pages (every group's first page when none is named). */
export interface AccessAnswer {
  arn: string;
  direction: AccessDirection;
  groups: Partial<Record<AccessGroup, AccessGroupPage>>;
}

/** An opened row: its path and each hop's direct access (null where the analysis has none), with their statements' documents and lines. */
export interface RowEvidenceAnswer extends StatementEvidence {
  path: string[];
  hops: (DirectAccess | null)[];
}

const rowConditions = (d: DirectAccess): RowCondition[] => d.conditions.map(({ key, operator, values, effect }) => ({ key, operator, values, effect }));

export function whoCanAssumeRows(who: WhoCanAssume, roleArn: string): AccessRow[] {
  return [
    ...who.direct.map((d) => ({ subject: d.principal.arn, kind: d.principal.kind, path: [d.principal.arn, roleArn], conditional: d.conditions.length > 0, conditions: rowConditions(d) })),
    ...who.chains.map((c) => ({ subject: c.principal.arn, kind: c.principal.kind, path: c.path, conditional: c.conditional, conditions: [] })),
  ];
}

export function canAssumeRows(can: CanAssume, principalArn: string): AccessRow[] {
  return [
    ...can.direct.map((d) => ({ subject: d.roleArn, kind: "role", path: [principalArn, d.roleArn], conditional: d.conditions.length > 0, conditions: rowConditions(d) })),
    ...can.chains.map((c) => ({ subject: c.roleArn, kind: "role", path: c.path, conditional: c.conditional, conditions: [] })),
  ];
}

export const groupOf = (r: AccessRow): AccessGroup => (r.path.length > 2 ? "chains" : r.conditional ? "conditional" : "direct");

/** Plain code-unit order (no locale): thousands of rows sort in a few milliseconds, the same on every server. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

interface Keyed {
  row: AccessRow;
  folded: string;
}

function compare(sort: AccessSort): (a: Keyed, b: Keyed) => number {
  const bySubject = (a: Keyed, b: Keyed) => byText(a.folded, b.folded) || byText(a.row.subject, b.row.subject);
  if (sort === "kind") return (a, b) => byText(a.row.kind, b.row.kind) || bySubject(a, b);
  if (sort === "hops") return (a, b) => a.row.path.length - b.row.path.length || bySubject(a, b);
  return bySubject;
}

function pageOf(all: Keyed[], total: number, query: AccessPageQuery): AccessGroupPage {
  const needle = query.q.trim().toLowerCase();
  const matching = needle ? all.filter((k) => k.folded.includes(needle)) : all;
  const sign = query.order === "desc" ? -1 : 1;
  const by = compare(query.sort);
  const sorted = matching.sort((a, b) => sign * by(a, b));
  const end = query.offset + query.limit;
  return {
    total,
    matching: matching.length,
    offset: query.offset,
    rows: sorted.slice(query.offset, end).map((k) => k.row),
    nextOffset: end < matching.length ? end : null,
  };
}

/** The asked groups' pages (every group when none is named), each counted, filtered and sorted the same way. */
export function pageAccessRows(rows: AccessRow[], query: AccessPageQuery, groups: readonly AccessGroup[] = ACCESS_GROUPS): Partial<Record<AccessGroup, AccessGroupPage>> {
  const byGroup = new Map<AccessGroup, Keyed[]>(ACCESS_GROUPS.map((g) => [g, []]));
  for (const row of rows) byGroup.get(groupOf(row))!.push({ row, folded: row.subject.toLowerCase() });
  const out: Partial<Record<AccessGroup, AccessGroupPage>> = {};
  for (const g of groups) out[g] = pageOf(byGroup.get(g)!, byGroup.get(g)!.length, query);
  return out;
}

/** The row of a group with this subject, as the console names a row to load its evidence. */
export const findAccessRow = (rows: AccessRow[], group: AccessGroup, subject: string) => rows.find((r) => r.subject === subject && groupOf(r) === group);
