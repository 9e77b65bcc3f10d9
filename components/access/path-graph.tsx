"use client";
import { useId } from "react";
import { consoleHref, shortArn } from "./principal-links";

/** One hop of a chain: whether the request must meet a condition for it (unknown when the analysis gave no hop). */
export interface PathHop {
  conditional: boolean | undefined;
}

const NODE_W = 168;
const NODE_H = 40;
const GAP = 56;
const PAD = 6;

type Shape = "principal" | "role" | "outside";
function shapeOf(arn: string, i: number, kind: string): Shape {
  if (i > 0 || /:role\//.test(arn)) return "role";
  return kind === "user" ? "principal" : "outside";
}

/** Users as rounded pills, roles as rectangles, principals beyond the store (accounts, services, providers) as hexagons. */
function NodeShape({ shape, x }: { shape: Shape; x: number }) {
  const cls = "fill-surface stroke-border-strong";
  if (shape === "principal") return <rect x={x} y={PAD} width={NODE_W} height={NODE_H} rx={NODE_H / 2} className={cls} strokeWidth={1.5} />;
  if (shape === "role") return <rect x={x} y={PAD} width={NODE_W} height={NODE_H} rx={6} className={cls} strokeWidth={1.5} />;
  const y = PAD, h = NODE_H, w = NODE_W, c = 12;
  return <polygon points={`${x + c},${y} ${x + w - c},${y} ${x + w},${y + h / 2} ${x + w - c},${y + h} ${x + c},${y + h} ${x},${y + h / 2}`} className={cls} strokeWidth={1.5} />;
}

/**
 * A chain drawn left to right: the principal, each role assumed, this role. A dashed arrow is a hop the request must
 * meet a condition for. Each node in this account links to its page; the ordered list after it says the same in words.
 */
export function PathGraph({ path, hops, kind, accountId }: { path: string[]; hops: PathHop[]; kind: string; accountId: string }) {
  const width = path.length * NODE_W + (path.length - 1) * GAP + 2 * PAD;
  const height = NODE_H + 2 * PAD;
  // Several chains may be open at once: each graph's arrowhead needs its own id.
  const arrow = `path-arrow-${useId().replace(/[^\w-]/g, "")}`;
  return (
    <figure className="flex flex-col gap-2" data-testid="access-path-graph">
      <div className="overflow-x-auto">
        <svg aria-hidden="true" width={width} height={height} viewBox={`0 0 ${width} ${height}`} className="text-fg-muted">
          <defs>
            <marker id={arrow} viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto">
              <path d="M0,0 L8,4 L0,8 z" className="fill-fg-muted" />
            </marker>
          </defs>
          {path.slice(1).map((_, i) => {
            const x1 = PAD + (i + 1) * NODE_W + i * GAP;
            const dashed = hops[i]?.conditional === true;
            return (
              <line key={i} x1={x1 + 2} y1={PAD + NODE_H / 2} x2={x1 + GAP - 3} y2={PAD + NODE_H / 2} stroke="currentColor" strokeWidth={1.5} strokeDasharray={dashed ? "5 4" : undefined} markerEnd={`url(#${arrow})`} data-conditional={dashed} />
            );
          })}
          {path.map((arn, i) => {
            const x = PAD + i * (NODE_W + GAP);
            const href = consoleHref(arn, accountId);
            const label = (
              <>
                <NodeShape shape={shapeOf(arn, i, kind)} x={x} />
                <text x={x + NODE_W / 2} y={PAD + NODE_H / 2} dominantBaseline="central" textAnchor="middle" className={href ? "fill-accent text-[12px] font-medium" : "fill-fg text-[12px]"}>
                  {shortArn(arn, 22)}
                </text>
                <title>{arn}</title>
              </>
            );
            return href ? <a key={i} href={href} tabIndex={-1}>{label}</a> : <g key={i}>{label}</g>;
          })}
        </svg>
      </div>
      <p className="text-[12px] text-fg-muted" data-testid="access-path-legend">
        Rounded: a user · square corners: a role · six sides: a principal beyond this Roleplane&apos;s users and roles · dashed arrow: the hop needs a condition
      </p>
      <figcaption>
        <ol className="flex flex-wrap items-center gap-x-1.5 gap-y-1 text-[12.5px]" aria-label="Path" data-testid="access-path">
          {path.map((arn, i) => {
            const href = consoleHref(arn, accountId);
            return (
              <li key={i} className="flex items-center gap-1.5">
                {i > 0 && <span className="text-fg-muted">{hops[i - 1]?.conditional ? "⇢ (with conditions)" : "→"} </span>}
                {href ? <a href={href} className="font-mono text-accent underline-offset-2 hover:underline break-all">{arn}</a> : <code className="font-mono break-all">{arn}</code>}
              </li>
            );
          })}
        </ol>
      </figcaption>
    </figure>
  );
}
