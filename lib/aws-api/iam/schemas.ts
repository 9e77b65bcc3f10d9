import { z } from "zod";
import {
  arnSchema,
  descriptionSchema,
  existingUserNameSchema,
  groupNameSchema,
  paginationSchema,
  pathPrefixSchema,
  policyDocumentSchema,
  policyNameSchema,
  roleNameSchema,
  tagKeyListSchema,
  tagListSchema,
  userNameSchema,
  accessKeyStatusSchema,
  accessKeyIdSchema,
  deletionTaskIdSchema,
  instanceProfileNameSchema,
} from "@/lib/domain/schemas";
import { ASSIGNMENT_STATUSES, consecutiveCodesSchema, serialNumberSchema } from "@/lib/domain/mfa-schemas";

/**
 * Per-action input schemas of the IAM Query API, composed from the shared member schemas in lib/domain/schemas.ts.
 * Only API-only members (version ids, access key ids, list filters) are defined here; their constraints are those
 * of the botocore model (`policyVersionIdType`, `accessKeyIdType`, `policyScopeType`, …).
 */

const enumOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { message: `Member must satisfy enum value set: [${values.join(", ")}]` });

export const versionIdSchema = z
  .string()
  .regex(/^v[1-9][0-9]*(\.[A-Za-z0-9-]*)?$/, {
    message: "Member must satisfy regular expression pattern: v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?",
  });
const policyScopeSchema = enumOf(["All", "AWS", "Local"] as const);
const policyUsageFilterSchema = enumOf(["PermissionsPolicy", "PermissionsBoundary"] as const);
const entityFilterSchema = enumOf(["User", "Role", "Group", "LocalManagedPolicy", "AWSManagedPolicy"] as const);

const policyArn = { PolicyArn: arnSchema };

/**
 * The inputs of one principal kind's actions, keyed by AWS's member for its name (RoleName, UserName), so every
 * kind's PutXPolicy … ListXTags parse the same way.
 */
function principalSchemas(member: string, nameSchema: z.ZodString) {
  // The name member's key is data (RoleName, UserName); the types keep only the members every kind shares.
  const name = { [member]: nameSchema } as { [member: string]: z.ZodString };
  return {
    member,
    only: z.object(name),
    page: z.object({ ...name, ...paginationSchema.shape }),
    tags: z.object({ ...name, Tags: tagListSchema }),
    tagKeys: z.object({ ...name, TagKeys: tagKeyListSchema }),
    policyPut: z.object({ ...name, PolicyName: policyNameSchema, PolicyDocument: policyDocumentSchema }),
    policyName: z.object({ ...name, PolicyName: policyNameSchema }),
    policyArn: z.object({ ...name, ...policyArn }),
    attachedPage: z.object({ ...name, ...paginationSchema.shape, PathPrefix: pathPrefixSchema.optional() }),
    boundary: z.object({ ...name, PermissionsBoundary: arnSchema }),
  };
}

export type PrincipalSchemas = ReturnType<typeof principalSchemas>;

export const PRINCIPAL_SCHEMAS = {
  role: principalSchemas("RoleName", roleNameSchema),
  user: principalSchemas("UserName", userNameSchema),
  group: principalSchemas("GroupName", groupNameSchema),
};

const role = { RoleName: roleNameSchema };
export const roleOnly = z.object(role);
export const roleDescription = z.object({ ...role, Description: descriptionSchema });
export const roleTrust = z.object({ ...role, PolicyDocument: policyDocumentSchema });
export const rolePage = paginationSchema.extend(role);
export const deletionTask = z.object({ DeletionTaskId: deletionTaskIdSchema });

const profile = { InstanceProfileName: instanceProfileNameSchema };
export const instanceProfileOnly = z.object(profile);
export const instanceProfileRole = z.object({ ...profile, ...role });
export const instanceProfilePage = paginationSchema.extend(profile);
export const instanceProfilesPage = paginationSchema.extend({ PathPrefix: pathPrefixSchema.optional() });
export const instanceProfileTags = z.object({ ...profile, Tags: tagListSchema });
export const instanceProfileTagKeys = z.object({ ...profile, TagKeys: tagKeyListSchema });

export const userOnly = z.object({ UserName: userNameSchema });
export const optionalUser = z.object({ UserName: userNameSchema.optional() });
export const usersPage = paginationSchema.extend({ PathPrefix: pathPrefixSchema.optional() });

const group = { GroupName: groupNameSchema };
export const groupOnly = z.object(group);
export const groupPage = paginationSchema.extend(group);
export const groupsPage = paginationSchema.extend({ PathPrefix: pathPrefixSchema.optional() });
export const groupMember = z.object({ ...group, UserName: existingUserNameSchema });
export const groupsForUserPage = paginationSchema.extend({ UserName: existingUserNameSchema });

export const accessKeysPage = paginationSchema.extend({ UserName: userNameSchema.optional() });
export const accessKeyUpdate = z.object({
  UserName: userNameSchema.optional(),
  AccessKeyId: accessKeyIdSchema,
  Status: accessKeyStatusSchema,
});
export const accessKeyDelete = z.object({ UserName: userNameSchema.optional(), AccessKeyId: accessKeyIdSchema });
export const accessKeyLastUsed = z.object({ AccessKeyId: accessKeyIdSchema });

export const policyOnly = z.object(policyArn);
export const policyVersion = z.object({ ...policyArn, VersionId: versionIdSchema });
export const policyVersionCreate = z.object({
  ...policyArn,
  PolicyDocument: policyDocumentSchema,
  SetAsDefault: z.boolean().optional(),
});
export const policyPage = paginationSchema.extend(policyArn);
export const policiesPage = paginationSchema.extend({
  Scope: policyScopeSchema.optional(),
  OnlyAttached: z.boolean().optional(),
  PathPrefix: pathPrefixSchema.optional(),
  PolicyUsageFilter: policyUsageFilterSchema.optional(),
});
export const policyEntitiesPage = paginationSchema.extend({
  ...policyArn,
  EntityFilter: entityFilterSchema.optional(),
  PathPrefix: pathPrefixSchema.optional(),
  PolicyUsageFilter: policyUsageFilterSchema.optional(),
});

const serial = { SerialNumber: serialNumberSchema };
export const mfaDeviceUserCodes = consecutiveCodesSchema.extend({ UserName: existingUserNameSchema });
export const mfaDeviceDeactivate = z.object({ UserName: existingUserNameSchema.optional(), ...serial });
export const mfaDeviceOnly = z.object(serial);
export const mfaDevicesPage = paginationSchema.extend({ UserName: existingUserNameSchema.optional() });
export const virtualMfaDevicesPage = paginationSchema.extend({ AssignmentStatus: enumOf(ASSIGNMENT_STATUSES).optional() });
export const mfaDeviceTags = z.object({ ...serial, Tags: tagListSchema });
export const mfaDeviceTagKeys = z.object({ ...serial, TagKeys: tagKeyListSchema });
export const mfaDeviceTagsPage = paginationSchema.extend(serial);
