import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/api/fetch-json";
import type { AccountGraph } from "@/lib/access/graph-view";

/** The graph view's address: the node in focus and how many assumes around it are drawn. */
export const toAccessGraph = ({ node, hops }: { node?: string; hops?: number } = {}) => {
  const q = new URLSearchParams();
  if (node) q.set("node", node);
  if (hops) q.set("hops", String(hops));
  return `/access/graph${q.size ? `?${q}` : ""}`;
};

/** The selected account's graph; like every access answer, never kept stale. */
export const useAccountGraphQuery = () =>
  useQuery({ queryKey: ["access", "graph"], queryFn: () => fetchJson<AccountGraph>("/api/console/access/graph"), staleTime: 0 });
