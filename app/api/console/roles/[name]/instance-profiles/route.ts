import { consoleRoute, json } from "@/lib/auth/console-route";
import { LIMITS } from "@/lib/domain/schemas";
import { listInstanceProfilesForRole } from "@/lib/iam/instance-profiles";

/** ListInstanceProfilesForRole. */
export const GET = consoleRoute<{ name: string }>(async (_req, { ctx, params }) =>
  json((await listInstanceProfilesForRole(ctx, params.name, { maxItems: LIMITS.maxItems.max })).items),
);
