import { AwsError } from "@/lib/domain/errors";

/**
 * Why STS refuses a web identity token or a SAML assertion, with AWS's error code and, where AWS publishes or is
 * known to answer with them, its words. The verifiers return refusals as values; STS turns one into its error
 * response with {@link refusalError}.
 * @see https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html#API_AssumeRoleWithWebIdentity_Errors
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_saml.html
 */
export type FederationErrorCode = "InvalidIdentityToken" | "ExpiredTokenException" | "IDPRejectedClaim" | "IDPCommunicationError";

export interface FederationRefusal {
  code: FederationErrorCode;
  message: string;
}

export type Verification<T> = { ok: true; value: T } | { ok: false; refusal: FederationRefusal };

export const accept = <T>(value: T): Verification<T> => ({ ok: true, value });
export const refuse = (code: FederationErrorCode, message: string): { ok: false; refusal: FederationRefusal } => ({ ok: false, refusal: { code, message } });

/** The refusal as the AwsError STS answers with (HTTP 400, or 403 for IDPRejectedClaim). */
export const refusalError = (r: FederationRefusal) => new AwsError(r.code, r.message);

/** Whole seconds since the epoch, as JWT NumericDate values and AWS's expiry messages print time. */
export const epochSeconds = (d: Date) => Math.floor(d.getTime() / 1000);
