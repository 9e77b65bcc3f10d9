import { consoleRoute, json, parseJson } from "@/lib/auth/console-route";
import { consoleSimulationSchema } from "@/lib/domain/simulation-schemas";
import { consoleSimulation } from "@/lib/iam/console-simulation";

/**
 * The console's simulations: read-only, so any console user may run them (viewers review access too). Each resource
 * result carries the evaluator's reasons in plain words in place of the full decision.
 */
export const POST = consoleRoute(async (req, { ctx }) => json(await consoleSimulation(ctx.accountId, await parseJson(req, consoleSimulationSchema))));
