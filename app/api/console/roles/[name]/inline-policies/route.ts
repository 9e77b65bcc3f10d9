import { consoleRoute, json } from "@/lib/auth/console-route";
import { listRoleInlinePolicies } from "@/lib/iam/roles";

export const GET = consoleRoute<{ name: string }>(async (_req, { ctx, params }) =>
  json(await listRoleInlinePolicies(ctx, params.name)),
);
