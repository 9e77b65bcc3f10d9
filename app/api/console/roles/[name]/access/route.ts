import { consoleRoute, json } from "@/lib/auth/console-route";
import { roleAccess } from "@/lib/iam/access";

/** Who can assume this role and what it can assume, directly and through chains (Roleplane's analysis, beyond AWS). */
export const GET = consoleRoute<{ name: string }>(async (_req, { ctx, params }) => json(await roleAccess(ctx, params.name)));
