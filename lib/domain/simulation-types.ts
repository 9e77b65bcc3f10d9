import type { PolicyType } from "@/lib/policy";
import type { ContextKeyType } from "./simulation-schemas";

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

/** The catalogue's answers for the simulator (lib/iam/action-catalogue.ts): a resource type an action takes. */
export interface ActionResource {
  /** The resource type, e.g. `object`. */
  type: string;
  /** Its ARN pattern, e.g. `arn:${Partition}:s3:::${BucketName}/${ObjectName}`. */
  arn: string;
  required: boolean;
}

export interface ActionContextKey {
  key: string;
  type: ContextKeyType;
}

/** One completion for the simulator's actions: `service:Action`, or `service:*` for every action of a service. */
export interface ActionSuggestion {
  action: string;
  /** The access level (Read, Write, List, Tagging, Permissions management), or `All actions`. */
  accessLevel: string;
}

/** What the simulator offers for the chosen actions: each one's resource ARN patterns and its context keys. */
export interface ActionHelp {
  action: string;
  /** False when the catalogue has no such action (or service, for `service:*`). */
  known: boolean;
  resources: ActionResource[];
  conditionKeys: ActionContextKey[];
}

/** A role session the console can simulate as: its assumed-role ARN and when it ends. */
export interface SessionPrincipal {
  arn: string;
  roleArn: string;
  expiresAt: Date;
}

/** The two ways of cross-account access, evaluated side by side (lib/iam/compare-access.ts). */
export interface AccessComparison {
  callerArn: string;
  callerAccount: string;
  resourceAccount: string;
  action: string;
  resource: string;
  /** (a) Assume the role in the resource's account, then act as the role; absent when no role was named. */
  viaRole?: { roleArn: string; assume: SimulationView; act: SimulationView; decision: EvalDecision };
  /** (b) The resource-based policy grants the caller directly. */
  viaResourcePolicy: { view: SimulationView; decision: EvalDecision };
  /** What differs, in plain words. */
  differences: { topic: string; text: string }[];
}
