/**
 * `decideRequest`: the same decision as `evaluateRequest`, without the explanation. Each document is compiled once
 * (see compile.ts) and statements are matched with early exits: a Deny that applies ends the evaluation, and once
 * a policy type has an Allow its other Allow statements are not looked at. The rules that turn what each policy
 * type said into a decision are `decideLayers`, shared with the explained path; a property test checks that both
 * paths always agree on the decision and the policy type that decided it.
 *
 * The API and STS decide with this; the simulator and the console explain with `evaluateRequest`.
 */
import type { CompiledList, CompiledPolicy, CompiledStatement } from "./compile";
import { compiledPolicy } from "./compile";
import { contextLookup, judgeCondition } from "./conditions";
import { decideLayers, GRANT_STRENGTH, isIamPrincipal, type LayerVerdicts } from "./evaluate-logic";
import { arnMatch, resolveVariables, type ContextLookup } from "./evaluate-patterns";
import { checkPrincipal } from "./evaluate-principals";
import type { EvaluationRequest, PolicySet, PolicyType, PrincipalMatchVia } from "./evaluate-types";
import type { PolicyCache } from "./policy-cache";

/** The decision alone: Allowed, or the policy type behind a denial. */
export type FastDecision =
  | { decision: "Allowed" }
  | { decision: "ExplicitlyDenied" | "ImplicitlyDenied"; deniedBy: PolicyType };

interface Matching {
  action: string;
  resource: string;
  request: EvaluationRequest;
  lookup: ContextLookup;
}

function listMatches(list: CompiledList, value: string, dynamic?: { policy: CompiledPolicy; m: Matching }): boolean {
  let hit = false;
  for (const t of list.tests) if (t(value)) {
    hit = true;
    break;
  }
  if (!hit && dynamic) {
    const lookup = dynamic.policy.variables ? dynamic.m.lookup : undefined;
    for (const d of list.dynamic) {
      const pieces = resolveVariables(d, lookup);
      if (pieces !== null && arnMatch(pieces, value)) {
        hit = true;
        break;
      }
    }
  }
  return list.negated ? !hit : hit;
}

/** Whether every element but the principal matches; the principal is checked by the caller (resource policies). */
function applies(s: CompiledStatement, policy: CompiledPolicy, m: Matching): boolean {
  if (!s.action || !listMatches(s.action, m.action)) return false;
  if (s.resource && !listMatches(s.resource, m.resource, s.resource.dynamic.length > 0 ? { policy, m } : undefined)) return false;
  for (const c of s.conditions) if (!judgeCondition(c, m.lookup, policy.variables).passed) return false;
  return true;
}

type Layer = "identity" | "boundary" | "session" | "resource";

/**
 * Scans one policy type. Returns the type when a Deny applies; records whether an Allow applies (and for a
 * resource policy, the broadest way it named the principal) in `v`.
 */
function scan(layer: Layer, docs: CompiledPolicy[], m: Matching, v: LayerVerdicts, type: PolicyType): PolicyType | undefined {
  const resourcePolicy = layer === "resource";
  let allowed = false;
  let grant: PrincipalMatchVia | undefined;
  for (const policy of docs) {
    for (const s of policy.statements()) {
      // A resource-policy Allow can still widen the grant until it names the principal itself.
      const settled = resourcePolicy ? grant === "principal" : allowed;
      if (!s.deny && settled) continue;
      if (!applies(s, policy, m)) continue;
      if (resourcePolicy) {
        const principal = checkPrincipal(s.model, m.request.principal, true);
        if (!principal.matched) continue;
        if (s.deny) return type;
        allowed = true;
        if (principal.via && (!grant || GRANT_STRENGTH[principal.via] > GRANT_STRENGTH[grant])) grant = principal.via;
      } else if (s.deny) return type;
      else allowed = true;
    }
  }
  if (layer === "identity") v.identityAllows = allowed;
  else if (layer === "boundary") v.boundaryAllows = allowed;
  else if (layer === "session") v.sessionAllows = allowed;
  else {
    v.resourceAllows = allowed;
    v.grant = grant;
  }
  return undefined;
}

/** Decides a request against the policies that apply to it, as `evaluateRequest` would, without the reasons. */
export function decideRequest(request: EvaluationRequest, policies: PolicySet, options: { cache?: PolicyCache<CompiledPolicy> } = {}): FastDecision {
  const resourceType: "resource" | "trust" = policies.resource?.kind === "trust" ? "trust" : "resource";
  const m: Matching = { action: request.action.toLowerCase(), resource: request.resource, request, lookup: contextLookup(request.context) };
  const v: LayerVerdicts = {
    identityAllows: false,
    boundaryAllows: false,
    sessionAllows: false,
    resourceAllows: false,
    hasBoundary: policies.boundary !== undefined,
    hasSession: (policies.session?.length ?? 0) > 0,
    hasResource: policies.resource !== undefined,
    resourceType,
    resourceOwner: policies.resource?.ownerAccountId,
  };
  // Services and identity providers have no identity-based policies of their own. The order is the one AWS's
  // message names a deny in: identity, resource, boundary, session.
  const iam = isIamPrincipal(request.principal);
  const cache = options.cache;
  const denied =
    (iam ? scan("identity", policies.identity.map((d) => compiledPolicy(d.document, cache)), m, v, "identity") : undefined) ??
    (policies.resource ? scan("resource", [compiledPolicy(policies.resource.document, cache)], m, v, resourceType) : undefined) ??
    (iam && policies.boundary ? scan("boundary", [compiledPolicy(policies.boundary.document, cache)], m, v, "boundary") : undefined) ??
    (iam && policies.session ? scan("session", policies.session.map((d) => compiledPolicy(d.document, cache)), m, v, "session") : undefined);
  if (denied) return { decision: "ExplicitlyDenied", deniedBy: denied };
  const d = decideLayers(request.principal, v);
  return d.decision === "Allowed" ? { decision: "Allowed" } : { decision: d.decision, deniedBy: d.deniedBy };
}
