import { z } from "zod";
import {
  arnSchema,
  descriptionSchema,
  paginationSchema,
  pathPrefixSchema,
  policyDocumentSchema,
  policyNameSchema,
  roleNameSchema,
  tagKeyListSchema,
  tagListSchema,
  userNameSchema,
  accessKeyStatusSchema,
} from "@/lib/iam/schemas";
import { ASSIGNMENT_STATUSES, consecutiveCodesSchema, existingUserNameSchema, serialNumberSchema } from "@/lib/iam/mfa-schemas";

/**
 * Per-action input schemas of the IAM Query API, composed from the shared member schemas in lib/iam/schemas.ts.
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
export const accessKeyIdSchema = z
  .string()
  .min(16, { message: "Member must have length greater than or equal to 16" })
  .max(128, { message: "Member must have length less than or equal to 128" })
  .regex(/^[\w]+$/, { message: "Member must satisfy regular expression pattern: [\\w]+" });
const policyScopeSchema = enumOf(["All", "AWS", "Local"] as const);
const policyUsageFilterSchema = enumOf(["PermissionsPolicy", "PermissionsBoundary"] as const);
const entityFilterSchema = enumOf(["User", "Role", "Group", "LocalManagedPolicy", "AWSManagedPolicy"] as const);

const role = { RoleName: roleNameSchema };
const user = { UserName: userNameSchema };
const policyArn = { PolicyArn: arnSchema };

export const roleOnly = z.object(role);
export const roleDescription = z.object({ ...role, Description: descriptionSchema });
export const roleTrust = z.object({ ...role, PolicyDocument: policyDocumentSchema });
export const roleTags = z.object({ ...role, Tags: tagListSchema });
export const roleTagKeys = z.object({ ...role, TagKeys: tagKeyListSchema });
export const rolePage = paginationSchema.extend(role);
export const rolePolicyPut = z.object({ ...role, PolicyName: policyNameSchema, PolicyDocument: policyDocumentSchema });
export const rolePolicyName = z.object({ ...role, PolicyName: policyNameSchema });
export const rolePolicyArn = z.object({ ...role, ...policyArn });
export const roleAttachedPage = paginationSchema.extend({ ...role, PathPrefix: pathPrefixSchema.optional() });
export const roleBoundary = z.object({ ...role, PermissionsBoundary: arnSchema });

export const userOnly = z.object(user);
export const optionalUser = z.object({ UserName: userNameSchema.optional() });
export const usersPage = paginationSchema.extend({ PathPrefix: pathPrefixSchema.optional() });
export const userTags = z.object({ ...user, Tags: tagListSchema });
export const userTagKeys = z.object({ ...user, TagKeys: tagKeyListSchema });
export const userPage = paginationSchema.extend(user);
export const userPolicyPut = z.object({ ...user, PolicyName: policyNameSchema, PolicyDocument: policyDocumentSchema });
export const userPolicyName = z.object({ ...user, PolicyName: policyNameSchema });
export const userPolicyArn = z.object({ ...user, ...policyArn });
export const userAttachedPage = paginationSchema.extend({ ...user, PathPrefix: pathPrefixSchema.optional() });
export const userBoundary = z.object({ ...user, PermissionsBoundary: arnSchema });

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
