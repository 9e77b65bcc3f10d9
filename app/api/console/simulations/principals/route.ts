import { consoleRoute, json } from "@/lib/auth/console-route";
import { sessionPrincipals } from "@/lib/iam/console-simulation";

/** Read-only: the account's usable role sessions, which the Simulator can simulate as. */
export const GET = consoleRoute(async (_req, { ctx }) => json({ items: await sessionPrincipals(ctx.accountId) }));
