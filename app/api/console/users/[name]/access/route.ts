import { consoleRoute, json } from "@/lib/auth/console-route";
import { userAccess } from "@/lib/iam/access";

/** What this user can assume, directly and through chains (Roleplane's analysis, beyond AWS). */
export const GET = consoleRoute<{ name: string }>(async (_req, { ctx, params }) => json(await userAccess(ctx, params.name)));
