/**
 * Public types of policy evaluation: the request, the policies that apply to it, and the decision with the
 * reasons behind it. Plain data, so the console can show "why" and the API can word AWS's refusal.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */

/**
 * Who sends the request.
 * - `user`: an IAM user (long-term keys).
 * - `role`: a role considered as such (e.g. "what may this role do?"); treated like a session without session policies.
 * - `assumed-role`: a role session `arn:aws:sts::ACCT:assumed-role/ROLE/SESSION`.
 * - `federated-user`: a GetFederationToken session `arn:aws:sts::ACCT:federated-user/NAME`.
 * - `root`: the account root user, allowed by default in its own account.
 * - `service`: an AWS service principal such as `ec2.amazonaws.com` (matched by `Principal.Service`).
 * - `federated`: a web identity or SAML provider (matched by `Principal.Federated`).
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
 */
export type PrincipalType = "user" | "role" | "assumed-role" | "federated-user" | "root" | "service" | "federated";

/** The principal of a request. */
export interface RequestPrincipal {
  /** The principal's ARN; for `service` the service principal name, for `federated` the provider (ARN or domain). */
  arn: string;
  /** The 12-digit account the principal belongs to; empty for service and federated principals. */
  accountId: string;
  type: PrincipalType;
  /**
   * The unique id (`AIDA…` for users, `AROA…` for roles and their sessions). IAM stores unique ids in
   * resource policies, so a policy still holding an id matches only the entity that id belongs to.
   */
  id?: string;
  /**
   * For `assumed-role`: the role's ARN, with its path. Without it the role ARN is derived from the session
   * ARN as `role/NAME`, which is wrong for roles with a path.
   */
  roleArn?: string;
}

/** A condition-key value as the request context carries it; arrays make a key multivalued. */
export type ContextValue = string | string[] | boolean | number;

/**
 * One request as AWS authorizes it: the action, the resource, the principal and the request context.
 * Context keys are looked up case-insensitively, as IAM does.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html#AccessPolicyLanguage_RequestContext
 */
export interface EvaluationRequest {
  /** `service:Action`, e.g. `iam:CreateRole`. */
  action: string;
  /** The resource ARN, or `*` for actions without a resource type. */
  resource: string;
  principal: RequestPrincipal;
  context?: Record<string, ContextValue>;
}

/** A policy document, as JSON text or as an already-parsed object. */
export type PolicyDocument = string | object;

/** The policy types evaluation distinguishes; `trust` is a role trust policy (a resource-based policy). */
export type PolicyType = "identity" | "boundary" | "resource" | "trust" | "session";

/**
 * The IAM group a user's policy comes from: IAM evaluates a group's managed and inline policies as identity-based
 * policies of each member. https://docs.aws.amazon.com/IAM/latest/UserGuide/id_groups.html
 */
export interface PolicyGroup {
  name: string;
  arn: string;
}

/** An identity-based policy: a managed policy (with `arn`) or an inline policy (name only), maybe a group's. */
export interface IdentityPolicy {
  name: string;
  arn?: string;
  document: PolicyDocument;
  group?: PolicyGroup;
}

/**
 * The policies that apply to a request.
 * - `identity`: the principal's managed and inline policies (for a session: the role's).
 * - `boundary`: the permissions boundary of the user or role, when it has one.
 * - `resource`: the resource-based policy, e.g. a role's trust policy for `sts:AssumeRole` (`kind: "trust"`).
 * - `session`: policies passed when the session was created (inline `Policy` and `PolicyArns`).
 */
export interface PolicySet {
  identity: IdentityPolicy[];
  boundary?: { arn: string; document: PolicyDocument };
  resource?: {
    document: PolicyDocument;
    /** The account that owns the resource; decides same-account versus cross-account evaluation. */
    ownerAccountId: string;
    /**
     * `trust` for a role trust policy: unlike most resource policies, it must itself allow the principal,
     * even within the account ("IAM role trust policies and KMS key policies are exceptions").
     */
    kind?: "resource" | "trust";
    name?: string;
    arn?: string;
  };
  session?: { name?: string; arn?: string; document: PolicyDocument }[];
}

/** Which policy a reason is about. `index` is the position within its kind (identity and session lists). */
export interface PolicyRef {
  type: PolicyType;
  name?: string;
  arn?: string;
  index: number;
  /** For an identity-based policy a user holds through a group: that group. */
  group?: PolicyGroup;
}

/** How an Action/NotAction or Resource/NotResource element compared with the request. */
export interface ElementCheck {
  element: "Action" | "NotAction" | "Resource" | "NotResource";
  /** True when the element lets the statement apply. */
  matched: boolean;
  /** The request's action or resource. */
  value: string;
  /** The pattern that matched `value` (for Not* elements: the pattern that excluded it). */
  pattern?: string;
  path: string;
}

/**
 * How the request's principal matched a Principal/NotPrincipal element. `via` says which of the principal's
 * identities matched: the whole `account`, the principal itself, the `role` behind a session, `*`.
 */
export interface PrincipalCheck {
  element: "Principal" | "NotPrincipal" | "implicit";
  matched: boolean;
  via?: PrincipalMatchVia;
  pattern?: string;
  path: string;
}

/**
 * - `principal`: names the requesting user, session, service or provider itself.
 * - `wildcard`: `*`, which for principals in the account "requires no other permissions".
 * - `role`: names the role behind the requesting session (limited by boundary and session policies).
 * - `account`: names the account (root ARN or id), which delegates to the account's identity policies.
 */
export type PrincipalMatchVia = "principal" | "wildcard" | "role" | "account";

/** One key of one condition operator, with the values compared. */
export interface ConditionCheck {
  /** As written, e.g. `ForAnyValue:StringLikeIfExists`. */
  operator: string;
  key: string;
  passed: boolean;
  /** True when the request context has no value for the key. */
  missing: boolean;
  /** The policy's values after policy-variable substitution (unresolvable variables are left as written). */
  policyValues: string[];
  requestValues: string[];
  /** Why the result holds when it is not a plain comparison (missing key rules, IfExists, bad value…). */
  note?: string;
  path: string;
}

/** The evaluation of one statement against the request. */
export interface StatementReason {
  kind: "statement";
  policy: PolicyRef;
  statementIndex: number;
  sid?: string;
  path: string;
  effect: "Allow" | "Deny";
  /** True when every element matched, so the statement's effect applies. */
  applies: boolean;
  /** The first element that did not match; absent when the statement applies. */
  failedOn?: "action" | "resource" | "principal" | "condition";
  action: ElementCheck;
  resource?: ElementCheck;
  principal?: PrincipalCheck;
  conditions: ConditionCheck[];
}

/** Where one policy type stands for the request, so a reader sees which layer allowed or blocked it. */
export interface GateReason {
  kind: "gate";
  type: PolicyType;
  /**
   * - `allows` / `denies` / `no-allow`: what the policies of this type say.
   * - `not-required`: it did not need to allow (e.g. a resource policy naming the user directly).
   * - `absent`: there is none (no boundary, no session policy).
   */
  result: "allows" | "denies" | "no-allow" | "not-required" | "absent";
  note?: string;
}

/** A document that could not be read; it is treated as holding no statements. */
export interface UnreadableReason {
  kind: "unreadable";
  policy: PolicyRef;
  message: string;
}

export type Reason = StatementReason | GateReason | UnreadableReason;

interface DecisionBase {
  /** The request's action and resource, echoed so a decision explains itself on its own. */
  action: string;
  resource: string;
  reasons: Reason[];
}

/** Every policy type that had to allow did. */
export interface AllowedDecision extends DecisionBase {
  decision: "Allowed";
}

/**
 * A statement denied the request. `deniedBy` is the policy type AWS puts in its access-denied message
 * ("with an explicit deny in a …"); `deniedByPolicy` the policy holding the deny (AWS appends a managed policy's
 * ARN to its message in the same account).
 */
export interface ExplicitlyDeniedDecision extends DecisionBase {
  decision: "ExplicitlyDenied";
  deniedBy: PolicyType;
  deniedByPolicy: PolicyRef;
}

/** Nothing denied, but a policy type that had to allow did not (`deniedBy`: "because no … allows"). */
export interface ImplicitlyDeniedDecision extends DecisionBase {
  decision: "ImplicitlyDenied";
  deniedBy: PolicyType;
}

/**
 * The outcome of `evaluateRequest`, in the vocabulary of AWS and iam-simulate: a discriminated union on
 * `decision`, so only a denial carries the policy type (and, when explicit, the policy) that denied.
 */
export type Decision = AllowedDecision | ExplicitlyDeniedDecision | ImplicitlyDeniedDecision;

/** A decision that refuses the request. */
export type DeniedDecision = ExplicitlyDeniedDecision | ImplicitlyDeniedDecision;
