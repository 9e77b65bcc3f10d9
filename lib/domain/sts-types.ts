import type { Tag } from "./schemas";

/**
 * Temporary credentials and the sessions behind them, as STS issues them.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp.html
 */

export type StsSessionKind = "AssumeRole" | "AssumeRoleWithWebIdentity" | "AssumeRoleWithSAML" | "GetSessionToken";

/** One issued session. `id` is its ASIA access key id; the secret is never part of this type. */
export interface StsSession {
  id: string;
  kind: StsSessionKind;
  /** The account the session acts in: the role's (or the user's, for GetSessionToken). */
  accountId: string;
  roleId: string | null;
  /** The role's ARN, with its path. */
  roleArn: string | null;
  sessionName: string | null;
  /** GetSessionToken: the user whose session it is. */
  userId: string | null;
  /** `arn:aws:sts::ACCT:assumed-role/ROLE/SESSION`, or the user's ARN for GetSessionToken. */
  arn: string;
  /** Who asked: a user, a role session (role chaining), or a federated subject. */
  callerArn: string;
  callerAccountId: string | null;
  sourceIdentity: string | null;
  tags: Tag[];
  transitiveTagKeys: string[];
  policy: string | null;
  policyArns: string[];
  packedPolicySize: number | null;
  mfaAuthenticated: boolean;
  mfaAuthenticatedAt: Date | null;
  chained: boolean;
  region: string;
  issuedAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

/** What STS returns: the three parts a client signs with, and when they stop working. */
export interface TemporaryCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
}

/** Which check of AssumeRole refused a request (the API answers each with AWS's AccessDenied). */
export type AssumeRoleCheck = "role" | "mfa" | "trust" | "tag-session" | "source-identity";

/** The inline policy AWS's "Revoke active sessions" writes on a role (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_revoke-sessions.html). */
export const REVOKE_POLICY_NAME = "AWSRevokeOlderSessions";

/** Which check refused a role session once the caller was known: the trust policy, sts:TagSession, sts:SetSourceIdentity. */
export type RoleSessionCheck = "trust" | "tag-session" | "source-identity";
/** Which check refused a federated assume: the token or assertion itself, the role (missing), or the role session's own. */
export type FederatedCheck = "token" | "role" | RoleSessionCheck;

/**
 * The console's federated sign-in to a role (Roleplane's own): the credentials and who the provider vouched for,
 * or AWS's refusal with the evaluator's explanation.
 */
export type FederatedSignInResult =
  | {
      granted: true;
      credentials: TemporaryCredentials;
      assumedRoleUser: { arn: string; assumedRoleId: string };
      provider: string;
      subject: string;
      /** The token's audience, or the SAML Recipient. */
      audience: string;
      sourceIdentity: string | null;
      sessionTags: Tag[];
      packedPolicySize: number | null;
    }
  | { granted: false; check: FederatedCheck; error: { code: string; message: string }; explanation: string[] };
