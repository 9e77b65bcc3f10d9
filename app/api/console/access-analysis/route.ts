import { consoleRoute, json } from "@/lib/auth/console-route";
import { accountAccessAnalysis } from "@/lib/iam/access-analysis";

/** The account's access findings and its roles' counts (Roleplane's analysis, beyond AWS); any signed-in console user may read it. */
export const GET = consoleRoute(async (_req, { ctx }) => json(await accountAccessAnalysis(ctx.accountId)));
