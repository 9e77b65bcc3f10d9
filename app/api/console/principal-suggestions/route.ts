import { consoleRoute, json } from "@/lib/auth/console-route";
import { getPrincipalSuggestions } from "@/lib/iam/principal-suggestions";

/** Read-only: principals the policy editor offers for completion. */
export const GET = consoleRoute(async (_req, { ctx }) => json({ items: await getPrincipalSuggestions(ctx) }));
