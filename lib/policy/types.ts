/**
 * Public types of the policy language core. Everything here is plain data so that the console, the
 * AWS API adapter and the browser editor can share it.
 */

/** A point in the policy text: `line` and `column` are 1-based, `offset` is a 0-based UTF-16 index. */
export interface Position {
  line: number;
  column: number;
  offset: number;
}

/** A half-open range `[start, end)` of the policy text, in the shape IAM Access Analyzer uses. */
export interface Span {
  start: Position;
  end: Position;
}

/**
 * Which IAM document a text is validated as.
 * - `trust`: a role's AssumeRolePolicyDocument (resource-based; needs Principal, forbids Resource).
 * - `identity`: a managed or inline policy attached to a user, group or role.
 * - `boundary`: a managed policy used as a permissions boundary (identity grammar).
 * - `session`: a policy passed to sts:AssumeRole* as `Policy` (identity grammar).
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html
 */
export type PolicyKind = "trust" | "identity" | "boundary" | "session";

/**
 * Severity of a finding, as in IAM Access Analyzer `ValidatePolicy`.
 * Only `ERROR` findings can correspond to an IAM refusal; the others never block a save.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html
 */
export type Severity = "ERROR" | "SECURITY_WARNING" | "WARNING" | "SUGGESTION";

/**
 * One validation result. `code` is the Access Analyzer issue code where AWS has one
 * (e.g. `INVALID_ACTION`, `MISSING_VERSION`) and a Roleplane code otherwise.
 * `path` is a JSON path such as `Statement[0].Principal.AWS[1]`; `span` locates the offending text.
 *
 * @see https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_ValidatePolicyFinding.html
 */
export interface Finding {
  severity: Severity;
  code: string;
  message: string;
  path: string;
  span: Span;
  learnMoreLink?: string;
}

/**
 * What the validator may ask about the world. The caller preloads the answers (see
 * `collectPrincipalArns`) so that validation stays synchronous and pure.
 */
export interface ValidationContext {
  /** True when Roleplane holds this 12-digit account, so its principals can be checked for existence. */
  isHeldAccount(accountId: string): boolean;
  /**
   * True when the IAM user, role, SAML or OIDC provider with this ARN exists. IAM refuses a trust policy
   * naming a principal that does not exist: `Invalid principal in policy: "AWS":"arn:…"`.
   * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
   */
  principalExists(arn: string): boolean;
  /** The account that owns the role being edited; enables cross-account checks. */
  ownAccountId?: string;
  /**
   * Trust-policy size quota (non-whitespace characters). Default 2048, AWS allows raising it to 4096.
   * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
   */
  trustPolicySizeQuota?: number;
  /**
   * True for an inline policy (PutRolePolicy/PutUserPolicy): IAM then accepts a missing Version and
   * does not apply the 6,144-character managed-policy quota (the aggregate inline quota is the caller's job).
   */
  inlinePolicy?: boolean;
}

/**
 * Why IAM refuses a document at CreateRole / UpdateAssumeRolePolicy / PutRolePolicy / CreatePolicy,
 * with IAM's own error code and message.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html#API_CreateRole_Errors
 */
export interface IamRejection {
  code: "MalformedPolicyDocument" | "LimitExceeded" | "ValidationError";
  message: string;
}
