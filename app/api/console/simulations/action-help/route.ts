import { consoleRoute, json, parseValue } from "@/lib/auth/console-route";
import { actionHelpQuerySchema } from "@/lib/domain/simulation-schemas";
import { actionHelp } from "@/lib/iam/action-catalogue";

/** Read-only: the resource ARN patterns and context keys of the chosen actions, from the catalogue. */
export const GET = consoleRoute(async (req) => {
  const { action } = parseValue(actionHelpQuerySchema, { action: req.nextUrl.searchParams.getAll("action") });
  return json({ items: await actionHelp(action) });
});
