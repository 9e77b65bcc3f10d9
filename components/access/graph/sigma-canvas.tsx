"use client";
import { useEffect, useRef } from "react";
import type Graph from "graphology";

/**
 * The WebGL drawing of the focused neighbourhood (sigma.js on a graphology graph). Nodes carry x, y, size, color,
 * label, shape; edges carry color, size and, when conditional, a dash. Labels are drawn centred below their nodes:
 * one to the right of a node in the rightmost column ran off the canvas (graph-style.ts's canvasLabel keeps half a
 * label within the stage padding). Clicking a node selects it; everything else (search, lists, keyboard) lives
 * outside the canvas, since its contents are not accessible.
 */
export function SigmaCanvas({ graph, labelColor, onSelect }: { graph: Graph; labelColor: string; onSelect: (id: string) => void }) {
  const container = useRef<HTMLDivElement>(null);
  const select = useRef(onSelect);
  useEffect(() => {
    select.current = onSelect;
  }, [onSelect]);

  useEffect(() => {
    let renderer: { kill(): void } | undefined;
    let cancelled = false;
    (async () => {
      const [{ default: Sigma, DEFAULT_STYLES }, r] = await Promise.all([import("sigma"), import("sigma/rendering")]);
      if (cancelled || !container.current) return;
      const sigma = new Sigma(graph, container.current, {
        primitives: {
          nodes: { shapes: [r.sdfCircle(), r.sdfSquare(), r.sdfTriangle(), r.sdfDiamond()], layers: [r.layerFill()] },
          edges: {
            variables: {
              solidColor: { type: "color", default: "#999999" },
              dashSize: { type: "number", default: 0 },
              gapSize: { type: "number", default: 0 },
            },
            // A conditional edge's solid layer is transparent, so only its dashes show.
            layers: [r.layerPlain({ color: { attribute: "solidColor" } }), r.layerDashed({ dashSize: { attribute: "dashSize", mode: "pixels" }, gapSize: { attribute: "gapSize", mode: "pixels" } })],
            extremities: [r.extremityArrow()],
          },
        },
        styles: {
          nodes: [DEFAULT_STYLES.nodes, { shape: { attribute: "shape" }, labelPosition: "below", labelColor, labelVisibility: "visible" }],
          edges: [DEFAULT_STYLES.edges, { head: "arrow", solidColor: { attribute: "solidColor" }, dashSize: { attribute: "dashSize" }, gapSize: { attribute: "gapSize" } }],
        },
        settings: { stagePadding: 110, labelDensity: 1, labelRenderedSizeThreshold: 0, itemSizesReference: "screen", enableNodeDrag: false },
      });
      sigma.on("clickNode", ({ node }: { node: string }) => select.current(node));
      renderer = sigma;
    })();
    return () => {
      cancelled = true;
      renderer?.kill();
    };
  }, [graph, labelColor]);

  return <div ref={container} data-testid="graph-canvas" className="h-full w-full" />;
}
