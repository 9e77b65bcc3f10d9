import { consoleRoute, json } from "@/lib/auth/console-route";
import { listUserInlinePolicies } from "@/lib/iam/users";

export const GET = consoleRoute<{ name: string }>(async (_req, { ctx, params }) =>
  json(await listUserInlinePolicies(ctx, params.name)),
);
