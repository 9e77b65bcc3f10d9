import { consoleRoute, json, parseValue } from "@/lib/auth/console-route";
import { actionSuggestionQuerySchema } from "@/lib/domain/simulation-schemas";
import { suggestActions } from "@/lib/iam/action-catalogue";

/** Read-only: catalogue actions (and `service:*`) matching what was typed, for the Simulator's completion. */
export const GET = consoleRoute(async (req) => {
  const { q } = parseValue(actionSuggestionQuerySchema, { q: req.nextUrl.searchParams.get("q") ?? "" });
  return json({ items: await suggestActions(q) });
});
