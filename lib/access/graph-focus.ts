/**
 * What the graph view draws around a chosen node: its neighbourhood (every node up to `hops` assumes upstream and
 * downstream), the incoming paths (the principals that reach it within those hops, and the edges between them), and
 * a layered layout (upstream to the left by distance, downstream to the right). Drawing a neighbourhood rather
 * than the whole account keeps the view readable and fast at 10,000 roles. Pure: runs in the browser.
 */
import type { AccountGraph } from "./graph-view";

export interface GraphAdjacency {
  /** Edge indices into each node, by node index. */
  incoming: number[][];
  /** Edge indices out of each node, by node index. */
  outgoing: number[][];
}

export function adjacencyOf(graph: AccountGraph): GraphAdjacency {
  const incoming: number[][] = graph.nodes.map(() => []);
  const outgoing: number[][] = graph.nodes.map(() => []);
  graph.edges.forEach((e, i) => {
    incoming[e.target].push(i);
    outgoing[e.source].push(i);
  });
  return { incoming, outgoing };
}

export interface Focus {
  center: number;
  /** Each drawn node's column: 0 for the center, -n for n assumes upstream, +n downstream. */
  columns: Map<number, number>;
  /** Edges between drawn nodes. */
  edges: number[];
  /** The principals on incoming paths within the hops, nearest first, with their distance in assumes. */
  incoming: { node: number; hops: number }[];
  /** Edges on incoming paths. */
  incomingEdges: Set<number>;
  /** Principals that reach the center only through more than `hops` assumes (not drawn). */
  beyond: number;
}

/** Breadth-first distances from `start` along `step`, up to `limit` steps. */
function distances(start: number, limit: number, step: (node: number) => number[]): Map<number, number> {
  const seen = new Map([[start, 0]]);
  let frontier = [start];
  for (let d = 1; d <= limit && frontier.length; d++) {
    const next: number[] = [];
    for (const n of frontier)
      for (const m of step(n))
        if (!seen.has(m)) {
          seen.set(m, d);
          next.push(m);
        }
    frontier = next;
  }
  return seen;
}

export function focusOn(graph: AccountGraph, adjacency: GraphAdjacency, center: number, hops: number): Focus {
  const sources = (n: number) => adjacency.incoming[n].map((e) => graph.edges[e].source);
  const targets = (n: number) => adjacency.outgoing[n].map((e) => graph.edges[e].target);
  const upstream = distances(center, hops, sources);
  const downstream = distances(center, hops, targets);
  const columns = new Map<number, number>();
  for (const [n, d] of downstream) columns.set(n, d);
  // A node both upstream and downstream (a cycle) is drawn upstream: it is on an incoming path.
  for (const [n, d] of upstream) columns.set(n, -d);
  const edges: number[] = [];
  const incomingEdges = new Set<number>();
  graph.edges.forEach((e, i) => {
    if (!columns.has(e.source) || !columns.has(e.target)) return;
    edges.push(i);
    // Its target reaches the center, so an edge between two upstream nodes lies on an incoming path.
    if (upstream.has(e.source) && upstream.has(e.target)) incomingEdges.add(i);
  });
  const incoming = [...upstream]
    .filter(([n]) => n !== center)
    .map(([node, d]) => ({ node, hops: d }))
    .sort((a, b) => a.hops - b.hops || graph.nodes[a.node].label.localeCompare(graph.nodes[b.node].label));
  const all = distances(center, Infinity, sources);
  return { center, columns, edges, incoming, incomingEdges, beyond: all.size - upstream.size };
}

/** Nodes per column before the column wraps into a further one (away from the center). */
const COLUMN_HEIGHT = 30;

/** Positions for the drawn nodes: columns left to right by distance, each column centred on the row of the center. */
export function layoutFocus(graph: AccountGraph, focus: Focus): Map<number, { x: number; y: number }> {
  const byColumn = new Map<number, number[]>();
  for (const [n, c] of focus.columns) {
    let list = byColumn.get(c);
    if (!list) byColumn.set(c, (list = []));
    list.push(n);
  }
  // Wrapped columns push the ones further out along, so columns never overlap: |x| of column c's first sub-column.
  const GAP = 3;
  const start = (c: number): number => {
    let x = 0;
    for (let k = 1; k <= Math.abs(c); k++) x += Math.ceil((byColumn.get(Math.sign(c) * (k - 1))?.length ?? 1) / COLUMN_HEIGHT) + GAP - 1;
    return x;
  };
  const out = new Map<number, { x: number; y: number }>();
  for (const [c, list] of byColumn) {
    list.sort((a, b) => graph.nodes[a].label.localeCompare(graph.nodes[b].label));
    const rows = Math.min(list.length, COLUMN_HEIGHT);
    list.forEach((n, i) => {
      const wrap = Math.floor(i / COLUMN_HEIGHT);
      out.set(n, { x: (c < 0 ? -1 : 1) * (start(c) + wrap) * 1.5, y: ((rows - 1) / 2 - (i % COLUMN_HEIGHT)) * 1.2 });
    });
  }
  return out;
}
