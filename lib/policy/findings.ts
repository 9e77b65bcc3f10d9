import type { Finding, IamRejection, PolicyKind, Severity, Span } from "./types";

const AA_DOC = "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html";
const DOC = "https://docs.aws.amazon.com/IAM/latest/UserGuide/";

/**
 * The order in which IAM reports the first problem of a document. IAM answers with one message only,
 * so when several problems exist the earliest stage wins (observed AWS behaviour, e.g. a bad resource
 * ARN is reported before a bad action vendor; an invalid `Version` before a lower-case `Effect`).
 */
export const IamStage = {
  Characters: 0,
  Json: 1,
  Syntax: 2,
  PrincipalInIdentity: 3,
  Version: 4,
  Legacy: 5,
  Sid: 6,
  ActionsExist: 7,
  ResourcesExist: 8,
  ResourceFormat: 9,
  ActionPrefix: 10,
  TrustActions: 11,
  PrincipalFormat: 12,
  Size: 13,
  PrincipalExistence: 14,
} as const;
export type IamStage = (typeof IamStage)[keyof typeof IamStage];

/** A finding plus, when IAM would refuse the document because of it, IAM's verdict. */
export interface InternalFinding extends Finding {
  iam?: { stage: IamStage; rejection: IamRejection };
}

interface CodeInfo {
  severity: Severity;
  link: string;
}

const aa = (severity: Severity, anchor: string): CodeInfo => ({
  severity,
  link: `${AA_DOC}#access-analyzer-reference-policy-checks-${anchor}`,
});
const own = (severity: Severity, page: string): CodeInfo => ({ severity, link: DOC + page });

/** Every code we emit, its default severity and the page that explains the rule. */
export const CODES = {
  JSON_SYNTAX_ERROR: aa("ERROR", "error-json-syntax-error"),
  DUPLICATE_KEY: own("ERROR", "reference_policies_grammar.html"),
  INVALID_CHARACTER: own("ERROR", "reference_iam-quotas.html"),
  DATA_TYPE_MISMATCH: aa("ERROR", "error-data-type-mismatch"),
  INVALID_POLICY_ELEMENT: aa("ERROR", "error-invalid-policy-element"),
  UNSUPPORTED_ELEMENT_COMBINATION: aa("ERROR", "error-unsupported-element-combination"),
  INVALID_VERSION: aa("ERROR", "error-invalid-version"),
  MISSING_VERSION: aa("WARNING", "general-warning-missing-version"),
  OUTDATED_VERSION: own("WARNING", "reference_policies_elements_version.html"),
  MISSING_STATEMENT: aa("ERROR", "error-missing-statement"),
  MISSING_EFFECT: aa("ERROR", "error-missing-effect"),
  INVALID_EFFECT: aa("ERROR", "error-invalid-effect"),
  EMPTY_SID_VALUE: aa("SUGGESTION", "suggestion-empty-sid-value"),
  UNSUPPORTED_SID: aa("ERROR", "error-unsupported-sid"),
  UNIQUE_SIDS_REQUIRED: aa("ERROR", "error-unique-sids-required"),
  MISSING_ACTION: aa("ERROR", "error-missing-action"),
  MISSING_RESOURCE: aa("ERROR", "error-missing-resource"),
  MISSING_PRINCIPAL: aa("ERROR", "error-missing-principal"),
  UNSUPPORTED_PRINCIPAL: aa("ERROR", "error-unsupported-principal"),
  INVALID_PRINCIPAL_FORMAT: aa("ERROR", "error-invalid-principal-format"),
  INVALID_PRINCIPAL_KEY: aa("ERROR", "error-invalid-principal-key"),
  INVALID_ACTION_FORMAT: own("ERROR", "reference_policies_elements_action.html"),
  INVALID_ACTION: aa("ERROR", "error-invalid-action"),
  INVALID_SERVICE_IN_ACTION: aa("ERROR", "error-invalid-service-in-action"),
  WILDCARD_IN_SERVICE_NAME: aa("SUGGESTION", "suggestion-wildcard-in-service-name"),
  EMPTY_ARRAY_ACTION: aa("SUGGESTION", "suggestion-empty-array-action"),
  TRUST_POLICY_NON_STS_ACTION: own("ERROR", "reference_policies_elements_action.html"),
  INVALID_ARN_PREFIX: aa("ERROR", "error-invalid-arn-prefix"),
  MISSING_ARN_FIELD: aa("ERROR", "error-missing-arn-field"),
  INVALID_PARTITION: aa("ERROR", "error-invalid-partition"),
  INVALID_ARN_SERVICE: own("ERROR", "reference_policies_elements_resource.html"),
  INVALID_ARN_SERVICE_CASE: aa("ERROR", "error-invalid-arn-service-case"),
  ARN_REGION_NOT_ALLOWED: aa("ERROR", "error-arn-region-not-allowed"),
  INVALID_ARN_RESOURCE: aa("ERROR", "error-invalid-arn-resource"),
  INVALID_ARN_ACCOUNT: aa("ERROR", "error-invalid-arn-account"),
  ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE: aa("ERROR", "error-role-trust-policy-syntax-error-resource"),
  ROLE_TRUST_POLICY_SYNTAX_ERROR_NOTPRINCIPAL: aa("ERROR", "error-role-trust-policy-syntax-error-notprincipal"),
  ROLE_TRUST_POLICY_UNSUPPORTED_WILDCARD_IN_PRINCIPAL: aa(
    "ERROR",
    "error-role-trust-policy-unsupported-wildcard-in-principal",
  ),
  INVALID_PRINCIPAL: own("ERROR", "reference_policies_elements_principal.html"),
  PRINCIPAL_NOT_FOUND: own("ERROR", "reference_policies_elements_principal.html"),
  PRINCIPAL_NOT_VERIFIED: own("SUGGESTION", "reference_policies_elements_principal.html"),
  INVALID_SERVICE_PRINCIPAL_FORMAT: aa("ERROR", "error-invalid-service-principal-format"),
  UNKNOWN_SERVICE_PRINCIPAL: own("WARNING", "reference_policies_elements_principal.html#principal-services"),
  INVALID_FEDERATED_PRINCIPAL_SYNTAX_IN_ROLE_TRUST_POLICY: aa(
    "ERROR",
    "error-invalid-federated-principal-syntax-in-role-trust-policy",
  ),
  MISMATCHED_ACTION_FOR_PRINCIPAL: aa("ERROR", "error-mismatched-action-for-principal"),
  MISSING_ACTION_FOR_ROLES_ANYWHERE_TRUST_POLICY: aa("ERROR", "error-missing-action-for-roles-anywhere-trust-policy"),
  INVALID_ROLE_REFERENCE: aa("WARNING", "general-warning-invalid-role-reference"),
  INVALID_USER_REFERENCE: aa("WARNING", "general-warning-invalid-user-reference"),
  EMPTY_OBJECT_PRINCIPAL: aa("SUGGESTION", "suggestion-empty-object-principal"),
  EMPTY_ARRAY_PRINCIPAL: aa("SUGGESTION", "suggestion-empty-array-principal"),
  REDUNDANT_PRINCIPAL_IN_ROLE_TRUST_POLICY: aa("SUGGESTION", "suggestion-redundant-principal-in-role-trust-policy"),
  OPEN_TRUST_WITHOUT_CONDITION: own("SECURITY_WARNING", "reference_policies_elements_principal.html#principal-anonymous"),
  CROSS_ACCOUNT_WITHOUT_EXTERNAL_ID_OR_MFA: own("SECURITY_WARNING", "id_roles_create_for-user_externalid.html"),
  RESTRICT_ACCESS_TO_SERVICE_PRINCIPAL: aa("SECURITY_WARNING", "security-warning-restrict-access-to-service-principal"),
  MISSING_CONDITION_KEY_FOR_OIDC_PRINCIPAL: aa(
    "SECURITY_WARNING",
    "security-warning-missing-condition-key-for-oidc-principal",
  ),
  MISSING_GITHUB_REPO_CONDITION_KEY: aa("SECURITY_WARNING", "security-warning-missing-github-repo-condition-key"),
  SPECIFIC_GITHUB_REPO_AND_BRANCH_RECOMMENDED: aa(
    "WARNING",
    "general-warning-specific-github-repo-and-branch-recommended",
  ),
  INVALID_CONDITION_OPERATOR: aa("ERROR", "error-invalid-condition-operator"),
  NULL_WITH_IF_EXISTS: aa("ERROR", "error-null-with-if-exists"),
  NULL_WITH_QUALIFIER: aa("SUGGESTION", "suggestion-null-with-qualifier"),
  INVALID_CONDITION_KEY_FORMAT: aa("ERROR", "error-invalid-condition-key-format"),
  INVALID_GLOBAL_CONDITION_KEY: aa("ERROR", "error-invalid-global-condition-key"),
  INVALID_SERVICE_CONDITION_KEY: aa("ERROR", "error-invalid-service-condition-key"),
  UNSUPPORTED_ACTION_FOR_CONDITION_KEY: aa("ERROR", "error-unsupported-action-for-condition-key"),
  UNSUPPORTED_GLOBAL_CONDITION_KEY: aa("ERROR", "error-unsupported-global-condition-key"),
  DUPLICATE_KEYS_WITH_DIFFERENT_CASE: aa("ERROR", "error-duplicate-keys-with-different-case"),
  INVALID_CONDITION_MULTIPLE_BOOLEAN: aa("ERROR", "error-invalid-condition-multiple-boolean"),
  INVALID_VARIABLE_FOR_OPERATOR: aa("ERROR", "error-invalid-variable-for-operator"),
  VARIABLE_UNSUPPORTED_IN_VERSION: aa("ERROR", "error-variable-unsupported-in-version"),
  INVALID_DATE_VALUE: own("ERROR", "reference_policies_elements_condition_operators.html#Conditions_Date"),
  TYPE_MISMATCH: aa("WARNING", "general-warning-type-mismatch"),
  TYPE_MISMATCH_BOOLEAN: aa("WARNING", "general-warning-type-mismatch-boolean"),
  TYPE_MISMATCH_DATE: aa("WARNING", "general-warning-type-mismatch-date"),
  TYPE_MISMATCH_IP_RANGE: aa("WARNING", "general-warning-type-mismatch-ip-range"),
  TYPE_MISMATCH_NUMBER: aa("WARNING", "general-warning-type-mismatch-number"),
  TYPE_MISMATCH_ARN: own("WARNING", "reference_policies_elements_condition_operators.html#Conditions_ARN"),
  WILDCARD_WITHOUT_LIKE_OPERATOR: aa("WARNING", "general-warning-wildcard-without-like-operator"),
  FORALLVALUES_WITH_SINGLE_VALUED_KEY: aa("SECURITY_WARNING", "security-warning-forallvalues-with-single-valued-key"),
  EMPTY_OBJECT_CONDITION: aa("SUGGESTION", "suggestion-empty-object-condition"),
  EMPTY_ARRAY_CONDITION: aa("SUGGESTION", "suggestion-empty-array-condition"),
  IMPROVE_IP_RANGE: aa("SUGGESTION", "suggestion-improve-ip-range"),
  POLICY_SIZE_EXCEEDS_ROLE_TRUST_POLICY_QUOTA: aa(
    "ERROR",
    "general-warning-policy-size-exceeds-role-trust-policy-quota",
  ),
  POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA: aa(
    "ERROR",
    "general-warning-policy-size-exceeds-identity-policy-quota",
  ),
  ALLOW_WITH_NOT_PRINCIPAL: aa("SECURITY_WARNING", "security-warning-allow-with-not-principal"),
  PASS_ROLE_WITH_STAR_IN_RESOURCE: aa("SECURITY_WARNING", "security-warning-pass-role-with-star-in-resource"),
} as const satisfies Record<string, CodeInfo>;

export type FindingCode = keyof typeof CODES;

/** IAM's wording for a document it cannot use; common to every stage that has no more specific text. */
export const SYNTAX_ERRORS = "Syntax errors in policy.";
export const LEGACY_PARSING = "The policy failed legacy parsing";

export function malformed(message: string): IamRejection {
  return { code: "MalformedPolicyDocument", message };
}

/** Collects findings for one validation run. */
export class Reporter {
  readonly findings: InternalFinding[] = [];

  constructor(readonly kind: PolicyKind) {}

  add(
    code: FindingCode,
    message: string,
    path: string,
    span: Span,
    opts: { severity?: Severity; iam?: [IamStage, IamRejection | string] } = {},
  ): void {
    const info = CODES[code];
    const f: InternalFinding = {
      severity: opts.severity ?? info.severity,
      code,
      message,
      path,
      span,
      learnMoreLink: info.link,
    };
    if (opts.iam) {
      const [stage, r] = opts.iam;
      f.iam = { stage, rejection: typeof r === "string" ? malformed(r) : r };
      // An IAM refusal is always an ERROR, whatever Access Analyzer calls the same issue.
      f.severity = "ERROR";
    }
    this.findings.push(f);
  }
}
