import { LIMITS } from "./limits";

/**
 * The IAM identities that hold policies. Each kind's inline, managed, boundary and tag operations are one
 * implementation (lib/iam/principal-permissions.ts); what AWS does differently per kind is the data below.
 * A new kind is a new entry here and in the store's table (lib/db/principal-tables.ts), not a copy of the
 * operations. An IAM group holds inline and managed policies for its users, and has no boundary and no tags.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_groups.html
 */
export type PrincipalKind = "role" | "user" | "group";

export const PRINCIPAL_KINDS = ["role", "user", "group"] as const satisfies readonly PrincipalKind[];

export interface PrincipalRules {
  kind: PrincipalKind;
  /** AWS's noun in action and quota names: PutRolePolicy, TagUser, PoliciesPerRole, TagsPerUser. */
  noun: "Role" | "User" | "Group";
  /** Managed policies that may be attached (the quota AWS names PoliciesPer<noun>). */
  managedPolicyQuota: number;
  /** Characters (whitespace not counted) all inline policies may hold together. */
  inlinePolicySizeQuota: number;
  /** Whether the kind takes a permissions boundary (Put<noun>PermissionsBoundary): roles and users do, groups not. */
  boundary: boolean;
  /** Whether the kind carries tags (Tag<noun>): roles and users do, groups not. */
  tags: boolean;
}

export const PRINCIPAL_RULES: Record<PrincipalKind, PrincipalRules> = {
  role: {
    kind: "role",
    noun: "Role",
    managedPolicyQuota: LIMITS.managedPoliciesPerRole,
    inlinePolicySizeQuota: LIMITS.inlinePolicySizePerRole,
    boundary: true,
    tags: true,
  },
  user: {
    kind: "user",
    noun: "User",
    managedPolicyQuota: LIMITS.managedPoliciesPerUser,
    inlinePolicySizeQuota: LIMITS.inlinePolicySizePerUser,
    boundary: true,
    tags: true,
  },
  group: {
    kind: "group",
    noun: "Group",
    managedPolicyQuota: LIMITS.managedPoliciesPerGroup,
    inlinePolicySizeQuota: LIMITS.inlinePolicySizePerGroup,
    boundary: false,
    tags: false,
  },
};

/** The IAM action a principal operation is, e.g. `iamAction(role, "Attach", "Policy")` → "AttachRolePolicy". */
export const iamAction = (rules: PrincipalRules, verb: string, object = "") => `${verb}${rules.noun}${object}`;

/** AWS's words for the refusals that differ only by kind. */
export const principalMessages = {
  notFound: (r: PrincipalRules, name: string) => `The ${r.kind} with name ${name} cannot be found.`,
  inlinePolicyNotFound: (r: PrincipalRules, name: string) => `The ${r.kind} policy with name ${name} cannot be found.`,
  inlineQuota: (r: PrincipalRules, name: string) =>
    `Maximum policy size of ${r.inlinePolicySizeQuota} bytes exceeded for ${r.kind} ${name}`,
  managedQuota: (r: PrincipalRules) => `Cannot exceed quota for PoliciesPer${r.noun}: ${r.managedPolicyQuota}`,
  tagQuota: (r: PrincipalRules) => `Cannot exceed quota for TagsPer${r.noun}: ${LIMITS.tagsPerEntity}`,
  /** Service-linked roles: https://docs.aws.amazon.com/IAM/latest/UserGuide/using-service-linked-roles.html */
  protectedRole: (name: string) => `Cannot perform the operation on the protected role '${name}' - this role is only modifiable by AWS`,
};
