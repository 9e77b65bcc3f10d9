import {
  getContextKeysForCustomPolicySchema,
  getContextKeysForPrincipalPolicySchema,
  simulateCustomPolicySchema,
  simulatePrincipalPolicySchema,
} from "@/lib/domain/simulation-schemas";
import { contextKeysOf, simulatePolicies, simulationRequest, type ActionResult, type MatchedStatement, type ResourceResult, type SimulationRequest } from "@/lib/iam/simulate";
import { action, type QueryAction } from "../action";
import { XmlMap, type XmlObject } from "../xml";

/**
 * The policy simulator (IAM API reference: SimulatePrincipalPolicy, SimulateCustomPolicy, GetContextKeysFor…Policy),
 * results shaped as botocore's `SimulatePolicyResponse`: one EvaluationResult per action, aggregated over the
 * resources (the most restrictive decision), with ResourceSpecificResults per resource.
 *
 * Beyond AWS: SimulatePrincipalPolicy evaluates an sts:AssumeRole (…WithWebIdentity, …WithSAML, sts:TagSession,
 * sts:SetSourceIdentity) on a role Roleplane holds together with that role's trust policy, as STS decides it; such
 * a result's matched trust statements carry SourcePolicyId `AssumeRolePolicyDocument` and type `resource`.
 */

const statementShape = (m: MatchedStatement): XmlObject => ({
  SourcePolicyId: m.sourcePolicyId,
  SourcePolicyType: m.sourcePolicyType,
  StartPosition: { Line: m.start.line, Column: m.start.column },
  EndPosition: { Line: m.end.line, Column: m.end.column },
});

const boundaryShape = (allowed: boolean | undefined) => (allowed === undefined ? undefined : { AllowedByPermissionsBoundary: allowed });
const detailsShape = (d: Record<string, string> | undefined) => (d ? new XmlMap(d) : undefined);

const resourceShape = (r: ResourceResult): XmlObject => ({
  EvalResourceName: r.resource,
  EvalResourceDecision: r.decision,
  MatchedStatements: r.matched.map(statementShape),
  MissingContextValues: r.missing,
  EvalDecisionDetails: detailsShape(r.details),
  PermissionsBoundaryDecisionDetail: boundaryShape(r.allowedByBoundary),
});

const resultShape = (r: ActionResult): XmlObject => ({
  EvalActionName: r.action,
  EvalResourceName: r.resourceName,
  EvalDecision: r.decision,
  MatchedStatements: r.matched.map(statementShape),
  MissingContextValues: r.missing,
  PermissionsBoundaryDecisionDetail: boundaryShape(r.allowedByBoundary),
  EvalDecisionDetails: detailsShape(r.details),
  ResourceSpecificResults: r.resources.map(resourceShape),
});

const simulation = async (r: SimulationRequest) => {
  const out = await simulatePolicies(r);
  return { EvaluationResults: out.results.map(resultShape), IsTruncated: out.isTruncated, Marker: out.marker };
};

export const simulateActions: Record<string, QueryAction> = {
  SimulatePrincipalPolicy: action(simulatePrincipalPolicySchema, ({ ctx }, input) =>
    simulation(simulationRequest(ctx.accountId, input)),
  ),

  SimulateCustomPolicy: action(simulateCustomPolicySchema, ({ ctx }, input) => simulation(simulationRequest(ctx.accountId, input))),

  GetContextKeysForPrincipalPolicy: action(getContextKeysForPrincipalPolicySchema, async ({ ctx }, input) => ({
    ContextKeyNames: await contextKeysOf(ctx.accountId, { kind: "arn", arn: input.PolicySourceArn }, input.PolicyInputList ?? []),
  })),

  GetContextKeysForCustomPolicy: action(getContextKeysForCustomPolicySchema, async ({ ctx }, input) => ({
    ContextKeyNames: await contextKeysOf(ctx.accountId, undefined, input.PolicyInputList),
  })),
};
