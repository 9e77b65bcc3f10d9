import { z } from "zod";
import { clip } from "./errors";
import { LIMITS } from "./limits";

export { LIMITS };

/**
 * One zod schema per input, shared by the AWS Query API and the console forms, so a limit lives in one place.
 * Constraints and member names follow the IAM API model (botocore iam/2010-05-08 service-2.json); a violation
 * renders as AWS's `ValidationError` text ("1 validation error detected: Value 'x' at 'roleName' failed to
 * satisfy constraint: Member must …") via {@link formatValidationIssues}.
 */

interface StringRule {
  min?: number;
  max?: number;
  pattern?: RegExp;
  /** The pattern as AWS prints it in messages. */
  patternText?: string;
}

export function awsString(rule: StringRule) {
  let s = z.string();
  if (rule.min !== undefined)
    s = s.min(rule.min, { message: `Member must have length greater than or equal to ${rule.min}` });
  if (rule.max !== undefined)
    s = s.max(rule.max, { message: `Member must have length less than or equal to ${rule.max}` });
  if (rule.pattern)
    s = s.regex(rule.pattern, {
      message: `Member must satisfy regular expression pattern: ${rule.patternText ?? rule.pattern.source}`,
    });
  return s;
}

const NAME_CHARS = "[\\w+=,.@-]+";

export const instanceProfileNameSchema = awsString({ ...LIMITS.instanceProfileName, pattern: /^[\w+=,.@-]+$/, patternText: NAME_CHARS });
export const roleNameSchema = awsString({ ...LIMITS.roleName, pattern: /^[\w+=,.@-]+$/, patternText: NAME_CHARS });
export const userNameSchema = awsString({ ...LIMITS.userName, pattern: /^[\w+=,.@-]+$/, patternText: NAME_CHARS });
export const policyNameSchema = awsString({ ...LIMITS.policyName, pattern: /^[\w+=,.@-]+$/, patternText: NAME_CHARS });
export const groupNameSchema = awsString({ ...LIMITS.groupName, pattern: /^[\w+=,.@-]+$/, patternText: NAME_CHARS });
/** botocore's existingUserNameType: the user named by AddUserToGroup, RemoveUserFromGroup, ListGroupsForUser. */
export const existingUserNameSchema = awsString({ ...LIMITS.existingUserName, pattern: /^[\w+=,.@-]+$/, patternText: NAME_CHARS });
export const pathSchema = awsString({
  ...LIMITS.path,
  pattern: /^(?:\u002F|\u002F[\u0021-\u007E]+\u002F)$/,
  patternText: "(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)",
});
export const pathPrefixSchema = awsString({
  ...LIMITS.pathPrefix,
  pattern: /^\u002F[\u0021-\u007F]*$/,
  patternText: "\\u002F[\\u0021-\\u007F]*",
});
export const descriptionSchema = awsString({
  ...LIMITS.description,
  pattern: /^[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]*$/,
  patternText: "[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]*",
});
export const policyDocumentSchema = awsString({
  ...LIMITS.policyDocument,
  pattern: /^[\u0009\u000A\u000D\u0020-\u00FF]+$/,
  patternText: "[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+",
});
/** A whole number within a range, refused in AWS's words. */
export function awsInteger({ min, max }: { min: number; max: number }) {
  return z
    .number({ message: "Member must be a number" })
    .int({ message: "Member must be a whole number" })
    .min(min, { message: `Member must have value greater than or equal to ${min}` })
    .max(max, { message: `Member must have value less than or equal to ${max}` });
}

export const maxSessionDurationSchema = awsInteger(LIMITS.maxSessionDuration);
export const arnSchema = awsString(LIMITS.arn);

const TAG_KEY_PATTERN = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$/u;
export const tagSchema = z.object({
  Key: awsString({ ...LIMITS.tagKey, pattern: TAG_KEY_PATTERN, patternText: "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+" }),
  Value: awsString({
    ...LIMITS.tagValue,
    pattern: /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u,
    patternText: "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*",
  }),
});
export type Tag = z.infer<typeof tagSchema>;
export const tagListSchema = z
  .array(tagSchema)
  .max(LIMITS.tagsPerEntity, { message: `Member must have length less than or equal to ${LIMITS.tagsPerEntity}` });
export const tagKeyListSchema = z
  .array(tagSchema.shape.Key)
  .max(LIMITS.tagsPerEntity, { message: `Member must have length less than or equal to ${LIMITS.tagsPerEntity}` });

export const paginationSchema = z.object({
  Marker: awsString(LIMITS.marker).optional(),
  MaxItems: awsInteger(LIMITS.maxItems).optional(),
});

export const createRoleSchema = z.object({
  RoleName: roleNameSchema,
  Path: pathSchema.optional(),
  AssumeRolePolicyDocument: policyDocumentSchema,
  Description: descriptionSchema.optional(),
  MaxSessionDuration: maxSessionDurationSchema.optional(),
  PermissionsBoundary: arnSchema.optional(),
  Tags: tagListSchema.optional(),
});
export type CreateRoleInput = z.infer<typeof createRoleSchema>;

export const inlinePolicySchema = z.object({ PolicyName: policyNameSchema, PolicyDocument: policyDocumentSchema });
export type InlinePolicyInput = z.infer<typeof inlinePolicySchema>;

/**
 * The console's create role: CreateRole plus the managed policies to attach and the inline policies to put, made
 * in one transaction, so a refusal of any part leaves no role behind. The Query API keeps one call per action.
 */
export const createRoleWithPermissionsSchema = createRoleSchema.extend({
  PolicyArns: z
    .array(arnSchema)
    .max(LIMITS.managedPoliciesPerRole, { message: `Member must have length less than or equal to ${LIMITS.managedPoliciesPerRole}` })
    .optional(),
  InlinePolicies: z.array(inlinePolicySchema).optional(),
});
export type CreateRoleWithPermissionsInput = z.infer<typeof createRoleWithPermissionsSchema>;

/** The console's create role request: with `CreateInstanceProfile`, also the instance profile of the role's name (EC2). */
export const consoleCreateRoleSchema = createRoleWithPermissionsSchema.extend({ CreateInstanceProfile: z.boolean().optional() });
export type ConsoleCreateRoleInput = z.infer<typeof consoleCreateRoleSchema>;

export const updateRoleSchema = z.object({
  RoleName: roleNameSchema,
  Description: descriptionSchema.optional(),
  MaxSessionDuration: maxSessionDurationSchema.optional(),
});
export type UpdateRoleInput = z.infer<typeof updateRoleSchema>;

export const listRolesSchema = paginationSchema.extend({
  PathPrefix: pathPrefixSchema.optional(),
});

export const createUserSchema = z.object({
  UserName: userNameSchema,
  Path: pathSchema.optional(),
  PermissionsBoundary: arnSchema.optional(),
  Tags: tagListSchema.optional(),
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const createGroupSchema = z.object({
  GroupName: groupNameSchema,
  Path: pathSchema.optional(),
});
export type CreateGroupInput = z.infer<typeof createGroupSchema>;

/** UpdateGroup: a new name, a new path, both or neither. */
export const updateGroupSchema = z.object({
  GroupName: groupNameSchema,
  NewGroupName: groupNameSchema.optional(),
  NewPath: pathSchema.optional(),
});
export type UpdateGroupInput = z.infer<typeof updateGroupSchema>;

export const createPolicySchema = z.object({
  PolicyName: policyNameSchema,
  Path: pathSchema.optional(),
  PolicyDocument: policyDocumentSchema,
  Description: descriptionSchema.optional(),
  Tags: tagListSchema.optional(),
});
export type CreatePolicyInput = z.infer<typeof createPolicySchema>;

/** CreateServiceLinkedRole; AWSServiceName is botocore's `groupNameType`, CustomSuffix its `customSuffixType`. */
export const createServiceLinkedRoleSchema = z.object({
  AWSServiceName: awsString({ ...LIMITS.awsServiceName, pattern: /^[\w+=,.@-]+$/, patternText: NAME_CHARS }),
  Description: descriptionSchema.optional(),
  CustomSuffix: awsString({ ...LIMITS.customSuffix, pattern: /^[\w+=,.@-]+$/, patternText: NAME_CHARS }).optional(),
});
export type CreateServiceLinkedRoleInput = z.infer<typeof createServiceLinkedRoleSchema>;

export const deletionTaskIdSchema = awsString(LIMITS.deletionTaskId);

export const createInstanceProfileSchema = z.object({
  InstanceProfileName: instanceProfileNameSchema,
  Path: pathSchema.optional(),
  Tags: tagListSchema.optional(),
});
export type CreateInstanceProfileInput = z.infer<typeof createInstanceProfileSchema>;

/** botocore `accessKeyIdType`. */
export const accessKeyIdSchema = z
  .string()
  .min(LIMITS.accessKeyId.min, { message: `Member must have length greater than or equal to ${LIMITS.accessKeyId.min}` })
  .max(LIMITS.accessKeyId.max, { message: `Member must have length less than or equal to ${LIMITS.accessKeyId.max}` })
  .regex(/^[\w]+$/, { message: "Member must satisfy regular expression pattern: [\\w]+" });

export const accessKeyStatusSchema = z.enum(["Active", "Inactive"], {
  message: "Member must satisfy enum value set: [Active, Inactive]",
});

/**
 * The editor's request for a store-aware check. The document is not held to IAM's character pattern here:
 * a bad character is a finding to show at its place, not a reason to refuse the check.
 */
export const policyValidationInputSchema = z.object({
  document: z.string().max(LIMITS.policyDocument.max),
  kind: z.enum(["trust", "identity", "boundary", "session"]),
  /** An inline policy (PutRolePolicy/PutUserPolicy): Version may be omitted and the managed quota does not apply. */
  inline: z.boolean().optional(),
});
export type PolicyValidationInput = z.infer<typeof policyValidationInputSchema>;

/**
 * AWS names a member by its lower-camel name and list positions as `tags.1.member.key`, e.g. "Value 'x' at
 * 'tags.1.member.key' failed to satisfy constraint: …".
 */
export function memberPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `.${p + 1}.member`;
    else {
      const s = String(p);
      out += (out === "" ? "" : ".") + s.charAt(0).toLowerCase() + s.slice(1);
    }
  }
  return out;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const p of path) v = typeof v === "object" && v !== null ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  return v;
}

/** Members whose values are credentials (STS's WebIdentityToken, SAMLAssertion): AWS redacts them in validation errors. */
const SENSITIVE_MEMBERS: ReadonlySet<string> = new Set(["WebIdentityToken", "SAMLAssertion"]);

function display(v: unknown): string {
  if (Array.isArray(v)) return clip(`[${v.map(display).join(", ")}]`);
  if (isRecord(v)) return clip(JSON.stringify(v));
  return clip(String(v));
}

/** zod's own words for a type mismatch are not AWS's; say what the member must be instead. */
function constraint(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_type") {
    if (issue.expected === "number") return "Member must be a number";
    if (issue.expected === "boolean") return "Member must be a boolean";
    if (issue.expected === "array") return "Member must be a list";
    if (issue.expected === "string") return "Member must be a string";
    if (issue.expected === "object") return "Member must be a structure";
  }
  return issue.message;
}

/**
 * Renders zod issues as IAM's ValidationError text. A missing required member reads "Value null at 'roleName'
 * failed to satisfy constraint: Member must not be null", as IAM answers (no quotes around null).
 */
export function formatValidationIssues(issues: readonly z.core.$ZodIssue[], input: unknown): string {
  const rendered = issues.map((issue) => {
    const at = memberPath(issue.path);
    const v = valueAt(input, issue.path);
    if (v === undefined || v === null) return `Value null at '${at}' failed to satisfy constraint: Member must not be null`;
    const shown = SENSITIVE_MEMBERS.has(String(issue.path[0])) ? "*** Sensitive Data Redacted ***" : display(v);
    return `Value '${shown}' at '${at}' failed to satisfy constraint: ${constraint(issue)}`;
  });
  // A schema may check one constraint twice (a regex plus a refinement); AWS states each violation once.
  const parts = [...new Set(rendered)];
  const n = parts.length;
  return `${n} validation error${n === 1 ? "" : "s"} detected: ${parts.join("; ")}`;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
