import type { PolicyType } from "@/lib/policy";

/**
 * What a policy simulation answers, in AWS's terms (IAM API reference: EvaluationResult, ResourceSpecificResult,
 * Statement), shared by lib/iam/simulate.ts, the Query API and the console's Simulator.
 */

export type EvalDecision = "allowed" | "explicitDeny" | "implicitDeny";

/** AWS's `PolicySourceType` for a statement's policy (https://docs.aws.amazon.com/IAM/latest/APIReference/API_Statement.html). */
export type PolicySourceType = "user" | "group" | "role" | "aws-managed" | "user-managed" | "resource" | "none";

export interface Position {
  line: number;
  column: number;
}

/** AWS's `Statement`: which input policy, and where in it. */
export interface MatchedStatement {
  /** The `id` of the statement's entry in the simulation's `documents` (Roleplane's, for showing it in place). */
  documentId: string;
  sourcePolicyId: string;
  sourcePolicyType: PolicySourceType;
  start: Position;
  end: Position;
}

/** A policy the simulation read, by the id its results name it with, for showing the statements in place. */
export interface SimulatedDocument {
  id: string;
  type: PolicySourceType;
  policyType: PolicyType;
  text: string;
}

/** One action on one resource. */
export interface ResourceOutcome {
  resource: string;
  decision: EvalDecision;
  matched: MatchedStatement[];
  missing: string[];
  /** EvalDecisionDetails: per side, across accounts; empty for one account and a named resource. */
  details?: Record<string, EvalDecision>;
  /** PermissionsBoundaryDecisionDetail.AllowedByPermissionsBoundary, when a boundary is in effect. */
  allowedByBoundary?: boolean;
  /** True when the role's trust policy took part (Roleplane's addition). */
  trustEvaluated: boolean;
}

/** The console's view of a simulation: each resource result with the evaluator's reasons in plain words. */
export interface SimulationView {
  results: {
    action: string;
    resourceName: string;
    decision: EvalDecision;
    resources: (ResourceOutcome & { reasons: string[] })[];
  }[];
  isTruncated: boolean;
  marker?: string;
  documents: SimulatedDocument[];
  principal?: { arn: string; kind: string };
}
