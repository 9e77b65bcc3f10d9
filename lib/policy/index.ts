/**
 * Roleplane's policy language core: parse, validate, IAM's refusals, and plain-words summaries.
 * Pure TypeScript with no I/O (except the optional catalogue load), usable on the server and in the browser.
 */
export type { Finding, IamRejection, PolicyKind, Position, Severity, Span, ValidationContext } from "./types";
export { parseJson, type JsonNode, type JsonObject, type JsonArray, type JsonMember, type ParsedJson } from "./parse";
export { positionAt } from "./position";
export { readPolicy, type PolicyModel, type StatementModel } from "./model";
export { validatePolicy } from "./validate";
export { checkPolicyForIam, reviewPolicy, type PolicyReview } from "./iam-rejection";
export { collectPrincipalArns, collectTrustedServices } from "./collect";
export { describeTrustPolicy } from "./describe-trust";
export { policySize, TRUST_POLICY_QUOTA, MANAGED_POLICY_QUOTA, SESSION_POLICY_QUOTA } from "./size";
export { installCatalogue, exportCatalogue, isCatalogueLoaded, ownConditionKeysOf, type CatalogueData, type ServiceData } from "./catalogue";
export { CODES, type FindingCode } from "./findings";
export { evaluateRequest, explainDecision } from "./evaluate";
export { actionMatches } from "./evaluate-patterns";
export { decideRequest, type FastDecision } from "./decide";
export { PolicyCache, LruCache } from "./policy-cache";
export { compilePolicy, compiledPolicy, withPolicyCache, type CompiledPolicy, type CompiledStatement } from "./compile";
export { describePolicy } from "./evaluate-explain";
export { decidingStatements } from "./deciding";
export { spanAtPath } from "./locate";
export { evaluateCondition } from "./conditions";
export type {
  ConditionCheck,
  ContextValue,
  AllowedDecision,
  Decision,
  DeniedDecision,
  ExplicitlyDeniedDecision,
  ImplicitlyDeniedDecision,
  ElementCheck,
  EvaluationRequest,
  GateReason,
  IdentityPolicy,
  PolicyDocument,
  PolicyGroup,
  PolicyRef,
  PolicySet,
  PolicyType,
  PrincipalCheck,
  PrincipalMatchVia,
  PrincipalType,
  Reason,
  RequestPrincipal,
  StatementReason,
  UnreadableReason,
} from "./evaluate-types";
