import { consoleRoute, json } from "@/lib/auth/console-route";
import { whoCanPassRole } from "@/lib/iam/pass-role";

/** Who may pass this role to which service (Roleplane's own analysis, beyond AWS). */
export const GET = consoleRoute<{ name: string }>(async (_req, { ctx, params }) => json(await whoCanPassRole(ctx, params.name)));
