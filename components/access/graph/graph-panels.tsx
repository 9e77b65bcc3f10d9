"use client";
import type { AccountGraph } from "@/lib/access/graph-view";
import { Card } from "@/components/ui/states";
import { EDGE_COLORS, KIND_STYLE } from "./graph-style";

const SHAPE_CLASS = { circle: "rounded-full", square: "rounded-[2px]", triangle: "[clip-path:polygon(50%_0,100%_100%,0_100%)]", diamond: "rotate-45 scale-75 rounded-[1px]" };

/** What the colours, shapes and lines mean. */
export function GraphLegend({ dark }: { dark: boolean }) {
  const theme = dark ? "dark" : "light";
  return (
    <div className="flex flex-wrap gap-x-5 gap-y-1.5 border-t border-border px-4 py-3 text-[12px] text-fg-muted" data-testid="graph-legend" aria-label="Legend" role="group">
      {Object.values(KIND_STYLE).map((k) => (
        <span key={k.label} className="flex items-center gap-1.5">
          <span aria-hidden className={`inline-block size-3 ${SHAPE_CLASS[k.shape]}`} style={{ background: k[theme] }} />
          {k.label}
        </span>
      ))}
      <span className="flex items-center gap-1.5">
        <svg aria-hidden width="28" height="6"><line x1="0" y1="3" x2="28" y2="3" stroke={EDGE_COLORS[theme].path} strokeWidth="2.5" /></svg>
        On an incoming path
      </span>
      <span className="flex items-center gap-1.5">
        <svg aria-hidden width="28" height="6"><line x1="0" y1="3" x2="28" y2="3" stroke={EDGE_COLORS[theme].other} strokeWidth="1.5" /></svg>
        Can assume
      </span>
      <span className="flex items-center gap-1.5">
        <svg aria-hidden width="28" height="6"><line x1="0" y1="3" x2="28" y2="3" stroke={EDGE_COLORS[theme].other} strokeWidth="1.5" strokeDasharray="5 3" /></svg>
        Only with a condition (MFA, external ID, …)
      </span>
    </div>
  );
}

/** A list of nodes to select from the keyboard: the incoming paths, or the roles to start with. */
export function GraphNodeList({ title, description, empty, graph, items, count = "hops", testId, onSelect }: {
  title: string;
  description: string;
  empty: string;
  graph: AccountGraph;
  items: { node: number; hops: number }[];
  count?: "hops" | "assumers";
  testId: string;
  onSelect: (id: string) => void;
}) {
  return (
    <Card padded={false} title={title} description={description}>
      {items.length === 0 ? (
        <p className="px-4 pb-4 text-[13px] text-fg-muted">{empty}</p>
      ) : (
        <ul className="max-h-[420px] overflow-auto px-2 pb-2" data-testid={testId}>
          {items.map(({ node, hops }) => {
            const n = graph.nodes[node];
            return (
              <li key={n.id}>
                <button type="button" data-testid="graph-list-item" className="flex w-full items-baseline gap-2 rounded-md px-2 py-1.5 text-left hover:bg-surface-2" onClick={() => onSelect(n.id)}>
                  <span className="min-w-0 flex-1 truncate text-sm text-fg" title={n.id} data-testid="graph-list-label">{n.label}</span>
                  <span className="shrink-0 text-[12px] text-fg-muted">
                    {count === "hops" ? `${hops} assume${hops === 1 ? "" : "s"} away` : `${hops} assumer${hops === 1 ? "" : "s"}`}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
