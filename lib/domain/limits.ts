import { MANAGED_POLICY_QUOTA, SESSION_POLICY_QUOTA, TRUST_POLICY_QUOTA } from "@/lib/policy";

/**
 * Every AWS limit and default Roleplane follows, in one table. The zod schemas (./schemas), the console's form
 * choices and hints, the services' quota checks and the README's table (`npm run docs:limits`) are all built
 * from it; `limits.test.ts` fails when a schema and this table disagree.
 *
 * The three policy-size quotas are the policy core's own constants (lib/policy/size.ts), which checks them as
 * you type; this table shows them beside the rest rather than restating them.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
 * @see botocore `iam/2010-05-08/service-2.json` (member length and range constraints)
 */
export const LIMITS = {
  roleName: { min: 1, max: 64 },
  userName: { min: 1, max: 64 },
  /** An existing user named by another action (AddUserToGroup, ListGroupsForUser): botocore's existingUserNameType. */
  existingUserName: { min: 1, max: 128 },
  groupName: { min: 1, max: 128 },
  policyName: { min: 1, max: 128 },
  path: { min: 1, max: 512 },
  pathPrefix: { min: 1, max: 512 },
  description: { min: 0, max: 1000 },
  maxSessionDuration: { min: 3600, max: 43200, default: 3600 },
  tagsPerEntity: 50,
  tagKey: { min: 1, max: 128 },
  tagValue: { min: 0, max: 256 },
  policyDocument: { min: 1, max: 131072 },
  arn: { min: 20, max: 2048 },
  accessKeyId: { min: 16, max: 128 },
  managedPoliciesPerRole: 10,
  managedPoliciesPerUser: 10,
  managedPoliciesPerGroup: 10,
  inlinePolicySizePerRole: 10240,
  inlinePolicySizePerUser: 2048,
  inlinePolicySizePerGroup: 5120,
  trustPolicySize: TRUST_POLICY_QUOTA,
  managedPolicySize: MANAGED_POLICY_QUOTA,
  sessionPolicySize: SESSION_POLICY_QUOTA,
  accessKeysPerUser: 2,
  groupsPerUser: 10,
  policyVersions: 5,
  maxItems: { min: 1, max: 1000, default: 100 },
  marker: { min: 1, max: 320 },
  // STS (botocore sts/2011-06-15; https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html)
  roleSessionName: { min: 2, max: 64 },
  assumeRoleDuration: { min: 900, max: 43200, default: 3600 },
  roleChainingDuration: 3600,
  sessionTokenDuration: { min: 900, max: 129600, default: 43200 },
  externalId: { min: 2, max: 1224 },
  mfaSerialNumber: { min: 9, max: 256 },
  sourceIdentity: { min: 2, max: 64 },
  sessionPolicyArns: 10,
  sessionPolicyParameter: { min: 1, max: 2048 },
  sessionTags: 50,
  transitiveTagKeys: 50,
  encodedAuthorizationMessage: { min: 1, max: 10240 },
  // The policy simulator (botocore SimulatePrincipalPolicy / SimulateCustomPolicy / GetContextKeysFor*)
  simulationActionName: { min: 3, max: 128 },
  simulationResourceName: { min: 1, max: 2048 },
  contextKeyName: { min: 5, max: 256 },
  resourceHandlingOption: { min: 1, max: 64 },
  /** Roleplane's own bound (AWS publishes none): each action is evaluated on each resource. */
  simulationEvaluations: 10000,
  // MFA (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html)
  /** The IAM API model gives no maximum for a device name; IAM's console allows 128 characters. */
  virtualMfaDeviceName: { min: 1, max: 128 },
  mfaDevicesPerUser: 8,
  virtualMfaDevicesPerAccount: 5000,
  oidcProviderUrl: { min: 1, max: 255 },
  clientId: { min: 1, max: 255 },
  clientIdsPerOidcProvider: 100,
  thumbprintsPerOidcProvider: 5,
  oidcProvidersPerAccount: 100,
  samlProviderName: { min: 1, max: 128 },
  samlMetadataDocument: { min: 1000, max: 10_000_000 },
  signingKeysPerSamlProvider: 10,
  samlProvidersPerAccount: 100,
  webIdentityToken: { min: 4, max: 20000 },
  webIdentityProviderId: { min: 4, max: 2048 },
  samlAssertion: { min: 4, max: 100000 },
  jwksDocument: { min: 1, max: 65536 },
  keysPerJwks: 100,
  // Instance profiles and service-linked roles (botocore iam/2010-05-08; IAM quotas page)
  instanceProfileName: { min: 1, max: 128 },
  instanceProfilesPerAccount: 1000,
  rolesPerInstanceProfile: 1,
  awsServiceName: { min: 1, max: 128 },
  customSuffix: { min: 1, max: 64 },
  deletionTaskId: { min: 1, max: 1000 },
} as const;

export type LimitName = keyof typeof LIMITS;

/**
 * The session lengths the console offers for MaxSessionDuration (any whole number of seconds in the range is
 * accepted through the API): whole hours from the minimum to the maximum AWS allows.
 */
export const SESSION_DURATION_CHOICES: readonly number[] = [1, 2, 4, 6, 8, 12]
  .map((h) => h * 3600)
  .filter((s) => s >= LIMITS.maxSessionDuration.min && s <= LIMITS.maxSessionDuration.max);

interface LimitDoc {
  what: string;
  /** AWS's name for the quota, where it has one (as its LimitExceeded messages print it). */
  quota?: string;
  unit?: string;
}

/** How the README names each limit; every entry of LIMITS has one (the type makes sure). */
export const LIMIT_DOCS: Record<LimitName, LimitDoc> = {
  roleName: { what: "RoleName length", unit: "characters" },
  userName: { what: "UserName length", unit: "characters" },
  existingUserName: { what: "UserName of an existing user, as group actions take it", unit: "characters" },
  groupName: { what: "GroupName length", unit: "characters" },
  policyName: { what: "PolicyName length (managed and inline)", unit: "characters" },
  path: { what: "Path length", unit: "characters" },
  pathPrefix: { what: "PathPrefix length (list filters)", unit: "characters" },
  description: { what: "Description length (roles and policies)", unit: "characters" },
  maxSessionDuration: { what: "MaxSessionDuration of a role", unit: "seconds" },
  tagsPerEntity: { what: "Tags per role, user, policy or instance profile", quota: "TagsPerRole / TagsPerUser / TagsPerInstanceProfile" },
  tagKey: { what: "Tag key length", unit: "characters" },
  tagValue: { what: "Tag value length", unit: "characters" },
  policyDocument: { what: "Policy document parameter length", unit: "characters" },
  arn: { what: "ARN parameter length", unit: "characters" },
  accessKeyId: { what: "AccessKeyId length", unit: "characters" },
  managedPoliciesPerRole: { what: "Managed policies attached to a role", quota: "PoliciesPerRole" },
  managedPoliciesPerUser: { what: "Managed policies attached to a user", quota: "PoliciesPerUser" },
  managedPoliciesPerGroup: { what: "Managed policies attached to a group", quota: "PoliciesPerGroup" },
  inlinePolicySizePerRole: { what: "Inline policies of a role, together", unit: "characters, whitespace not counted" },
  inlinePolicySizePerUser: { what: "Inline policies of a user, together", unit: "characters, whitespace not counted" },
  inlinePolicySizePerGroup: { what: "Inline policies of a group, together", unit: "characters, whitespace not counted" },
  trustPolicySize: { what: "Role trust policy", quota: "ACLSizePerRole", unit: "characters, whitespace not counted" },
  managedPolicySize: { what: "Managed policy (and permissions boundary)", quota: "PolicySize", unit: "characters, whitespace not counted" },
  sessionPolicySize: { what: "Session policy", unit: "characters, whitespace not counted" },
  accessKeysPerUser: { what: "Access keys per user", quota: "AccessKeysPerUser" },
  groupsPerUser: { what: "Groups a user belongs to", quota: "GroupsPerUser" },
  policyVersions: { what: "Versions kept per managed policy" },
  maxItems: { what: "MaxItems of a list call", unit: "items" },
  marker: { what: "Marker length", unit: "characters" },
  roleSessionName: { what: "RoleSessionName length", unit: "characters" },
  assumeRoleDuration: { what: "DurationSeconds of AssumeRole (never past the role's MaxSessionDuration)", unit: "seconds" },
  roleChainingDuration: { what: "Longest session a role session can get by assuming another role (role chaining)", unit: "seconds" },
  sessionTokenDuration: { what: "DurationSeconds of GetSessionToken", unit: "seconds" },
  externalId: { what: "ExternalId length", unit: "characters" },
  mfaSerialNumber: { what: "SerialNumber (MFA device) length, in IAM and STS", unit: "characters" },
  sourceIdentity: { what: "SourceIdentity length", unit: "characters" },
  sessionPolicyArns: { what: "Managed session policies (PolicyArns) per request" },
  sessionPolicyParameter: { what: "Inline session policy (Policy) parameter length", unit: "characters" },
  sessionTags: { what: "Session tags per request" },
  transitiveTagKeys: { what: "Transitive tag keys per request" },
  encodedAuthorizationMessage: { what: "EncodedMessage of DecodeAuthorizationMessage", unit: "characters" },
  simulationActionName: { what: "ActionNames entry of a simulation", unit: "characters" },
  simulationResourceName: { what: "ResourceArns entry, CallerArn and ResourceOwner of a simulation", unit: "characters" },
  contextKeyName: { what: "ContextKeyName of a simulation's context entry", unit: "characters" },
  resourceHandlingOption: { what: "ResourceHandlingOption length", unit: "characters" },
  simulationEvaluations: { what: "Actions × resources in one simulation (Roleplane's own bound; AWS publishes none)" },
  virtualMfaDeviceName: { what: "VirtualMFADeviceName length", unit: "characters" },
  mfaDevicesPerUser: { what: "MFA devices in use by an IAM user", quota: "MFADevicesPerUser" },
  virtualMfaDevicesPerAccount: { what: "Virtual MFA devices in an account" },
  oidcProviderUrl: { what: "OIDC provider Url length", unit: "characters" },
  clientId: { what: "OIDC client ID (audience) length", unit: "characters" },
  clientIdsPerOidcProvider: { what: "Client IDs per OIDC provider", quota: "ClientIDsPerOpenIdConnectProvider" },
  thumbprintsPerOidcProvider: { what: "Thumbprints per OIDC provider", quota: "ThumbprintsPerOpenIdConnectProvider" },
  oidcProvidersPerAccount: { what: "OIDC providers per account", quota: "OpenIdConnectProvidersPerAccount" },
  samlProviderName: { what: "SAML provider Name length", unit: "characters" },
  samlMetadataDocument: { what: "SAMLMetadataDocument length (the API body is at most 1 MiB)", unit: "characters" },
  signingKeysPerSamlProvider: { what: "Signing certificates in a SAML provider's metadata", quota: "KeysPerSAMLProvider" },
  samlProvidersPerAccount: { what: "SAML providers per account", quota: "SAMLProvidersPerAccount" },
  webIdentityToken: { what: "WebIdentityToken length (STS)", unit: "characters" },
  webIdentityProviderId: { what: "ProviderId length of AssumeRoleWithWebIdentity (STS)", unit: "characters" },
  samlAssertion: { what: "SAMLAssertion length, base64 (STS)", unit: "characters" },
  jwksDocument: { what: "JWKS of an OIDC provider (Roleplane's own)", unit: "characters" },
  keysPerJwks: { what: "Keys in an OIDC provider's JWKS (Roleplane's own)" },
  instanceProfileName: { what: "InstanceProfileName length", unit: "characters" },
  instanceProfilesPerAccount: { what: "Instance profiles per account", quota: "InstanceProfilesPerAccount" },
  rolesPerInstanceProfile: { what: "Roles in an instance profile (AWS does not raise it)", quota: "InstanceSessionsPerInstanceProfile" },
  awsServiceName: { what: "AWSServiceName of CreateServiceLinkedRole", unit: "characters" },
  customSuffix: { what: "CustomSuffix of a service-linked role", unit: "characters" },
  deletionTaskId: { what: "DeletionTaskId length", unit: "characters" },
};

type Limit = (typeof LIMITS)[LimitName];

function valueText(limit: Limit, unit?: string): string {
  const n = (v: number) => v.toLocaleString("en-US");
  const u = unit ? ` ${unit}` : "";
  if (typeof limit === "number") return `${n(limit)}${u}`;
  return `${n(limit.min)}–${n(limit.max)}${u}${"default" in limit ? `, default ${n(limit.default)}` : ""}`;
}

/** The README's limits table, rendered from LIMITS (see `npm run docs:limits`). */
export function limitsMarkdown(): string {
  const rows = (Object.keys(LIMITS) as LimitName[]).map((name) => {
    const doc = LIMIT_DOCS[name];
    return `| ${doc.what} | ${valueText(LIMITS[name], doc.unit)} | ${doc.quota ? `\`${doc.quota}\`` : ""} |`;
  });
  return ["| limit | value | AWS quota name |", "| --- | --- | --- |", ...rows].join("\n");
}
