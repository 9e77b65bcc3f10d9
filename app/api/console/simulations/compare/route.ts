import { consoleRoute, json, parseJson } from "@/lib/auth/console-route";
import { compareAccessSchema } from "@/lib/domain/simulation-schemas";
import { compareAccess } from "@/lib/iam/compare-access";

/** Read-only: roles compared with resource-based policies for one caller, action and resource; viewers may run it. */
export const POST = consoleRoute(async (req, { ctx }) => json(await compareAccess(ctx.accountId, await parseJson(req, compareAccessSchema))));
