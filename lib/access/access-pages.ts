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

/**
 * A direct access's conditions as rows show them. Principals of a class share their decision's conditions (the same
 * array), so each list is made once per answer, and rows without conditions share one empty list.
 */
function rowConditionsOf(): (d: DirectAccess) => RowCondition[] {
  const none: RowCondition[] = [];
  const made = new WeakMap<RequiredCondition[], RowCondition[]>();
  return ({ conditions }) => {
    if (conditions.length === 0) return none;
    let rows = made.get(conditions);
    if (!rows) made.set(conditions, (rows = conditions.map(({ key, operator, values, effect }) => ({ key, operator, values, effect }))));
    return rows;
  };
}

/**
 * How a group reads the index's own answers as rows. A set keeps those answers as they are and makes a row only for
 * what a page shows: an answer thousands of principals can assume keeps no second copy of itself.
 */
interface RowView<T> {
  subject(item: T): string;
  kind(item: T): string;
  /** The path's length. */
  hops(item: T): number;
  row(item: T): AccessRow;
}

type ChainItem = { path: string[]; conditional: boolean };
const NO_CONDITIONS: RowCondition[] = [];

function whoCanAssumeViews(roleArn: string) {
  const rowConditions = rowConditionsOf();
  const direct: RowView<DirectAccess> = {
    subject: (d) => d.principal.arn,
    kind: (d) => d.principal.kind,
    hops: () => 2,
    row: (d) => ({ subject: d.principal.arn, kind: d.principal.kind, path: [d.principal.arn, roleArn], conditional: d.conditions.length > 0, conditions: rowConditions(d) }),
  };
  const chains: RowView<WhoCanAssume["chains"][number]> = {
    subject: (c) => c.principal.arn,
    kind: (c) => c.principal.kind,
    hops: (c) => c.path.length,
    row: (c) => ({ subject: c.principal.arn, kind: c.principal.kind, path: c.path, conditional: c.conditional, conditions: NO_CONDITIONS }),
  };
  return { direct, chains };
}

function canAssumeViews(principalArn: string) {
  const rowConditions = rowConditionsOf();
  const direct: RowView<DirectAccess> = {
    subject: (d) => d.roleArn,
    kind: () => "role",
    hops: () => 2,
    row: (d) => ({ subject: d.roleArn, kind: "role", path: [principalArn, d.roleArn], conditional: d.conditions.length > 0, conditions: rowConditions(d) }),
  };
  const chains: RowView<CanAssume["chains"][number]> = {
    subject: (c) => c.roleArn,
    kind: () => "role",
    hops: (c) => c.path.length,
    row: (c) => ({ subject: c.roleArn, kind: "role", path: c.path, conditional: c.conditional, conditions: NO_CONDITIONS }),
  };
  return { direct, chains };
}

const rowView: RowView<AccessRow> = { subject: (r) => r.subject, kind: (r) => r.kind, hops: (r) => r.path.length, row: (r) => r };

export function whoCanAssumeRows(who: WhoCanAssume, roleArn: string): AccessRow[] {
  const view = whoCanAssumeViews(roleArn);
  return [...who.direct.map(view.direct.row), ...who.chains.map(view.chains.row)];
}

export function canAssumeRows(can: CanAssume, principalArn: string): AccessRow[] {
  const view = canAssumeViews(principalArn);
  return [...can.direct.map(view.direct.row), ...can.chains.map(view.chains.row)];
}

export const groupOf = (r: AccessRow): AccessGroup => (r.path.length > 2 ? "chains" : r.conditional ? "conditional" : "direct");

/** Plain code-unit order (no locale): thousands of rows sort in a few milliseconds, the same on every server. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** One group's items with their subjects folded for search, and its orders, each made on first use. */
class GroupRows<T> {
  readonly folded: string[];
  private readonly orders = new Map<AccessSort, Uint32Array>();

  constructor(
    readonly items: T[],
    private readonly view: RowView<T>,
  ) {
    this.folded = items.map((i) => view.subject(i).toLowerCase());
  }

  /** Row positions in ascending order by `sort`; a descending page reads it from the end (ties by ARN keep it total). */
  order(sort: AccessSort): Uint32Array {
    let order = this.orders.get(sort);
    if (!order) this.orders.set(sort, (order = Uint32Array.from(this.items.keys()).sort(this.compare(sort))));
    return order;
  }

  private compare(sort: AccessSort): (a: number, b: number) => number {
    const { items, folded, view } = this;
    const bySubject = (a: number, b: number) => byText(folded[a], folded[b]) || byText(view.subject(items[a]), view.subject(items[b]));
    if (sort === "kind") return (a, b) => byText(view.kind(items[a]), view.kind(items[b])) || bySubject(a, b);
    if (sort === "hops") return (a, b) => view.hops(items[a]) - view.hops(items[b]) || bySubject(a, b);
    return bySubject;
  }

  /** The asked page: matching rows are counted, and only the page's rows are made. */
  page(query: AccessPageQuery): AccessGroupPage {
    const needle = query.q.trim().toLowerCase();
    const order = this.order(query.sort);
    const n = order.length;
    const at = query.order === "desc" ? (i: number) => order[n - 1 - i] : (i: number) => order[i];
    const end = query.offset + query.limit;
    const rows: AccessRow[] = [];
    let matching = 0;
    for (let i = 0; i < n; i++) {
      const r = at(i);
      if (needle && !this.folded[r].includes(needle)) continue;
      if (matching >= query.offset && matching < end) rows.push(this.view.row(this.items[r]));
      matching++;
      if (!needle && matching >= end) {
        matching = n;
        break;
      }
    }
    return { total: n, matching, offset: query.offset, rows, nextOffset: end < matching ? end : null };
  }

  find(subject: string): AccessRow | undefined {
    const item = this.items.find((i) => this.view.subject(i) === subject);
    return item === undefined ? undefined : this.view.row(item);
  }
}

type Groups = Record<AccessGroup, GroupRows<unknown>>;

/**
 * A role's (or principal's) rows made ready for paging: grouped once, each group sorted once per sort, so every
 * later page, sort or search of the same answer is a walk over positions (lib/iam/access-answers keeps these per
 * index).
 */
export class AccessRowSet {
  /** `size`: rows in every group, what a kept set counts toward its cache's budget. */
  private constructor(
    private readonly groups: Groups,
    readonly size: number,
  ) {}

  /** Rows as they are, grouped by `groupOf`. */
  static of(rows: AccessRow[]): AccessRowSet {
    const byGroup: Record<AccessGroup, AccessRow[]> = { direct: [], conditional: [], chains: [] };
    for (let i = 0; i < rows.length; i++) byGroup[groupOf(rows[i])].push(rows[i]);
    const groups = { direct: new GroupRows(byGroup.direct, rowView), conditional: new GroupRows(byGroup.conditional, rowView), chains: new GroupRows(byGroup.chains, rowView) };
    return new AccessRowSet(groups as Groups, rows.length);
  }

  /** Who can assume a role, kept as the index answered it (rows are made per page). */
  static whoCanAssume(who: WhoCanAssume, roleArn: string): AccessRowSet {
    const view = whoCanAssumeViews(roleArn);
    return AccessRowSet.answered(who.direct, view.direct, who.chains, view.chains);
  }

  /** What a principal can assume, kept as the index answered it. */
  static canAssume(can: CanAssume, principalArn: string): AccessRowSet {
    const view = canAssumeViews(principalArn);
    return AccessRowSet.answered(can.direct, view.direct, can.chains, view.chains);
  }

  private static answered<C extends ChainItem>(direct: DirectAccess[], directView: RowView<DirectAccess>, chains: C[], chainView: RowView<C>): AccessRowSet {
    const plain: DirectAccess[] = [];
    const conditional: DirectAccess[] = [];
    for (let i = 0; i < direct.length; i++) (direct[i].conditions.length ? conditional : plain).push(direct[i]);
    const groups = { direct: new GroupRows(plain, directView), conditional: new GroupRows(conditional, directView), chains: new GroupRows(chains, chainView) };
    return new AccessRowSet(groups as Groups, direct.length + chains.length);
  }

  /** The asked groups' pages (every group when none is named), each counted, filtered and sorted the same way. */
  pages(query: AccessPageQuery, groups: readonly AccessGroup[] = ACCESS_GROUPS): Partial<Record<AccessGroup, AccessGroupPage>> {
    const out: Partial<Record<AccessGroup, AccessGroupPage>> = {};
    for (const g of groups) out[g] = this.groups[g].page(query);
    return out;
  }

  /** The row of a group with this subject, as the console names a row to load its evidence. */
  find(group: AccessGroup, subject: string): AccessRow | undefined {
    return this.groups[group].find(subject);
  }
}
