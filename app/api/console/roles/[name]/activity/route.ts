import { consoleRoute, json } from "@/lib/auth/console-route";
import { listAuditEvents } from "@/lib/iam/audit";
import { getRole } from "@/lib/iam/roles";

export const GET = consoleRoute<{ name: string }>(async (_req, { ctx, params }) => {
  const role = await getRole(ctx, params.name);
  return json(await listAuditEvents({ accountId: ctx.accountId, target: role.arn, limit: 100 }));
});
