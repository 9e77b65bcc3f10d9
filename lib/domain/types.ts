import type { Tag } from "./schemas";

/** Domain types the core returns. Field names are ours; the API adapter renames to AWS's at the edge. */

export interface Role {
  id: string;
  accountId: string;
  name: string;
  path: string;
  arn: string;
  description: string | null;
  /** The trust policy exactly as it was saved (IAM returns it URL-encoded at the API edge). */
  trustPolicy: string;
  maxSessionDuration: number;
  permissionsBoundaryArn: string | null;
  serviceLinkedService: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  lastUsedRegion: string | null;
  version: number;
  tags: Tag[];
}

export interface RoleListItem {
  id: string;
  name: string;
  path: string;
  arn: string;
  description: string | null;
  trustPolicy: string;
  maxSessionDuration: number;
  createdAt: Date;
  lastUsedAt: Date | null;
  serviceLinkedService: string | null;
}

export interface IamUser {
  id: string;
  accountId: string;
  name: string;
  path: string;
  arn: string;
  permissionsBoundaryArn: string | null;
  createdAt: Date;
  tags: Tag[];
  /** Most recent use of any of the user's access keys. */
  passwordLastUsed?: Date | null;
}

/** A user as lists show it: with a summary of its access keys (count, active, last use). */
export interface UserAccessKeySummary {
  count: number;
  active: number;
  lastUsedAt: Date | null;
}

export interface UserListItem extends IamUser {
  accessKeys: UserAccessKeySummary;
}

export interface AccessKeyMetadata {
  accessKeyId: string;
  userName: string;
  status: "Active" | "Inactive";
  createdAt: Date;
  lastUsedAt: Date | null;
  lastUsedService: string | null;
  lastUsedRegion: string | null;
}

/** Returned once, at creation: the only time the secret leaves the store. */
export interface NewAccessKey extends AccessKeyMetadata {
  secretAccessKey: string;
}

export interface ManagedPolicy {
  id: string;
  name: string;
  path: string;
  arn: string;
  description: string | null;
  defaultVersionId: string;
  attachmentCount: number;
  permissionsBoundaryUsageCount: number;
  isAttachable: boolean;
  awsManaged: boolean;
  createdAt: Date;
  updatedAt: Date;
  tags: Tag[];
}

export interface PolicyVersion {
  versionId: string;
  document: string;
  isDefault: boolean;
  createdAt: Date;
}

export interface AttachedPolicy {
  policyName: string;
  policyArn: string;
  path: string;
}

export interface InlinePolicy {
  name: string;
  document: string;
}

export interface PolicyEntities {
  roles: { name: string; id: string }[];
  users: { name: string; id: string }[];
}

/** An AWS-style account (12-digit id) that Roleplane holds. */
export interface Account {
  id: string;
  alias: string | null;
  createdAt: Date;
}

/** One entry of the audit trail: a change or a refusal, from the console or the API. */
export interface AuditEventInput {
  accountId: string | null;
  actor: string;
  action: string;
  target: string | null;
  outcome: "Success" | "Failure";
  errorCode?: string | null;
  reason?: string | null;
  source: "console" | "api";
  requestId?: string | null;
  details?: AuditDetails | null;
}

/**
 * What an event adds beyond its columns. STS's assumes carry the session they made (or were refused) and the
 * evaluator's reasons in plain words, so the role's Activity tab can show who, as whom, and why.
 */
export interface AuditDetails {
  /** Who asked, when the actor asked on someone's behalf (the console's Assume role acts as an IAM user or a session). */
  callerArn?: string;
  sessionName?: string;
  sourceIdentity?: string;
  accessKeyId?: string;
  sessionArn?: string;
  durationSeconds?: number;
  mfa?: boolean;
  /** The evaluator's explanation, one sentence a line. */
  reasons?: string[];
}

/** An audit event as stored, with its id and time. */
export interface AuditEvent extends AuditEventInput {
  id: string;
  time: Date;
}

/** Which key of a `Principal` block a suggestion belongs under. */
export type PrincipalKey = "AWS" | "Federated" | "Service";

/**
 * One principal the policy editor can offer: `value` is what goes in the JSON string, under `principalKey`.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
 */
export interface PrincipalSuggestion {
  principalKey: PrincipalKey;
  kind: "account" | "role" | "user" | "oidc-provider" | "saml-provider" | "service";
  value: string;
  /** A short human label (role name, account alias, service name). */
  label: string;
  /** The account the principal lives in, when it has one. */
  accountId?: string;
}


/** A console user (admin or viewer) as the console-users page lists them: never the password hash. */
export interface ConsoleUserSummary {
  id: string;
  email: string;
  name: string;
  role: "admin" | "viewer";
  createdAt: Date;
  activeSessions: number;
  lastSignInAt: Date | null;
}
