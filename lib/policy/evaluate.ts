/**
 * `evaluateRequest`: AWS's policy evaluation logic for one request, pure, with the reasons for the decision.
 *
 * 1. An explicit Deny in any policy wins.
 * 2. Principals that are not IAM identities (services, identity providers) are decided by the resource policy.
 * 3. Cross-account: the caller's identity-based policies (within its boundary and session policies) AND the
 *    resource policy must both allow.
 * 4. Same account: a resource policy that grants to the requesting user or session itself (or `*`) is enough;
 *    one that grants to the role behind a session is still limited by the boundary and session policies; one
 *    that names only the account delegates to identity-based policies. Role trust policies must allow in any case.
 * 5. Otherwise an identity-based policy must allow, and the permissions boundary and session policies, when
 *    present, must allow as well. The root user is allowed by default in its own account.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html
 */
import { contextLookup } from "./conditions";
import { decideLayers, GRANT_STRENGTH, isIamPrincipal, type DecisionRoute } from "./evaluate-logic";
import type { Decision, EvaluationRequest, GateReason, PolicySet, PolicyType, PrincipalMatchVia, Reason, StatementReason } from "./evaluate-types";
import { evaluatePolicies, loadPolicy, type LoadedPolicy, type PolicyTypeResult } from "./evaluate-statements";
import type { CompiledPolicy } from "./compile";
import type { PolicyCache } from "./policy-cache";

export { explainDecision } from "./evaluate-explain";

const EMPTY: PolicyTypeResult = { allows: [], denies: [], nearMisses: [] };

/** The broadest way an allowing resource-policy statement named the principal. */
function strongestGrant(allows: StatementReason[]): PrincipalMatchVia | undefined {
  let best: PrincipalMatchVia | undefined;
  for (const a of allows) {
    const via = a.principal?.via;
    if (via && (!best || GRANT_STRENGTH[via] > GRANT_STRENGTH[best])) best = via;
  }
  return best;
}

const GRANT_NOTE: Record<PrincipalMatchVia, string> = {
  principal: "It names the principal itself.",
  wildcard: "It names every principal (*).",
  role: "It names the role behind the session, so the boundary and session policies still apply.",
  account: "It names only the principal's account, so an identity-based policy must allow as well.",
};

const gate = (type: PolicyType, result: GateReason["result"], note?: string): GateReason => ({
  kind: "gate",
  type,
  result,
  ...(note ? { note } : {}),
});

/** The policies of a set, read for evaluation (from `cache` when given, so each document is read once). */
export function loadPolicySet(policies: PolicySet, cache?: PolicyCache<CompiledPolicy>) {
  const resourceType: "resource" | "trust" = policies.resource?.kind === "trust" ? "trust" : "resource";
  return {
    resourceType,
    identity: policies.identity.map((d, index) =>
      loadPolicy(d.document, { type: "identity", name: d.name, arn: d.arn, index, ...(d.group ? { group: d.group } : {}) }, cache),
    ),
    boundary: policies.boundary ? [loadPolicy(policies.boundary.document, { type: "boundary", arn: policies.boundary.arn, index: 0 }, cache)] : [],
    session: (policies.session ?? []).map((d, index) => loadPolicy(d.document, { type: "session", name: d.name, arn: d.arn, index }, cache)),
    resource: policies.resource
      ? [loadPolicy(policies.resource.document, { type: resourceType, name: policies.resource.name, arn: policies.resource.arn, index: 0 }, cache)]
      : [],
  };
}

/** Evaluates a request against the policies that apply to it, with every reason behind the decision. */
export function evaluateRequest(request: EvaluationRequest, policies: PolicySet, options: { cache?: PolicyCache<CompiledPolicy> } = {}): Decision {
  const lookup = contextLookup(request.context);
  const p = request.principal;
  const { resourceType, identity, boundary, session, resource } = loadPolicySet(policies, options.cache);

  const iamPrincipal = isIamPrincipal(p);
  // Services and identity providers have no identity-based policies of their own.
  const run = (list: LoadedPolicy[], isResource: boolean) => (iamPrincipal || isResource ? evaluatePolicies(list, request, lookup, isResource) : EMPTY);
  const results: Record<"identity" | "boundary" | "session" | "resource", PolicyTypeResult> = {
    identity: run(identity, false),
    boundary: run(boundary, false),
    session: run(session, false),
    resource: run(resource, true),
  };

  const reasons: Reason[] = [];
  const echo = { action: request.action, resource: request.resource };
  for (const l of [...identity, ...boundary, ...session, ...resource]) {
    if (l.error) reasons.push({ kind: "unreadable", policy: l.ref, message: l.error });
  }
  const statements = (pick: (r: PolicyTypeResult) => StatementReason[]) =>
    (["identity", "resource", "boundary", "session"] as const).flatMap((k) => pick(results[k]));

  const denies = statements((r) => r.denies);
  const grant = strongestGrant(results.resource.allows);
  const verdict = decideLayers(p, {
    deniedBy: denies[0]?.policy.type,
    identityAllows: results.identity.allows.length > 0,
    boundaryAllows: results.boundary.allows.length > 0,
    sessionAllows: results.session.allows.length > 0,
    resourceAllows: results.resource.allows.length > 0,
    grant,
    hasBoundary: boundary.length > 0,
    hasSession: session.length > 0,
    hasResource: resource.length > 0,
    resourceType,
    resourceOwner: policies.resource?.ownerAccountId,
  });

  // 1. Explicit deny anywhere wins.
  if (verdict.route === "deny") {
    const first = denies[0];
    reasons.push(gate(first.policy.type, "denies"), ...denies);
    return { decision: "ExplicitlyDenied", ...echo, deniedBy: first.policy.type, deniedByPolicy: first.policy, reasons };
  }

  const identityAllows = p.type === "root" || results.identity.allows.length > 0;
  const boundaryAllows = results.boundary.allows.length > 0;
  const sessionAllows = results.session.allows.length > 0;
  const resourceAllows = results.resource.allows.length > 0;
  const resourceName = resourceType === "trust" ? "role trust policy" : "resource-based policy";
  const identityGate = (required: boolean): GateReason =>
    !required
      ? gate("identity", "not-required", `The ${resourceName} ${grant === "role" ? "names the role behind the session" : "grants access to the principal directly"}.`)
      : p.type === "root"
        ? gate("identity", "allows", "The account root user is allowed by default in its own account.")
        : gate("identity", identityAllows ? "allows" : "no-allow");
  const boundaryGate = (required: boolean): GateReason =>
    boundary.length === 0 ? gate("boundary", "absent") : !required ? gate("boundary", "not-required") : gate("boundary", boundaryAllows ? "allows" : "no-allow");
  const sessionGate = (required: boolean): GateReason =>
    session.length === 0
      ? p.type === "federated-user"
        ? gate("session", "no-allow", "A federated user session has only the permissions its session policy grants.")
        : gate("session", "absent")
      : !required
        ? gate("session", "not-required")
        : gate("session", sessionAllows ? "allows" : "no-allow");
  const resourceGate = (): GateReason | undefined =>
    resource.length === 0 ? undefined : gate(resourceType, resourceAllows ? "allows" : "no-allow", grant ? GRANT_NOTE[grant] : undefined);

  // Each route shows the policy types in the order they decided.
  const GATES: Record<Exclude<DecisionRoute, "deny">, () => (GateReason | undefined)[]> = {
    "non-iam": () => [resourceGate() ?? gate(resourceType, "no-allow", "No resource policy applies.")],
    "cross-account": () => [identityGate(true), boundaryGate(true), sessionGate(true), resourceGate()],
    trust: () => [resourceGate(), identityGate(true), boundaryGate(true), sessionGate(true)],
    "grant-direct": () => [resourceGate(), identityGate(false), boundaryGate(false), sessionGate(false)],
    "grant-role": () => [resourceGate(), identityGate(false), boundaryGate(true), sessionGate(true)],
    identity: () => [identityGate(true), boundaryGate(true), sessionGate(true), resourceGate()],
  };
  reasons.push(...GATES[verdict.route]().filter((g): g is GateReason => g !== undefined));
  reasons.push(...statements((r) => r.allows), ...statements((r) => r.nearMisses));
  return verdict.decision === "Allowed"
    ? { decision: "Allowed", ...echo, reasons }
    : { decision: "ImplicitlyDenied", ...echo, deniedBy: verdict.deniedBy, reasons };
}
