import { AwsError } from "@/lib/domain/errors";
import type { ContextEntry, SimulateCustomPolicyInput } from "@/lib/domain/simulation-schemas";
import type { EvalDecision, MatchedStatement, ResourceOutcome, SimulatedDocument } from "@/lib/domain/simulation-types";
import { encodeMarker, pageWindow, type PageRequest } from "@/lib/domain/paging";
import { syncCaches } from "@/lib/db/versioned-cache";
import {
  compiledPolicy,
  decideRequest,
  evaluateRequest,
  type ContextValue,
  type Decision,
  type EvaluationRequest,
  type PolicyRef,
  type PolicySet,
  type PolicyType,
  type RequestPrincipal,
  type StatementReason,
} from "@/lib/policy";
import { roleByArn } from "@/lib/sts/roles";
import { isTrustAction, trustCheck } from "@/lib/sts/trust";
import { actionDetails } from "./action-catalogue";
import { loadSimulatedPrincipal, type SimulatedPrincipal, type SimulationSource } from "./simulation-principals";
import * as input from "./simulation-input";

/**
 * The policy simulator (IAM SimulatePrincipalPolicy / SimulateCustomPolicy): each action evaluated on each resource
 * with the explained evaluation, answered in AWS's terms — the decision, the statements that decided it with their
 * positions, the context keys the policies wanted and did not get, how the boundary and (across accounts) each
 * side decided, per resource and aggregated per action.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_testing-policies.html
 *
 * Beyond AWS: with `trust`, an sts:AssumeRole / AssumeRoleWithWebIdentity / AssumeRoleWithSAML / TagSession /
 * SetSourceIdentity on a role Roleplane holds is evaluated with that role's trust policy, by the same function STS
 * uses (lib/sts/trust.ts), so the answer is what STS will do. AWS's simulator leaves trust policies out.
 */

export type { EvalDecision, MatchedStatement, Position, SimulatedDocument } from "@/lib/domain/simulation-types";

export interface SimulationRequest {
  /** The account the simulation runs in (the API caller's, or the console's current account). */
  accountId: string;
  /** Whose policies: absent for SimulateCustomPolicy. */
  source?: SimulationSource;
  policyInputList: string[];
  boundaryInputList?: string[];
  actionNames: string[];
  resourceArns?: string[];
  resourcePolicy?: string;
  resourceOwner?: string;
  callerArn?: string;
  contextEntries?: ContextEntry[];
  resourceHandlingOption?: string;
  page?: PageRequest;
  /** Evaluate roles' trust policies for the assume actions (Roleplane's addition; SimulatePrincipalPolicy and the console). */
  trust?: boolean;
  /**
   * The console's: any simulated principal (a role, a session, another account's) is the caller a ResourcePolicy's
   * Principal element is matched against. AWS's API takes an IAM user only, or a CallerArn.
   */
  principalIsCaller?: boolean;
}

export interface ResourceResult extends ResourceOutcome {
  /** The full explanation, for the console. */
  explanation: Decision;
}

export interface ActionResult extends Omit<ResourceResult, "resource" | "explanation" | "trustEvaluated"> {
  action: string;
  /** The ARN pattern of the action's resource type, or `*` (AWS's EvalResourceName since results are per action). */
  resourceName: string;
  resources: ResourceResult[];
}

export interface SimulationResult {
  results: ActionResult[];
  isTruncated: boolean;
  marker?: string;
  documents: SimulatedDocument[];
  principal?: { arn: string; kind: SimulatedPrincipal["kind"] };
}

const ALLOW_ALL = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] });
const RANK: Record<EvalDecision, number> = { allowed: 0, implicitDeny: 1, explicitDeny: 2 };
const toEval = (d: { decision: Decision["decision"] }): EvalDecision =>
  d.decision === "Allowed" ? "allowed" : d.decision === "ExplicitlyDenied" ? "explicitDeny" : "implicitDeny";
const worst = (a: EvalDecision, b: EvalDecision) => (RANK[b] > RANK[a] ? b : a);

/** The 12-digit account an ARN names (its fifth component), if any: S3 ARNs have none. */
const arnAccount = (arn: string) => {
  const a = arn.split(":")[4];
  return a && /^\d{12}$/.test(a) ? a : undefined;
};

interface Plan {
  principal: RequestPrincipal;
  simulated?: SimulatedPrincipal;
  policies: PolicySet;
  context: Record<string, ContextValue>;
  ownerDefault: string;
  documents: SimulatedDocument[];
  refOf(ref: PolicyRef): SimulatedDocument | undefined;
}

async function plan(req: SimulationRequest): Promise<Plan> {
  input.checkActionNames(req.actionNames);
  input.checkInputPolicies("PolicyInputList", req.policyInputList);
  const boundaryInputs = req.boundaryInputList ?? [];
  if (boundaryInputs.length > 1) throw input.invalid("PermissionsBoundaryPolicyInputList takes one permissions boundary.");
  input.checkInputPolicies("PermissionsBoundaryPolicyInputList", boundaryInputs);
  if (req.resourcePolicy) input.checkResourcePolicy(req.resourcePolicy);
  const resources = req.resourceArns?.length ? req.resourceArns : ["*"];
  if (req.resourceHandlingOption) input.checkResourceHandling(req.resourceHandlingOption, resources);
  input.checkEvaluationCount(req.actionNames.length, resources.length);
  const context = input.contextOfEntries(req.contextEntries ?? []);
  const caller = req.callerArn ? input.checkCallerArn(req.callerArn) : undefined;
  const ownerAccount = req.resourceOwner ? input.accountOfOwner(req.resourceOwner) : undefined;

  const simulated = req.source ? await loadSimulatedPrincipal(req.accountId, req.source) : undefined;
  // "CallerArn is required if you include a ResourcePolicy and the PolicySourceArn is not the ARN for an IAM user."
  if (req.resourcePolicy && !caller && simulated?.kind !== "user" && !(req.principalIsCaller && simulated))
    throw input.invalid("CallerArn is required with a ResourcePolicy unless PolicySourceArn is an IAM user: the policy's Principal element needs a caller to match.");
  const principal: RequestPrincipal = req.callerArn
    ? { arn: req.callerArn, accountId: caller!.accountId, type: "user" }
    : (simulated?.principal ?? { arn: `arn:aws:iam::${req.accountId}:user/SimulatedCaller`, accountId: req.accountId, type: "user" });

  const sourceIdentity = simulated?.policies.identity ?? [];
  const documents: SimulatedDocument[] = [];
  const identity = [
    ...sourceIdentity.map((p, i) => ({ ...p, doc: { ...simulated!.identitySources[i], policyType: "identity" as const, text: String(p.document) } })),
    ...req.policyInputList.map((d, i) => ({ name: `PolicyInputList.${i + 1}`, arn: undefined, document: d, doc: { id: `PolicyInputList.${i + 1}`, type: "none" as const, policyType: "identity" as const, text: d } })),
  ];
  documents.push(...identity.map((p) => p.doc));
  // "you pass in a different permissions boundary policy using this parameter, then the new … is used".
  const boundary = boundaryInputs.length
    ? { arn: "PermissionsBoundaryPolicyInputList.1", document: boundaryInputs[0], doc: { id: "PermissionsBoundaryPolicyInputList.1", type: "none" as const } }
    : simulated?.policies.boundary && { ...simulated.policies.boundary, doc: simulated.boundarySource! };
  if (boundary) documents.push({ ...boundary.doc, policyType: "boundary", text: String(boundary.document) });
  const session = simulated?.policies.session ?? [];
  documents.push(...session.map((s, i) => ({ id: s.arn ?? s.name ?? `SessionPolicy.${i + 1}`, type: "none" as const, policyType: "session" as const, text: String(s.document) })));
  if (req.resourcePolicy) documents.push({ id: "ResourcePolicy", type: "resource", policyType: "resource", text: req.resourcePolicy });

  const byType = (type: PolicyType) => documents.filter((d) => d.policyType === type);
  return {
    principal,
    simulated,
    policies: {
      identity: identity.map(({ name, arn, document }) => ({ name, arn, document })),
      boundary: boundary ? { arn: boundary.arn, document: boundary.document } : undefined,
      session: session.length ? session : undefined,
    },
    context: { ...simulated?.context, ...context },
    ownerDefault: ownerAccount ?? principal.accountId,
    documents,
    refOf: (ref) => (ref.type === "trust" ? documents.find((d) => d.policyType === "trust" && d.id === ref.arn) : byType(ref.type)[ref.index]),
  };
}

/** Where a statement sits in its document, as AWS's StartPosition/EndPosition (1-based line and column). */
function matchedStatement(s: StatementReason, doc: SimulatedDocument | undefined): MatchedStatement | undefined {
  if (!doc) return undefined;
  const node = compiledPolicy(doc.text).model?.statements[s.statementIndex]?.node;
  if (!node) return undefined;
  const { start, end } = node.span;
  return {
    documentId: doc.id,
    sourcePolicyId: doc.policyType === "trust" ? "AssumeRolePolicyDocument" : doc.id,
    sourcePolicyType: doc.type,
    start: { line: start.line, column: start.column },
    end: { line: end.line, column: end.column },
  };
}

/** The statements that decided: the applying denies of an explicit deny, the applying allows of an allow. */
function decidingStatements(d: Decision): StatementReason[] {
  if (d.decision === "ImplicitlyDenied") return [];
  const effect = d.decision === "Allowed" ? "Allow" : "Deny";
  return d.reasons.filter((r): r is StatementReason => r.kind === "statement" && r.applies && r.effect === effect);
}

/** Condition keys the policies compared and the request did not carry. */
function missingKeys(d: Decision): string[] {
  const seen = new Map<string, string>();
  for (const r of d.reasons) if (r.kind === "statement") for (const c of r.conditions) if (c.missing && !seen.has(c.key.toLowerCase())) seen.set(c.key.toLowerCase(), c.key);
  return [...seen.values()];
}

async function evaluatePair(p: Plan, req: SimulationRequest, action: string, resource: string): Promise<ResourceResult> {
  const role = req.trust && req.source && isTrustAction(action) ? await roleByArn(resource) : null;
  let policies: PolicySet;
  let request: EvaluationRequest;
  if (role) {
    const check = trustCheck(role, p.principal, p.policies, p.context);
    policies = check.policies;
    request = check.request(action);
    if (!p.documents.some((d) => d.policyType === "trust" && d.id === role.arn))
      p.documents.push({ id: role.arn, type: "resource", policyType: "trust", text: role.trustPolicy });
  } else {
    const owner = arnAccount(resource) ?? p.ownerDefault;
    policies = { ...p.policies, resource: req.resourcePolicy ? { document: req.resourcePolicy, ownerAccountId: owner, kind: "resource", name: "ResourcePolicy" } : undefined };
    request = { action, resource, principal: p.principal, context: p.context };
  }
  const explanation = evaluateRequest(request, policies);
  const crossAccount = policies.resource !== undefined && policies.resource.ownerAccountId !== p.principal.accountId;
  const { resource: resourcePolicy, ...identitySide } = policies;
  const details: Record<string, EvalDecision> | undefined = crossAccount
    ? {
        "IAM Policy": toEval(decideRequest(request, identitySide)),
        "Resource Policy": toEval(decideRequest(request, { identity: [{ name: "allow-all", document: ALLOW_ALL }], resource: resourcePolicy })),
      }
    : resource === "*"
      ? undefined
      : {};
  return {
    resource,
    decision: toEval(explanation),
    matched: decidingStatements(explanation).flatMap((s) => matchedStatement(s, p.refOf(s.policy)) ?? []),
    missing: missingKeys(explanation),
    details,
    allowedByBoundary: policies.boundary
      ? decideRequest(request, { identity: [{ name: "allow-all", document: ALLOW_ALL }], boundary: policies.boundary }).decision === "Allowed"
      : undefined,
    trustEvaluated: role !== null,
    explanation,
  };
}

const sameStatement = (a: MatchedStatement, b: MatchedStatement) =>
  a.sourcePolicyId === b.sourcePolicyId && a.start.line === b.start.line && a.start.column === b.start.column;

/** One action over every resource: per-resource results and the aggregate (the most restrictive decision). */
function aggregate(action: string, resourceName: string, resources: ResourceResult[]): ActionResult {
  const matched: MatchedStatement[] = [];
  for (const r of resources) for (const m of r.matched) if (!matched.some((x) => sameStatement(x, m))) matched.push(m);
  const missing = [...new Map(resources.flatMap((r) => r.missing).map((k) => [k.toLowerCase(), k])).values()];
  let details: Record<string, EvalDecision> | undefined;
  for (const r of resources) {
    if (!r.details) continue;
    details ??= {};
    for (const [k, v] of Object.entries(r.details)) details[k] = details[k] ? worst(details[k], v) : v;
  }
  const bounded = resources.filter((r) => r.allowedByBoundary !== undefined);
  return {
    action,
    resourceName,
    decision: resources.map((r) => r.decision).reduce(worst),
    matched,
    missing,
    details,
    allowedByBoundary: bounded.length ? bounded.every((r) => r.allowedByBoundary) : undefined,
    resources,
  };
}

const patternTests = new Map<string, RegExp>();

/** A catalogue ARN pattern as a test: each `${…}` stands for a run of characters within its ARN component. */
function patternTest(pattern: string): RegExp {
  let test = patternTests.get(pattern);
  if (!test) patternTests.set(pattern, (test = buildPatternTest(pattern)));
  return test;
}

function buildPatternTest(pattern: string): RegExp {
  const parts = pattern.split(/\$\{[^}]+\}/).map((t) => t.replace(/[.*+?^$(){}|[\]\\]/g, "\\$&"));
  return new RegExp(`^${parts.join("[^:]+")}$`.replace(/\[\^:\]\+\$$/, ".+$"), "s");
}

/**
 * EvalResourceName: the ARN pattern of the action's resource type that the first named resource fits (the most
 * specific when several do), else the action's first resource type; `*` when no resource was named or the action
 * takes none.
 */
async function resourceNameOf(action: string, resources: string[]): Promise<string> {
  const named = resources.find((r) => r !== "*");
  if (!named) return "*";
  const types = (await actionDetails(action))?.resources ?? [];
  const fitting = types.filter((t) => patternTest(t.arn).test(named));
  const literal = (arn: string) => arn.replace(/\$\{[^}]+\}/g, "").length;
  return fitting.sort((a, b) => literal(b.arn) - literal(a.arn))[0]?.arn ?? types[0]?.arn ?? "*";
}

/** What both simulate actions (and the console's Simulator) send: SimulateCustomPolicy's members, a principal optional. */
export type SimulationInput = Omit<SimulateCustomPolicyInput, "PolicyInputList"> & { PolicyInputList?: string[]; PolicySourceArn?: string };

/**
 * The request a simulation's input describes. With a PolicySourceArn it simulates that principal, and the trust
 * policies of roles take part for the assume actions (Roleplane's addition, see above).
 */
export function simulationRequest(accountId: string, input: SimulationInput, source?: SimulationSource): SimulationRequest {
  if (input.OrderedOrganizationPolicyInputList !== undefined || input.PolicyExclusionList !== undefined)
    throw new AwsError("InvalidInput", "Roleplane does not simulate service control policies (OrderedOrganizationPolicyInputList) or policy exclusions (PolicyExclusionList).");
  return {
    accountId,
    source: source ?? (input.PolicySourceArn ? { kind: "arn", arn: input.PolicySourceArn } : undefined),
    trust: input.PolicySourceArn !== undefined,
    policyInputList: input.PolicyInputList ?? [],
    boundaryInputList: input.PermissionsBoundaryPolicyInputList,
    actionNames: input.ActionNames,
    resourceArns: input.ResourceArns,
    resourcePolicy: input.ResourcePolicy,
    resourceOwner: input.ResourceOwner,
    callerArn: input.CallerArn,
    contextEntries: input.ContextEntries,
    resourceHandlingOption: input.ResourceHandlingOption,
    page: { marker: input.Marker, maxItems: input.MaxItems },
  };
}

export async function simulatePolicies(req: SimulationRequest): Promise<SimulationResult> {
  await syncCaches();
  const p = await plan(req);
  const resources = req.resourceArns?.length ? req.resourceArns : ["*"];
  const { offset, maxItems } = pageWindow(req.page ?? {});
  if (offset > req.actionNames.length) throw input.invalid("Invalid Marker.");
  const actions = req.actionNames.slice(offset, offset + maxItems);
  const results: ActionResult[] = [];
  for (const action of actions) {
    const perResource: ResourceResult[] = [];
    for (const resource of resources) perResource.push(await evaluatePair(p, req, action, resource));
    results.push(aggregate(action, await resourceNameOf(action, resources), perResource));
  }
  const isTruncated = offset + maxItems < req.actionNames.length;
  return {
    results,
    isTruncated,
    marker: isTruncated ? encodeMarker(offset + maxItems) : undefined,
    documents: p.documents,
    principal: p.simulated ? { arn: p.simulated.principal.arn, kind: p.simulated.kind } : undefined,
  };
}

/**
 * GetContextKeysForPrincipalPolicy / GetContextKeysForCustomPolicy: every condition key the policies reference,
 * in conditions and in `${…}` policy variables, once each (first spelling kept).
 */
export async function contextKeysOf(accountId: string, source: SimulationSource | undefined, policyInputList: string[]): Promise<string[]> {
  input.checkInputPolicies("PolicyInputList", policyInputList);
  const simulated = source ? await loadSimulatedPrincipal(accountId, source) : undefined;
  const texts = [
    ...(simulated?.policies.identity ?? []).map((p) => String(p.document)),
    ...(simulated?.policies.boundary ? [String(simulated.policies.boundary.document)] : []),
    ...policyInputList,
  ];
  const keys = new Map<string, string>();
  const add = (k: string) => {
    if (!keys.has(k.toLowerCase())) keys.set(k.toLowerCase(), k);
  };
  for (const t of texts) {
    for (const s of compiledPolicy(t).model?.statements ?? []) {
      for (const c of s.condition?.entries ?? []) {
        add(c.key);
        for (const v of c.values) for (const m of v.value.matchAll(/\$\{([^},]+)/g)) add(m[1].trim());
      }
      for (const el of [s.resource, s.notResource]) for (const item of el?.items ?? []) for (const m of item.value.matchAll(/\$\{([^},]+)/g)) add(m[1].trim());
    }
  }
  return [...keys.values()].filter((k) => !/^[*?$]$/.test(k));
}
