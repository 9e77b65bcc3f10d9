import Graph from "graphology";
import type { Focus } from "@/lib/access/graph-focus";
import { layoutFocus } from "@/lib/access/graph-focus";
import type { AccountGraph, GraphNode } from "@/lib/access/graph-view";

/** How each kind of node is drawn: colour (light and dark theme) and shape, so colour is never the only signal. */
export const KIND_STYLE: Record<"role" | "foreign-role" | "user" | "service" | "federated" | "outside", { label: string; light: string; dark: string; shape: "circle" | "square" | "triangle" | "diamond" }> = {
  role: { label: "Role of this account", light: "#4f46e5", dark: "#8b87ff", shape: "circle" },
  "foreign-role": { label: "Role of another account", light: "#9333ea", dark: "#c084fc", shape: "circle" },
  user: { label: "IAM user", light: "#0f766e", dark: "#2dd4bf", shape: "square" },
  service: { label: "AWS service", light: "#b45309", dark: "#fbbf24", shape: "triangle" },
  federated: { label: "Identity provider", light: "#0369a1", dark: "#38bdf8", shape: "triangle" },
  outside: { label: "Outside this Roleplane (account, ARN, *)", light: "#be123c", dark: "#fb7185", shape: "diamond" },
};

export function styleKindOf(n: GraphNode): keyof typeof KIND_STYLE {
  if (n.kind === "role") return n.inAccount ? "role" : "foreign-role";
  if (n.kind === "user" || n.kind === "service" || n.kind === "federated") return n.kind;
  return "outside";
}

export const EDGE_COLORS = { light: { path: "#4f46e5", other: "#9aa3b2" }, dark: { path: "#8b87ff", other: "#4b5366" } };

/**
 * The canvas draws each label centred under its node (sigma-canvas.tsx), so at most half a label reaches past a node:
 * at this length (about 190 px in sigma's 14 px label font) that half stays within the canvas's stage padding, and
 * a label ends before the next column's. A longer name keeps its start and end; the panel beside shows it whole.
 */
export const CANVAS_LABEL_MAX = 24;
export function canvasLabel(label: string): string {
  if (label.length <= CANVAS_LABEL_MAX) return label;
  const head = Math.ceil((CANVAS_LABEL_MAX - 1) / 2);
  return `${label.slice(0, head)}…${label.slice(label.length - (CANVAS_LABEL_MAX - 1 - head))}`;
}

/** The graphology graph sigma draws: the focus's nodes at their layout, its incoming paths strong, the rest faded. */
export function drawnGraph(graph: AccountGraph, focus: Focus, dark: boolean): Graph {
  const g = new Graph({ type: "directed" });
  const onPath = new Set([focus.center, ...focus.incoming.map((i) => i.node)]);
  const theme = dark ? "dark" : "light";
  for (const [n, { x, y }] of layoutFocus(graph, focus)) {
    const node = graph.nodes[n];
    const style = KIND_STYLE[styleKindOf(node)];
    const color = style[theme];
    g.addNode(node.id, {
      x,
      y: -y,
      label: canvasLabel(node.label),
      shape: style.shape,
      size: n === focus.center ? 14 : onPath.has(n) ? 9 : 6,
      color: onPath.has(n) ? color : `${color}66`,
    });
  }
  for (const i of focus.edges) {
    const e = graph.edges[i];
    const path = focus.incomingEdges.has(i);
    const color = EDGE_COLORS[theme][path ? "path" : "other"];
    g.mergeEdge(graph.nodes[e.source].id, graph.nodes[e.target].id, {
      size: path ? 2.5 : 1,
      color,
      solidColor: e.conditional ? "#00000000" : color,
      dashSize: e.conditional ? 6 : 0,
      gapSize: e.conditional ? 4 : 0,
    });
  }
  return g;
}
