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

/**
 * An EC2 instance profile: hands one role to the instances it is attached to.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2_instance-profiles.html
 */
export interface InstanceProfile {
  id: string;
  accountId: string;
  name: string;
  path: string;
  arn: string;
  createdAt: Date;
  /** At most one (the InstanceSessionsPerInstanceProfile quota). */
  roles: RoleListItem[];
  tags: Tag[];
}

/** The states of GetServiceLinkedRoleDeletionStatus, in the order a task goes through them. */
export type DeletionTaskStatus = "NOT_STARTED" | "IN_PROGRESS" | "SUCCEEDED" | "FAILED";

/** Where a service still uses a role it was asked to give up (RoleUsageType). */
export interface RoleUsage {
  region: string;
  resources: string[];
}

/**
 * A DeleteServiceLinkedRole request as GetServiceLinkedRoleDeletionStatus reports it.
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetServiceLinkedRoleDeletionStatus.html
 */
export interface ServiceLinkedRoleDeletion {
  deletionTaskId: string;
  roleName: string;
  roleArn: string;
  status: DeletionTaskStatus;
  submittedAt: Date;
  finishedAt: Date | null;
  /** FAILED only: why, and what still uses the role. */
  failure?: { reason: string; roleUsage: RoleUsage[] };
}

/**
 * The identity-based policies of a principal, as evaluation needs them: the default version of every attached
 * managed policy, every inline policy, and the permissions boundary's default version. A role's sessions are
 * evaluated with the role's.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html
 */
export interface PrincipalPolicies {
  id: string;
  accountId: string;
  name: string;
  arn: string;
  tags: Tag[];
  /** Managed policies carry their ARN; inline policies only their name; a group's policies their group. */
  identity: { name: string; arn?: string; document: string; group?: { name: string; arn: string } }[];
  /** Absent when no boundary is set; a boundary whose policy no longer exists has document null. */
  boundary?: { arn: string; document: string | null };
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

/**
 * An IAM group: a collection of users that share its inline and managed policies. Groups have no tags and no
 * permissions boundary. https://docs.aws.amazon.com/IAM/latest/UserGuide/id_groups.html
 */
export interface IamGroup {
  id: string;
  accountId: string;
  name: string;
  path: string;
  arn: string;
  createdAt: Date;
}

/** A group as the console's list shows it: with how many users and policies it has. */
export interface GroupListItem extends IamGroup {
  memberCount: number;
  attachedPolicyCount: number;
  inlinePolicyCount: number;
}

/** A user in a group (GetGroup's Users), with when it was added. */
export interface GroupMember extends IamUser {
  addedAt: Date;
}

/** A policy a user holds through one of its groups, which IAM evaluates as the user's own. */
export interface InheritedPolicy {
  policyName: string;
  /** Managed policies only; an inline policy lives in its group. */
  policyArn?: string;
  groupName: string;
  groupArn: string;
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

/** The entities of an account a managed policy is attached to (ListEntitiesForPolicy). */
export interface PolicyEntities {
  roles: { name: string; id: string }[];
  users: { name: string; id: string }[];
  groups: { name: string; id: string }[];
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
  /** AssumeRoleWithWebIdentity / WithSAML: the identity provider (its ARN, or the domain of one AWS trusts unregistered) and the subject it vouched for. */
  provider?: string;
  subject?: string;
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

/** An OpenID Connect identity provider (IAM `oidc-provider/HOST/PATH`). */
export interface OidcProvider {
  arn: string;
  accountId: string;
  /** The issuer URL as registered, `https://…`. */
  url: string;
  clientIds: string[];
  thumbprints: string[];
  createdAt: Date;
  tags: Tag[];
  /** Roleplane's own: the JWKS tokens are verified with, as JSON text, and where it came from. */
  jwks: string | null;
  jwksSource: "upload" | "discovery" | null;
  jwksUpdatedAt: Date | null;
  /** Roleplane's built-in test provider: Roleplane holds its signing key. */
  demo: boolean;
}

/** A SAML 2.0 identity provider (IAM `saml-provider/NAME`). */
export interface SamlProvider {
  arn: string;
  accountId: string;
  name: string;
  /** GetSAMLProvider's SAMLProviderUUID. */
  uuid: string;
  metadataDocument: string;
  createdAt: Date;
  /** The metadata's validUntil, when it states one. */
  validUntil: Date | null;
  tags: Tag[];
  demo: boolean;
}

/** One row of the console's identity-provider list. */
export interface IdentityProviderListItem {
  arn: string;
  type: "OIDC" | "SAML";
  /** The issuer URL (OIDC) or the provider name (SAML). */
  name: string;
  createdAt: Date;
  validUntil: Date | null;
  demo: boolean;
}

/** A SAML signing certificate as the console shows it; `pem` is what signatures are checked with. */
export interface SamlCertificate {
  pem: string;
  subject: string;
  issuer: string;
  notBefore: Date;
  notAfter: Date;
  /** SHA-256 fingerprint, colon-separated hex, as people compare certificates. */
  fingerprintSha256: string;
  keyType: string;
}

/** One key of an OIDC provider's JWKS as the console lists it. */
export interface SigningKeySummary {
  kid: string | null;
  kty: string;
  alg: string | null;
  /** RSA modulus bits, or the EC curve. */
  size: string;
}

/** A role whose trust policy names a provider as `Federated`. */
export interface RoleNamingProvider {
  name: string;
  arn: string;
  accountId: string;
}

/** One provider as its console page shows it. */
export type IdentityProviderDetails =
  | { type: "OIDC"; provider: OidcProvider; keys: SigningKeySummary[]; roles: RoleNamingProvider[] }
  | { type: "SAML"; provider: SamlProvider; entityId: string | null; certificates: SamlCertificate[]; signOnUrls: string[]; roles: RoleNamingProvider[] };
