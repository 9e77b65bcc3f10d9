import { consoleRoute, json } from "@/lib/auth/console-route";
import { listEntitiesForPolicy } from "@/lib/iam/policies";
import { resolvePolicy } from "../../resolve-policy";

export const GET = consoleRoute<{ name: string }>(async (req, { ctx, params }) => {
  const policy = await resolvePolicy(ctx, req, params.name);
  return json(await listEntitiesForPolicy(ctx, policy.arn));
});
