import { consoleRoute, json, parseJson } from "@/lib/auth/console-route";
import { consoleSimulationSchema } from "@/lib/domain/simulation-schemas";
import { simulatePolicies, simulationRequest } from "@/lib/iam/simulate";
import { explainDecision } from "@/lib/policy";

/**
 * The Simulator page's evaluation: read-only, so any console user may run it (viewers review access too). Each
 * resource result carries the evaluator's reasons in plain words in place of the full decision.
 */
export const POST = consoleRoute(async (req, { ctx }) => {
  const input = await parseJson(req, consoleSimulationSchema);
  const out = await simulatePolicies(simulationRequest(ctx.accountId, input));
  return json({
    ...out,
    results: out.results.map((r) => ({
      ...r,
      resources: r.resources.map(({ explanation, ...rest }) => ({ ...rest, reasons: explainDecision(explanation) })),
    })),
  });
});
