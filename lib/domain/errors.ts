/**
 * The one error type the core throws for an expected refusal. It carries AWS's error code, HTTP status and
 * message; each adapter renders it (Query API XML envelope, console form error, toast). Codes and statuses follow
 * the IAM API reference (https://docs.aws.amazon.com/IAM/latest/APIReference/CommonErrors.html and each action's
 * "Errors" section).
 */
export class AwsError extends Error {
  /**
   * The request member that caused the refusal, where one did (e.g. `RoleName`, `PolicyArns.1`,
   * `InlinePolicies.0.PolicyDocument`). Roleplane's own: the console shows the message beside that field; the
   * Query API's error envelope has no element for it.
   */
  field?: string;

  constructor(
    readonly code: AwsErrorCode,
    message: string,
    readonly status: number = STATUS_BY_CODE[code] ?? 400,
    readonly type: "Sender" | "Receiver" = (STATUS_BY_CODE[code] ?? 400) >= 500 ? "Receiver" : "Sender",
  ) {
    super(message);
    this.name = "AwsError";
  }

  /** Names the request member that caused the refusal, unless a deeper step already did; returns the error. */
  at(field: string): this {
    this.field ??= field;
    return this;
  }
}

export type AwsErrorCode =
  | "NoSuchEntity"
  | "EntityAlreadyExists"
  | "MalformedPolicyDocument"
  | "LimitExceeded"
  | "DeleteConflict"
  | "UnmodifiableEntity"
  | "InvalidInput"
  | "ValidationError"
  | "ConcurrentModification"
  | "PolicyNotAttachable"
  | "AccessDenied"
  | "InvalidAction"
  | "MissingParameter"
  | "MissingAuthenticationToken"
  | "IncompleteSignature"
  | "AuthorizationQueryParametersError"
  | "InvalidClientTokenId"
  | "SignatureDoesNotMatch"
  | "RequestExpired"
  | "InvalidParameterValue"
  | "RequestEntityTooLarge"
  | "InvalidAuthenticationCode"
  | "ExpiredToken"
  | "PackedPolicyTooLarge"
  | "ServiceFailure"
  | "InvalidAuthorizationMessageException"
  | "PolicyEvaluation"
  | "InvalidIdentityToken"
  | "ExpiredTokenException"
  | "IDPRejectedClaim"
  | "IDPCommunicationError"
  | "OpenIdIdpCommunicationError";

/** One table maps every code to its HTTP status, so adapters never restate it. */
export const STATUS_BY_CODE: Record<AwsErrorCode, number> = {
  NoSuchEntity: 404,
  EntityAlreadyExists: 409,
  MalformedPolicyDocument: 400,
  LimitExceeded: 409,
  DeleteConflict: 409,
  UnmodifiableEntity: 400,
  InvalidInput: 400,
  ValidationError: 400,
  ConcurrentModification: 409,
  PolicyNotAttachable: 400,
  AccessDenied: 403,
  InvalidAction: 400,
  MissingParameter: 400,
  MissingAuthenticationToken: 403,
  IncompleteSignature: 400,
  AuthorizationQueryParametersError: 400,
  InvalidClientTokenId: 403,
  SignatureDoesNotMatch: 403,
  RequestExpired: 400,
  InvalidParameterValue: 400,
  RequestEntityTooLarge: 413,
  InvalidAuthenticationCode: 403,
  ExpiredToken: 400,
  PackedPolicyTooLarge: 400,
  InvalidAuthorizationMessageException: 400,
  // "The request failed because a provided policy could not be successfully evaluated" (botocore: HTTP 500).
  PolicyEvaluation: 500,
  ServiceFailure: 500,
  // STS federation (botocore sts/2011-06-15: InvalidIdentityTokenException … IDPCommunicationErrorException).
  InvalidIdentityToken: 400,
  ExpiredTokenException: 400,
  IDPRejectedClaim: 403,
  IDPCommunicationError: 400,
  // IAM CreateOpenIDConnectProvider when the issuer cannot be reached.
  OpenIdIdpCommunicationError: 400,
};

export const isAwsError = (e: unknown): e is AwsError => e instanceof AwsError;

/** Runs one step of a request and marks its refusal with the member it checked, unless a deeper step named one. */
export async function blameField<T>(field: string, run: () => Promise<T> | T): Promise<T> {
  try {
    return await run();
  } catch (e) {
    throw isAwsError(e) ? e.at(field) : e;
  }
}

export const noSuchEntity = (message: string) => new AwsError("NoSuchEntity", message);
export const invalidInput = (message: string) => new AwsError("InvalidInput", message);

/**
 * Keeps a client's value short inside an error message: the head of a long value, then how much was left out.
 * AWS echoes values in its messages; echoing a 10 MB value whole would turn every refusal into a download.
 */
export function clip(text: string, max = 256): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length - max} more characters)`;
}
