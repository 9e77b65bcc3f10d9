import { consoleRoute, json } from "@/lib/auth/console-route";
import { getAccountGraph } from "@/lib/iam/access-graph-view";

/** The selected account's roles and who can assume them, as nodes and edges for the graph view. Viewers may read it. */
export const GET = consoleRoute(async (_req, { ctx }) => json(await getAccountGraph(ctx)));
