import { consoleRoute, json, parseValue } from "@/lib/auth/console-route";
import { assumeCallerSearchSchema } from "@/lib/domain/console-assume";
import { searchAssumeCallers } from "@/lib/sts/console-caller";
import { queryOf } from "../schemas";

/** Who the console's Assume role can act as: IAM users of every account, or active role sessions (`kind`). */
export const GET = consoleRoute(async (req) => json(await searchAssumeCallers(parseValue(assumeCallerSearchSchema, queryOf(req)))), { anyAccount: true });
