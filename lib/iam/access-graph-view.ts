import { accountGraph, type AccountGraph } from "@/lib/access/graph-view";
import { getDb } from "@/lib/db/client";
import { listRoleArns } from "@/lib/db/roles";
import type { AccessIndex } from "@/lib/access/access-graph";
import { accessIndex } from "./access";
import type { RequestContext } from "./context";

/** One graph per account per index: a new store version makes a new index, so a kept graph is never stale. */
const graphs = new WeakMap<AccessIndex, Map<string, AccountGraph>>();

/** The console's graph view of the caller's account (Roleplane's analysis, beyond AWS). */
export async function getAccountGraph(ctx: RequestContext): Promise<AccountGraph> {
  const index = await accessIndex();
  let byAccount = graphs.get(index);
  if (!byAccount) graphs.set(index, (byAccount = new Map()));
  let graph = byAccount.get(ctx.accountId);
  if (!graph) {
    graph = accountGraph(ctx.accountId, await listRoleArns(getDb(), ctx.accountId), (arn) => index.direct(arn));
    byAccount.set(ctx.accountId, graph);
  }
  return graph;
}
