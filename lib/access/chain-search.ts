/**
 * Who reaches a role through chains of assumes, searched over numbered principals. The search is access-chains'
 * (breadth first from the role, each level in ARN order, unconditional edges first and then all, one shortest path
 * each), made for the index's size: at 10,000 roles one search reaches thousands of roles and walks every incoming
 * edge of each twice, so principals get numbers once per index, a class's members are kept as numbers, and a search
 * marks what it has seen in typed arrays rather than maps of ARNs.
 * Roleplane's own analysis.
 */
import type { AccessPrincipal } from "./assume-access";
import type { ChainAccess } from "./access-index-types";
import type { Known, RoleEntry, SharedEdge, Unit } from "./index-reuse";

const UNSEEN = -1;

export class ChainSearch {
  private readonly ids = new Map<string, number>();
  private readonly principals: AccessPrincipal[] = [];
  /** Each principal's position in ARN order. */
  private readonly rank: Uint32Array;
  private readonly entries: (RoleEntry | undefined)[];
  /** The numbers of a class's members, of an edge's that leaves some out, and of a role's own decisions' principals. */
  private readonly membersOfUnit = new Map<Unit, Int32Array>();
  private readonly membersOfEdge = new WeakMap<SharedEdge, Int32Array>();
  private readonly singles = new WeakMap<RoleEntry, Int32Array>();

  /**
   * `known`: the store's users and roles; `entries`: each role's part of the index; `members`: who of its class an
   * edge covers. Principals outside the store (accounts, `*`) appear only in entries' own decisions.
   */
  constructor(
    known: Known[],
    entries: Map<string, RoleEntry>,
    private readonly members: (e: SharedEdge) => Known[],
  ) {
    for (const k of known) this.number(k.principal);
    for (const entry of entries.values()) for (const a of entry.found) this.number(a.principal);
    this.entries = this.principals.map((p) => entries.get(p.arn));
    const byArn = Array.from(this.principals.keys()).sort((a, b) => byText(this.principals[a].arn, this.principals[b].arn));
    this.rank = new Uint32Array(this.principals.length);
    byArn.forEach((id, position) => (this.rank[id] = position));
  }

  private number(p: AccessPrincipal): void {
    if (this.ids.has(p.arn)) return;
    this.ids.set(p.arn, this.principals.length);
    this.principals.push(p);
  }

  /** Principals that reach the role through two or more assumes, by path length and then ARN. */
  chainsTo(roleArn: string): ChainAccess[] {
    const start = this.ids.get(roleArn);
    if (start === undefined || !this.entries[start]) return [];
    const plain = this.search(start, false);
    const any = this.search(start, true);
    const n = this.principals.length;
    const found: number[] = [];
    const depth = new Uint16Array(n);
    for (let id = 0; id < n; id++) {
      const parent = plain[id] !== UNSEEN ? plain : any[id] !== UNSEEN ? any : undefined;
      if (!parent || id === start) continue;
      let d = 0;
      for (let at: number = id; at !== start; at = parent[at]) d++;
      if (d < 2) continue;
      depth[id] = d;
      found.push(id);
    }
    found.sort((a, b) => depth[a] - depth[b] || this.rank[a] - this.rank[b]);
    return found.map((id) => {
      const conditional = plain[id] === UNSEEN;
      const parent = conditional ? any : plain;
      const path: string[] = [];
      for (let at: number = id; at !== start; at = parent[at]) path.push(this.principals[at].arn);
      path.push(roleArn);
      return { principal: this.principals[id], path, conditional };
    });
  }

  /** Each principal's next hop toward `start` on its shortest path (UNSEEN where none), `start` its own. */
  private search(start: number, allowConditional: boolean): Int32Array {
    const parent = new Int32Array(this.principals.length).fill(UNSEEN);
    parent[start] = start;
    const walked = new Set<Unit>();
    let frontier = [start];
    while (frontier.length) {
      const next: number[] = [];
      const reach = (id: number, from: number) => {
        if (parent[id] !== UNSEEN) return;
        parent[id] = from;
        // Only roles are assumed: other principals end a path.
        if (this.entries[id]) next.push(id);
      };
      for (const node of frontier) {
        const entry = this.entries[node]!;
        for (const e of entry.edges) {
          if ((!allowConditional && e.outcome.conditions.length > 0) || walked.has(e.unit)) continue;
          // A class's members are all reached by its first edge; an edge that leaves some out is walked each time.
          if (!e.except) walked.add(e.unit);
          for (const id of this.membersOf(e)) reach(id, node);
        }
        const single = this.singlesOf(entry);
        for (let i = 0; i < single.length; i++) if (allowConditional || entry.found[i].conditions.length === 0) reach(single[i], node);
      }
      frontier = next.sort((a, b) => this.rank[a] - this.rank[b]);
    }
    return parent;
  }

  private membersOf(e: SharedEdge): Int32Array {
    if (e.except) {
      let ids = this.membersOfEdge.get(e);
      if (!ids) this.membersOfEdge.set(e, (ids = this.numbers(this.members(e))));
      return ids;
    }
    let ids = this.membersOfUnit.get(e.unit);
    if (!ids) this.membersOfUnit.set(e.unit, (ids = this.numbers(this.members(e))));
    return ids;
  }

  private singlesOf(entry: RoleEntry): Int32Array {
    let ids = this.singles.get(entry);
    if (!ids) this.singles.set(entry, (ids = Int32Array.from(entry.found, (a) => this.ids.get(a.principal.arn)!)));
    return ids;
  }

  private numbers(known: Known[]): Int32Array {
    return Int32Array.from(known, (k) => this.ids.get(k.principal.arn)!);
  }
}

/** Plain code-unit order, as access-chains sorts. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
