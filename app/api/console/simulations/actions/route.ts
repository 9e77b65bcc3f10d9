import { consoleRoute, json, parseValue } from "@/lib/auth/console-route";
import { actionSuggestionQuerySchema } from "@/lib/domain/simulation-schemas";
import { serviceActions, suggestActions } from "@/lib/iam/action-catalogue";

/**
 * Read-only, for the Simulator's completion: catalogue actions (and `service:*`) matching `q`, or with `service`
 * every action of that service (what "all actions" expands to).
 */
export const GET = consoleRoute(async (req) => {
  const p = req.nextUrl.searchParams;
  const { q, service } = parseValue(actionSuggestionQuerySchema, { q: p.get("q") ?? undefined, service: p.get("service") ?? undefined });
  if (service !== undefined) return json({ items: (await serviceActions(service)).map((action) => ({ action, accessLevel: "" })) });
  return json({ items: await suggestActions(q ?? "") });
});
