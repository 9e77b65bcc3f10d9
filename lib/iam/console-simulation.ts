import { getDb } from "@/lib/db/client";
import { listActiveAccountRoleSessions } from "@/lib/db/sts-sessions";
import type { ConsoleSimulationInput } from "@/lib/domain/simulation-schemas";
import type { SessionPrincipal, SimulationView } from "@/lib/domain/simulation-types";
import { explainDecision } from "@/lib/policy";
import { simulatePolicies, simulationRequest } from "./simulate";
import { consoleSimulationSource } from "./simulation-principals";

/**
 * The console's simulations (the Simulator page, Test who can assume, the comparison of roles with resource-based
 * policies, an audit refusal's explanation): SimulatePrincipalPolicy's members, with a principal that may also be a
 * role session or another account's principal, answered with the evaluator's reasons in plain words.
 */
export async function consoleSimulation(accountId: string, input: ConsoleSimulationInput): Promise<SimulationView> {
  const source = input.PolicySourceArn ? await consoleSimulationSource(accountId, input.PolicySourceArn, input.SupposeExternalAllowed) : undefined;
  const out = await simulatePolicies({ ...simulationRequest(accountId, input, source), principalIsCaller: true });
  return {
    ...out,
    results: out.results.map((r) => ({
      action: r.action,
      resourceName: r.resourceName,
      decision: r.decision,
      resources: r.resources.map(({ explanation, ...rest }) => ({ ...rest, reasons: explainDecision(explanation) })),
    })),
  };
}

/** The account's usable role sessions, newest first, once per ARN (the simulator takes the newest of a name). */
export async function sessionPrincipals(accountId: string, now = new Date()): Promise<SessionPrincipal[]> {
  const seen = new Set<string>();
  const out: SessionPrincipal[] = [];
  for (const s of await listActiveAccountRoleSessions(getDb(), accountId, now)) {
    if (seen.has(s.arn)) continue;
    seen.add(s.arn);
    out.push({ arn: s.arn, roleArn: s.roleArn ?? "", expiresAt: s.expiresAt });
  }
  return out;
}
