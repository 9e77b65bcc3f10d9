"use client";
import { useCallback, useMemo, useSyncExternalStore } from "react";
import { useRouter, useSearchParams } from "next/navigation";
import { Network } from "lucide-react";
import { adjacencyOf, focusOn } from "@/lib/access/graph-focus";
import { Badge } from "@/components/ui/badge";
import { CopyButton } from "@/components/ui/copy-button";
import { Select } from "@/components/ui/input";
import { Card, EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import { GraphLegend, GraphNodeList } from "./graph-panels";
import { GraphSearch } from "./graph-search";
import { drawnGraph, KIND_STYLE, styleKindOf } from "./graph-style";
import { toAccessGraph, useAccountGraphQuery } from "./graph-queries";
import { SigmaCanvas } from "./sigma-canvas";

const HOPS = [1, 2, 3, 4, 5, 6];
const DEFAULT_HOPS = 3;

function subscribeTheme(onChange: () => void) {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  return () => observer.disconnect();
}
const useDarkTheme = () => useSyncExternalStore(subscribeTheme, () => document.documentElement.classList.contains("dark"), () => false);

/**
 * The graph view of the selected account: search a principal or role, and its neighbourhood is drawn (WebGL) with
 * its incoming paths highlighted and listed beside it. Roleplane's analysis, beyond AWS.
 */
export function AccessGraphView() {
  const params = useSearchParams();
  const router = useRouter();
  const nodeId = params.get("node") ?? undefined;
  const hops = HOPS.includes(Number(params.get("hops"))) ? Number(params.get("hops")) : DEFAULT_HOPS;
  const { data, error, refetch } = useAccountGraphQuery();
  const dark = useDarkTheme();

  const adjacency = useMemo(() => (data ? adjacencyOf(data) : undefined), [data]);
  const indexOf = useMemo(() => new Map(data?.nodes.map((n, i) => [n.id, i]) ?? []), [data]);
  const center = nodeId === undefined ? undefined : indexOf.get(nodeId);
  const focus = useMemo(() => (data && adjacency && center !== undefined ? focusOn(data, adjacency, center, hops) : undefined), [data, adjacency, center, hops]);
  const drawn = useMemo(() => (data && focus ? drawnGraph(data, focus, dark) : undefined), [data, focus, dark]);
  const select = useCallback((id: string) => router.push(toAccessGraph({ node: id, hops })), [router, hops]);
  const mostAssumable = useMemo(
    () => (data && adjacency ? data.nodes.map((n, i) => ({ node: i, hops: adjacency.incoming[i].length })).filter((x) => x.hops > 0 && data.nodes[x.node].inAccount).sort((a, b) => b.hops - a.hops).slice(0, 10) : []),
    [data, adjacency],
  );

  if (error) return <ErrorState title="Could not load the graph" message={error.message} onRetry={() => refetch()} />;
  if (!data) return <div role="status" aria-label="Loading the graph"><Skeleton className="h-[560px] w-full rounded-xl" /></div>;

  const selected = center === undefined ? undefined : data.nodes[center];
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-3">
        <GraphSearch graph={data} onSelect={select} />
        <label className="flex items-center gap-2 text-[13px] text-fg-muted">
          Hops around it
          <Select data-testid="graph-hops" value={hops} className="w-20" onChange={(e) => router.push(toAccessGraph({ node: nodeId, hops: Number(e.target.value) }))}>
            {HOPS.map((h) => <option key={h} value={h}>{h}</option>)}
          </Select>
        </label>
        <p className="ml-auto text-[13px] text-fg-muted" data-testid="graph-totals">
          {data.nodes.length.toLocaleString("en")} nodes · {data.edges.length.toLocaleString("en")} assume edges in account {data.account}
        </p>
      </div>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <Card padded={false} className="overflow-hidden">
          <div className="relative h-[560px] bg-surface">
            {drawn ? (
              <SigmaCanvas graph={drawn} labelColor={dark ? "#e8ebf1" : "#101828"} onSelect={select} />
            ) : (
              <EmptyState icon={<Network aria-hidden className="size-5" />} title={nodeId ? "Not in this account's graph" : "Choose a role or principal"} className="h-full">
                {nodeId ? <>No role of account {data.account} nor anyone who can assume one is <code className="font-mono">{nodeId}</code>.</> : <>Search above, or pick one of the roles most principals can assume. Only its neighbourhood is drawn, so accounts of any size stay readable.</>}
              </EmptyState>
            )}
          </div>
          <GraphLegend dark={dark} />
        </Card>
        <div className="flex flex-col gap-4">
          {selected && focus ? (
            <>
              <Card title={<span className="flex items-center gap-2">{selected.label} <Badge>{KIND_STYLE[styleKindOf(selected)].label}</Badge></span>}>
                <div className="flex items-start gap-1.5">
                  <code className="min-w-0 flex-1 font-mono text-[12px] break-all text-fg-muted" data-testid="graph-selected">{selected.id}</code>
                  <CopyButton value={selected.id} label="Copy ARN" />
                </div>
              </Card>
              <GraphNodeList
                title="Incoming paths"
                description={`Who can reach ${selected.label} within ${hops} assume${hops === 1 ? "" : "s"}, highlighted in the graph.${focus.beyond ? ` ${focus.beyond} more need more assumes: raise the hops to draw them.` : ""}`}
                empty="Nobody in the store can assume it."
                graph={data}
                items={focus.incoming}
                testId="graph-incoming"
                onSelect={select}
              />
            </>
          ) : (
            <GraphNodeList title="Most assumable roles" description="Roles of this account with the most principals that can assume them directly." empty="No role of this account can be assumed by anyone." graph={data} items={mostAssumable} count="assumers" testId="graph-top-roles" onSelect={select} />
          )}
        </div>
      </div>
    </div>
  );
}
