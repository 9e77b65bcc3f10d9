import { z } from "zod";

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
export const LIMITS = {
  roleName: { min: 1, max: 64 },
  userName: { min: 1, max: 64 },
  policyName: { min: 1, max: 128 },
  path: { min: 1, max: 512 },
  description: { max: 1000 },
  policyDescription: { max: 1000 },
  maxSessionDuration: { min: 3600, max: 43200 },
  tagsPerEntity: 50,
  tagKey: { min: 1, max: 128 },
  tagValue: { max: 256 },
  policyDocument: { min: 1, max: 131072 },
  managedPoliciesPerRole: 10,
  managedPoliciesPerUser: 10,
  inlinePolicySizePerRole: 10240,
  inlinePolicySizePerUser: 2048,
  trustPolicySize: 2048,
  managedPolicySize: 6144,
  accessKeysPerUser: 2,
  policyVersions: 5,
  maxItems: { min: 1, max: 1000 },
  /** The IAM API model gives no maximum for a device name; IAM's console allows 128 characters. */
  virtualMfaDeviceName: { min: 1, max: 128 },
  serialNumber: { min: 9, max: 256 },
  /** "MFA devices in use by an IAM user" (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html). */
  mfaDevicesPerUser: 8,
  /** "Virtual MFA devices (assigned or unassigned) in an AWS account": equal to the user quota, 5,000. */
  virtualMfaDevicesPerAccount: 5000,
} as const;

export const roleNameSchema = awsString({ ...LIMITS.roleName, pattern: /^[\w+=,.@-]+$/, patternText: NAME_CHARS });
export const userNameSchema = awsString({ ...LIMITS.userName, pattern: /^[\w+=,.@-]+$/, patternText: NAME_CHARS });
export const policyNameSchema = awsString({ ...LIMITS.policyName, pattern: /^[\w+=,.@-]+$/, patternText: NAME_CHARS });
export const pathSchema = awsString({
  ...LIMITS.path,
  pattern: /^(?:\u002F|\u002F[\u0021-\u007E]+\u002F)$/,
  patternText: "(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)",
});
export const pathPrefixSchema = awsString({
  min: 1,
  max: 512,
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
export const maxSessionDurationSchema = z
  .number({ message: "Member must be a number" })
  .int({ message: "Member must be a whole number" })
  .min(3600, { message: "Member must have value greater than or equal to 3600" })
  .max(43200, { message: "Member must have value less than or equal to 43200" });
export const arnSchema = awsString({ min: 20, max: 2048 });

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
  Marker: awsString({ min: 1, max: 320 }).optional(),
  MaxItems: z
    .number()
    .int()
    .min(1, { message: "Member must have value greater than or equal to 1" })
    .max(1000, { message: "Member must have value less than or equal to 1000" })
    .optional(),
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

export const createPolicySchema = z.object({
  PolicyName: policyNameSchema,
  Path: pathSchema.optional(),
  PolicyDocument: policyDocumentSchema,
  Description: descriptionSchema.optional(),
  Tags: tagListSchema.optional(),
});
export type CreatePolicyInput = z.infer<typeof createPolicySchema>;

export const accessKeyStatusSchema = z.enum(["Active", "Inactive"], {
  message: "Member must satisfy enum value set: [Active, Inactive]",
});

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

function display(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(display).join(", ")}]`;
  if (isRecord(v)) return JSON.stringify(v);
  return String(v);
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
    return `Value '${display(v)}' at '${at}' failed to satisfy constraint: ${constraint(issue)}`;
  });
  // A schema may check one constraint twice (a regex plus a refinement); AWS states each violation once.
  const parts = [...new Set(rendered)];
  const n = parts.length;
  return `${n} validation error${n === 1 ? "" : "s"} detected: ${parts.join("; ")}`;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
