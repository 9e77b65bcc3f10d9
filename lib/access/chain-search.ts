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

/** A role's incoming edges as numbers: the j-th edge's class, whether it needs a condition, whether it covers the whole class, its members. */
interface Incoming {
  units: Int32Array;
  conditional: Uint8Array;
  whole: Uint8Array;
  members: Int32Array[];
  /** Principals decided on their own, and whether each needs a condition. */
  single: Int32Array;
  singleConditional: Uint8Array;
}

const UNSEEN = -1;

export class ChainSearch {
  private readonly ids = new Map<string, number>();
  private readonly principals: AccessPrincipal[] = [];
  /** Each principal's position in ARN order. */
  private readonly rank: Uint32Array;
  private readonly entries: (RoleEntry | undefined)[];
  private readonly isRole: Uint8Array;
  /** The numbers of a class's members, and each role's incoming edges as numbers, made when a search first needs them. */
  private readonly membersOfUnit = new Map<Unit, Int32Array>();
  private readonly incoming = new WeakMap<RoleEntry, Incoming>();
  /** Classes by number, and the search that last walked each (a search's stamp, so nothing is cleared between searches). */
  private readonly unitNumbers = new Map<Unit, number>();
  private walked = new Uint32Array(64);
  private stamp = 0;
  private scratch?: { plain: Int32Array; any: Int32Array; plainDepth: Uint16Array; anyDepth: Uint16Array };

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
    this.isRole = Uint8Array.from(this.entries, (e) => (e ? 1 : 0));
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
    const list = this.chainList(roleArn);
    return Array.from({ length: list.length }, (_, i) => ({ principal: list.principal(i), path: list.path(i), conditional: list.conditional(i) }));
  }

  /** The same chains kept as numbers (some 25 bytes a chain rather than an object and a path array each). */
  chainList(roleArn: string): ChainList {
    const start = this.ids.get(roleArn);
    if (start === undefined || !this.entries[start]) return new ChainList(this.principals, new Int32Array(1), new Int32Array(0), new Int32Array(0));
    const n = this.principals.length;
    // Kept between searches and put back as found after each, so a search costs what it reaches, not the store's size.
    const s = (this.scratch ??= { plain: new Int32Array(n).fill(UNSEEN), any: new Int32Array(n).fill(UNSEEN), plainDepth: new Uint16Array(n), anyDepth: new Uint16Array(n) });
    const reachedPlain = this.search(start, false, s.plain, s.plainDepth);
    const reachedAny = this.search(start, true, s.any, s.anyDepth);
    try {
      // Reached without a condition, or else only with one; a chain is two assumes or more.
      const found: number[] = [];
      for (const id of reachedPlain) if (s.plainDepth[id] >= 2) found.push(id);
      for (const id of reachedAny) if (s.plain[id] === UNSEEN && s.anyDepth[id] >= 2) found.push(id);
      const depth = (id: number) => (s.plain[id] !== UNSEEN ? s.plainDepth[id] : s.anyDepth[id]);
      found.sort((a, b) => depth(a) - depth(b) || this.rank[a] - this.rank[b]);
      let hops = 0;
      for (const id of found) hops += depth(id) + 1;
      // One buffer for the three (a search per role for 10,000 roles makes 10,000 lists: a buffer is dear to allocate).
      const buffer = new Int32Array(found.length + 1 + hops + found.length);
      const offsets = buffer.subarray(0, found.length + 1);
      const paths = buffer.subarray(found.length + 1, found.length + 1 + hops);
      const conditional = buffer.subarray(found.length + 1 + hops);
      let at = 0;
      found.forEach((id, i) => {
        conditional[i] = s.plain[id] === UNSEEN ? 1 : 0;
        const parent = conditional[i] ? s.any : s.plain;
        offsets[i] = at;
        for (let hop: number = id; hop !== start; hop = parent[hop]) paths[at++] = hop;
        paths[at++] = start;
      });
      offsets[found.length] = at;
      return new ChainList(this.principals, offsets, paths, conditional);
    } finally {
      for (const id of reachedPlain) s.plain[id] = UNSEEN;
      for (const id of reachedAny) s.any[id] = UNSEEN;
    }
  }

  /**
   * Breadth first from `start`: sets each reached principal's next hop toward `start` (`start` its own) and its
   * number of hops, and returns the principals reached.
   */
  private search(start: number, allowConditional: boolean, parent: Int32Array, depth: Uint16Array): number[] {
    parent[start] = start;
    depth[start] = 0;
    const reached = [start];
    const stamp = ++this.stamp;
    let frontier = [start];
    while (frontier.length) {
      const next: number[] = [];
      const reach = (id: number, from: number) => {
        if (parent[id] !== UNSEEN) return;
        parent[id] = from;
        depth[id] = depth[from] + 1;
        reached.push(id);
        // Only roles are assumed: other principals end a path.
        if (this.isRole[id]) next.push(id);
      };
      for (const node of frontier) {
        const edges = this.incomingOf(this.entries[node]!);
        for (let j = 0; j < edges.units.length; j++) {
          const unit = edges.units[j];
          if ((!allowConditional && edges.conditional[j]) || this.walked[unit] === stamp) continue;
          // A class's members are all reached by its first edge; an edge that leaves some out is walked each time.
          if (edges.whole[j]) this.walked[unit] = stamp;
          const members = edges.members[j];
          for (let i = 0; i < members.length; i++) reach(members[i], node);
        }
        for (let i = 0; i < edges.single.length; i++) if (allowConditional || !edges.singleConditional[i]) reach(edges.single[i], node);
      }
      frontier = next.sort((a, b) => this.rank[a] - this.rank[b]);
    }
    return reached;
  }

  private incomingOf(entry: RoleEntry): Incoming {
    let edges = this.incoming.get(entry);
    if (edges) return edges;
    const n = entry.edges.length;
    edges = { units: new Int32Array(n), conditional: new Uint8Array(n), whole: new Uint8Array(n), members: [], single: Int32Array.from(entry.found, (a) => this.ids.get(a.principal.arn)!), singleConditional: Uint8Array.from(entry.found, (a) => (a.conditions.length ? 1 : 0)) };
    entry.edges.forEach((e, j) => {
      edges!.units[j] = this.unitNumber(e.unit);
      edges!.conditional[j] = e.outcome.conditions.length ? 1 : 0;
      edges!.whole[j] = e.except ? 0 : 1;
      edges!.members.push(e.except ? this.numbers(this.members(e)) : this.unitMembers(e));
    });
    this.incoming.set(entry, edges);
    return edges;
  }

  private unitNumber(unit: Unit): number {
    let n = this.unitNumbers.get(unit);
    if (n === undefined) {
      this.unitNumbers.set(unit, (n = this.unitNumbers.size));
      if (n >= this.walked.length) {
        const grown = new Uint32Array(this.walked.length * 2);
        grown.set(this.walked);
        this.walked = grown;
      }
    }
    return n;
  }

  private unitMembers(e: SharedEdge): Int32Array {
    let ids = this.membersOfUnit.get(e.unit);
    if (!ids) this.membersOfUnit.set(e.unit, (ids = this.numbers(this.members(e))));
    return ids;
  }

  private numbers(known: Known[]): Int32Array {
    return Int32Array.from(known, (k) => this.ids.get(k.principal.arn)!);
  }
}

/**
 * Chains to one role: the i-th chain's path (principal first, the role last) is `paths[offsets[i]..offsets[i+1])`, as
 * principal numbers of the search that found it.
 */
export class ChainList {
  readonly length: number;

  constructor(
    private readonly principals: AccessPrincipal[],
    private readonly offsets: Int32Array,
    private readonly paths: Int32Array,
    private readonly conditionals: Int32Array,
  ) {
    this.length = offsets.length - 1;
  }

  principal(i: number): AccessPrincipal {
    return this.principals[this.paths[this.offsets[i]]];
  }

  /** The path's length: the principal, each role assumed, and this role. */
  hops(i: number): number {
    return this.offsets[i + 1] - this.offsets[i];
  }

  conditional(i: number): boolean {
    return this.conditionals[i] === 1;
  }

  path(i: number): string[] {
    const out: string[] = [];
    for (let at = this.offsets[i]; at < this.offsets[i + 1]; at++) out.push(this.principals[this.paths[at]].arn);
    return out;
  }
}

/** Plain code-unit order, as access-chains sorts. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
