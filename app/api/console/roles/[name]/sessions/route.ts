import { consoleRoute, json } from "@/lib/auth/console-route";
import { listRoleSessionViews } from "@/lib/sts/console-sessions";

export const GET = consoleRoute<{ name: string }>(async (_req, { ctx, params }) => json(await listRoleSessionViews(ctx, params.name)));
