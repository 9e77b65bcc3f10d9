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
import type {
  Decision,
  EvaluationRequest,
  GateReason,
  PolicySet,
  PolicyType,
  PrincipalMatchVia,
  Reason,
  StatementReason,
} from "./evaluate-types";
import { evaluatePolicies, loadPolicy, type LoadedPolicy, type PolicyTypeResult } from "./evaluate-statements";

export { explainDecision } from "./evaluate-explain";

const EMPTY: PolicyTypeResult = { allows: [], denies: [], nearMisses: [] };

const STRENGTH: Record<PrincipalMatchVia, number> = { principal: 4, wildcard: 3, role: 2, account: 1 };

/** The broadest way an allowing resource-policy statement named the principal. */
function strongestGrant(allows: StatementReason[]): PrincipalMatchVia | undefined {
  let best: PrincipalMatchVia | undefined;
  for (const a of allows) {
    const via = a.principal?.via;
    if (via && (!best || STRENGTH[via] > STRENGTH[best])) best = via;
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

/** Evaluates a request against the policies that apply to it. */
export function evaluateRequest(request: EvaluationRequest, policies: PolicySet): Decision {
  const lookup = contextLookup(request.context);
  const p = request.principal;
  const resourceType: PolicyType = policies.resource?.kind === "trust" ? "trust" : "resource";

  const identity = policies.identity.map((d, index) => loadPolicy(d.document, { type: "identity", name: d.name, arn: d.arn, index, ...(d.group ? { group: d.group } : {}) }));
  const boundary = policies.boundary ? [loadPolicy(policies.boundary.document, { type: "boundary", arn: policies.boundary.arn, index: 0 })] : [];
  const session = (policies.session ?? []).map((d, index) => loadPolicy(d.document, { type: "session", name: d.name, arn: d.arn, index }));
  const resource = policies.resource
    ? [loadPolicy(policies.resource.document, { type: resourceType, name: policies.resource.name, arn: policies.resource.arn, index: 0 })]
    : [];

  const iamPrincipal = p.type !== "service" && p.type !== "federated";
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

  // 1. Explicit deny anywhere wins.
  const denies = statements((r) => r.denies);
  if (denies.length > 0) {
    const first = denies[0];
    reasons.push(gate(first.policy.type, "denies"), ...denies);
    return { decision: "ExplicitlyDenied", ...echo, deniedBy: first.policy.type, deniedByPolicy: first.policy, reasons };
  }

  const identityAllows = p.type === "root" || results.identity.allows.length > 0;
  const boundaryAllows = boundary.length === 0 || results.boundary.allows.length > 0;
  // A federated-user session (GetFederationToken) has only what its session policy grants.
  const sessionAllows = session.length === 0 ? p.type !== "federated-user" : results.session.allows.length > 0;
  const resourceAllows = results.resource.allows.length > 0;
  const grant = strongestGrant(results.resource.allows);
  const crossAccount = resource.length > 0 && iamPrincipal && p.accountId !== policies.resource?.ownerAccountId;

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

  /** Allowed unless `deniedBy` names the policy type that had to allow and did not. */
  const finish = (gates: (GateReason | undefined)[], deniedBy?: PolicyType): Decision => {
    reasons.push(...gates.filter((g): g is GateReason => g !== undefined));
    reasons.push(...statements((r) => r.allows), ...statements((r) => r.nearMisses));
    return deniedBy === undefined ? { decision: "Allowed", ...echo, reasons } : { decision: "ImplicitlyDenied", ...echo, deniedBy, reasons };
  };

  // 2. Services and identity providers: only the resource policy can grant.
  if (!iamPrincipal) return finish([resourceGate() ?? gate(resourceType, "no-allow", "No resource policy applies.")], resourceAllows ? undefined : resourceType);

  const chain: [PolicyType, boolean][] = [
    ["identity", identityAllows],
    ["boundary", boundaryAllows],
    ["session", sessionAllows],
  ];
  const firstGap = (types: [PolicyType, boolean][]) => types.find(([, ok]) => !ok)?.[0];

  // 3. Cross-account: both sides must allow.
  if (crossAccount) {
    const gap = firstGap([...chain, [resourceType, resourceAllows]]);
    return finish([identityGate(true), boundaryGate(true), sessionGate(true), resourceGate()], gap);
  }

  // 4. Same account with a resource policy.
  if (resourceType === "trust" && resource.length > 0 && !resourceAllows) {
    // "IAM role trust policies ... must explicitly allow access for principals".
    return finish([resourceGate(), identityGate(true), boundaryGate(true), sessionGate(true)], "trust");
  }
  if (grant === "principal" || grant === "wildcard") {
    // Granted to the user or session itself: implicit denies elsewhere do not matter.
    return finish([resourceGate(), identityGate(false), boundaryGate(false), sessionGate(false)]);
  }
  if (grant === "role") {
    // Granted to the role behind the session: "limited by an implicit deny in a permissions boundary or session policy".
    const gap = firstGap(chain.slice(1));
    return finish([resourceGate(), identityGate(false), boundaryGate(true), sessionGate(true)], gap);
  }

  // 5. Identity-based policies, within the boundary and session policies.
  const gap = firstGap(chain);
  return finish([identityGate(true), boundaryGate(true), sessionGate(true), resourceGate()], gap);
}
