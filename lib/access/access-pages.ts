import type { CanAssume, WhoCanAssume } from "./access-graph";
import type { StatementEvidence } from "@/lib/domain/access-evidence-types";
import type { AccessPrincipal, DirectAccess, RequiredCondition } from "./assume-access";
import type { ChainList } from "./chain-search";

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
 * How a group reads the index's own answers as rows, by position. A set keeps those answers as the index gave them
 * (a role's chains as numbers) and makes a row only for what a page shows: an answer thousands of principals can
 * assume keeps no second copy of itself.
 */
interface RowView {
  length: number;
  subject(i: number): string;
  kind(i: number): string;
  /** The path's length. */
  hops(i: number): number;
  row(i: number): AccessRow;
}

const NO_CONDITIONS: RowCondition[] = [];

/** Direct accesses as rows: `subject` names the other end, `path` the two ends in order. */
function directView(items: DirectAccess[], subject: (d: DirectAccess) => AccessPrincipal | { arn: string; kind: "role" }, path: (d: DirectAccess) => string[]): RowView {
  const rowConditions = rowConditionsOf();
  return {
    length: items.length,
    subject: (i) => subject(items[i]).arn,
    kind: (i) => subject(items[i]).kind,
    hops: () => 2,
    row: (i) => {
      const d = items[i];
      const other = subject(d);
      return { subject: other.arn, kind: other.kind, path: path(d), conditional: d.conditions.length > 0, conditions: rowConditions(d) };
    },
  };
}

/** Chains by position, whatever keeps them (an array of the index's answers, or a ChainList). */
interface ChainRows {
  length: number;
  subject(i: number): AccessPrincipal | { arn: string; kind: "role" };
  hops(i: number): number;
  path(i: number): string[];
  conditional(i: number): boolean;
}

function chainView(chains: ChainRows): RowView {
  return {
    length: chains.length,
    subject: (i) => chains.subject(i).arn,
    kind: (i) => chains.subject(i).kind,
    hops: (i) => chains.hops(i),
    row: (i) => {
      const other = chains.subject(i);
      return { subject: other.arn, kind: other.kind, path: chains.path(i), conditional: chains.conditional(i), conditions: NO_CONDITIONS };
    },
  };
}

const arrayChains = <C extends { path: string[]; conditional: boolean }>(items: C[], subject: (c: C) => AccessPrincipal | { arn: string; kind: "role" }): ChainRows => ({
  length: items.length,
  subject: (i: number) => subject(items[i]),
  hops: (i: number) => items[i].path.length,
  path: (i: number) => items[i].path,
  conditional: (i: number) => items[i].conditional,
});

const rowsView = (rows: AccessRow[]): RowView => ({ length: rows.length, subject: (i) => rows[i].subject, kind: (i) => rows[i].kind, hops: (i) => rows[i].path.length, row: (i) => rows[i] });

const asRole = (arn: string) => ({ arn, kind: "role" as const });

/** The rows of every group of a view set, in order. */
const rowsOf = (...views: RowView[]) => views.flatMap((v) => Array.from({ length: v.length }, (_, i) => v.row(i)));

export function whoCanAssumeRows(who: WhoCanAssume, roleArn: string): AccessRow[] {
  return rowsOf(directView(who.direct, (d) => d.principal, (d) => [d.principal.arn, roleArn]), chainView(arrayChains(who.chains, (c) => c.principal)));
}

export function canAssumeRows(can: CanAssume, principalArn: string): AccessRow[] {
  return rowsOf(directView(can.direct, (d) => asRole(d.roleArn), (d) => [principalArn, d.roleArn]), chainView(arrayChains(can.chains, (c) => asRole(c.roleArn))));
}

export const groupOf = (r: AccessRow): AccessGroup => (r.path.length > 2 ? "chains" : r.conditional ? "conditional" : "direct");

/** Plain code-unit order (no locale): thousands of rows sort in a few milliseconds, the same on every server. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** One group's rows (through its view) with their subjects folded for search, and its orders, each made on first use. */
class GroupRows {
  readonly folded: string[];
  private readonly orders = new Map<AccessSort, Uint32Array>();

  constructor(private readonly view: RowView) {
    this.folded = Array.from({ length: view.length }, (_, i) => view.subject(i).toLowerCase());
  }

  /** Row positions in ascending order by `sort`; a descending page reads it from the end (ties by ARN keep it total). */
  order(sort: AccessSort): Uint32Array {
    let order = this.orders.get(sort);
    if (!order) {
      order = new Uint32Array(this.view.length);
      for (let i = 0; i < order.length; i++) order[i] = i;
      this.orders.set(sort, order.sort(this.compare(sort)));
    }
    return order;
  }

  private compare(sort: AccessSort): (a: number, b: number) => number {
    const { folded, view } = this;
    const bySubject = (a: number, b: number) => byText(folded[a], folded[b]) || byText(view.subject(a), view.subject(b));
    if (sort === "kind") return (a, b) => byText(view.kind(a), view.kind(b)) || bySubject(a, b);
    if (sort === "hops") return (a, b) => view.hops(a) - view.hops(b) || bySubject(a, b);
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
      if (matching >= query.offset && matching < end) rows.push(this.view.row(r));
      matching++;
      if (!needle && matching >= end) {
        matching = n;
        break;
      }
    }
    return { total: n, matching, offset: query.offset, rows, nextOffset: end < matching ? end : null };
  }

  find(subject: string): AccessRow | undefined {
    for (let i = 0; i < this.view.length; i++) if (this.view.subject(i) === subject) return this.view.row(i);
    return undefined;
  }
}

type Groups = Record<AccessGroup, GroupRows>;

/** Direct accesses without conditions, and with. */
function byConditions(direct: DirectAccess[]): [DirectAccess[], DirectAccess[]] {
  const plain: DirectAccess[] = [];
  const conditional: DirectAccess[] = [];
  for (let i = 0; i < direct.length; i++) (direct[i].conditions.length ? conditional : plain).push(direct[i]);
  return [plain, conditional];
}

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
    const groups = { direct: new GroupRows(rowsView(byGroup.direct)), conditional: new GroupRows(rowsView(byGroup.conditional)), chains: new GroupRows(rowsView(byGroup.chains)) };
    return new AccessRowSet(groups, rows.length);
  }

  /** Who can assume a role, kept as the index answered it: its direct accesses, and its chains as numbers. */
  static whoCanAssume(direct: DirectAccess[], chains: ChainList, roleArn: string): AccessRowSet {
    const [plain, conditional] = byConditions(direct);
    const view = (items: DirectAccess[]) => directView(items, (d) => d.principal, (d) => [d.principal.arn, roleArn]);
    const chainRows: ChainRows = { length: chains.length, subject: (i) => chains.principal(i), hops: (i) => chains.hops(i), path: (i) => chains.path(i), conditional: (i) => chains.conditional(i) };
    return new AccessRowSet({ direct: new GroupRows(view(plain)), conditional: new GroupRows(view(conditional)), chains: new GroupRows(chainView(chainRows)) }, direct.length + chains.length);
  }

  /** What a principal can assume, kept as the index answered it. */
  static canAssume(can: CanAssume, principalArn: string): AccessRowSet {
    const [plain, conditional] = byConditions(can.direct);
    const view = (items: DirectAccess[]) => directView(items, (d) => asRole(d.roleArn), (d) => [principalArn, d.roleArn]);
    const chains = chainView(arrayChains(can.chains, (c) => asRole(c.roleArn)));
    return new AccessRowSet({ direct: new GroupRows(view(plain)), conditional: new GroupRows(view(conditional)), chains: new GroupRows(chains) }, can.direct.length + can.chains.length);
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
