import { consoleRoute, json } from "@/lib/auth/console-route";
import { listGroupPoliciesOfUser } from "@/lib/iam/groups";

/** The policies the user holds through its groups, which IAM evaluates as its own. */
export const GET = consoleRoute<{ name: string }>(async (_req, { ctx, params }) => json(await listGroupPoliciesOfUser(ctx, params.name)));
