import { z } from "zod";
import { arnSchema, groupNameSchema, pathSchema, policyNameSchema, roleNameSchema, tagListSchema, userNameSchema, instanceProfileNameSchema } from "./schemas";

/**
 * The JSON `aws iam get-account-authorization-details` prints (or GetAccountAuthorizationDetails returns through an
 * SDK): UserDetailList, GroupDetailList, RoleDetailList and Policies. Policy documents come as objects (the CLI
 * decodes them) or as strings, URL-encoded as the Query API sends them or plain JSON; either way they become the
 * document's JSON text. Members the import does not use are allowed and ignored, as newer AWS output may add some.
 */

/**
 * Roleplane's bounds on one file uploaded on the console's import page (the command line reads files of any size):
 * a generated account of 3,000 users and 10,000 roles is 6.4 MB compact, several times that as the AWS CLI prints it.
 * Real files nest about a dozen levels (a condition's values inside a statement inside a policy inside an entry).
 */
export const IMPORT_FILE_LIMITS = { bytes: 32 * 1024 * 1024, depth: 64 } as const;

const date = z.union([z.string(), z.date()]).transform((v, ctx) => {
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) {
    ctx.addIssue({ code: "custom", message: `is not a date: ${String(v).slice(0, 40)}` });
    return z.NEVER;
  }
  return d;
});

const document = z.union([z.string(), z.record(z.string(), z.unknown())]).transform((v, ctx) => {
  if (typeof v !== "string") return JSON.stringify(v);
  for (const text of [v, safeDecode(v)]) {
    try {
      if (text !== null && typeof JSON.parse(text) === "object") return text;
    } catch {
      // try the next reading
    }
  }
  ctx.addIssue({ code: "custom", message: "is not a policy document (JSON, or JSON URL-encoded)" });
  return z.NEVER;
});

function safeDecode(v: string): string | null {
  try {
    return decodeURIComponent(v);
  } catch {
    return null;
  }
}

const id = z.string().regex(/^[A-Z0-9]{16,128}$/, "is not an IAM unique id");
const inline = z.object({ PolicyName: policyNameSchema, PolicyDocument: document });
const attached = z.object({ PolicyName: policyNameSchema, PolicyArn: arnSchema });
const boundary = z.object({ PermissionsBoundaryArn: arnSchema }).optional();
const tags = tagListSchema.optional();

export const userDetailSchema = z.object({
  Path: pathSchema,
  UserName: userNameSchema,
  UserId: id,
  Arn: arnSchema,
  CreateDate: date,
  UserPolicyList: z.array(inline).optional(),
  GroupList: z.array(groupNameSchema).optional(),
  AttachedManagedPolicies: z.array(attached).optional(),
  PermissionsBoundary: boundary,
  Tags: tags,
});

export const groupDetailSchema = z.object({
  Path: pathSchema,
  GroupName: groupNameSchema,
  GroupId: id,
  Arn: arnSchema,
  CreateDate: date,
  GroupPolicyList: z.array(inline).optional(),
  AttachedManagedPolicies: z.array(attached).optional(),
});

const instanceProfile = z.object({
  Path: pathSchema,
  InstanceProfileName: instanceProfileNameSchema,
  InstanceProfileId: id,
  Arn: arnSchema,
  CreateDate: date,
  Tags: tags,
});

export const roleDetailSchema = z.object({
  Path: pathSchema,
  RoleName: roleNameSchema,
  RoleId: id,
  Arn: arnSchema,
  CreateDate: date,
  AssumeRolePolicyDocument: document,
  InstanceProfileList: z.array(instanceProfile).optional(),
  RolePolicyList: z.array(inline).optional(),
  AttachedManagedPolicies: z.array(attached).optional(),
  PermissionsBoundary: boundary,
  Tags: tags,
  RoleLastUsed: z.object({ LastUsedDate: date.optional(), Region: z.string().max(64).optional() }).optional(),
});

export const managedPolicyDetailSchema = z.object({
  PolicyName: policyNameSchema,
  PolicyId: id,
  Arn: arnSchema,
  Path: pathSchema,
  DefaultVersionId: z.string().regex(/^v[1-9]\d*$/, "is not a policy version id"),
  IsAttachable: z.boolean().optional(),
  Description: z.string().max(1000).optional(),
  CreateDate: date,
  UpdateDate: date.optional(),
  PolicyVersionList: z
    .array(z.object({ Document: document, VersionId: z.string().regex(/^v[1-9]\d*$/, "is not a policy version id"), IsDefaultVersion: z.boolean(), CreateDate: date }))
    .min(1),
});

export const authorizationDetailsFileSchema = z.object({
  UserDetailList: z.array(userDetailSchema).default([]),
  GroupDetailList: z.array(groupDetailSchema).default([]),
  RoleDetailList: z.array(roleDetailSchema).default([]),
  Policies: z.array(managedPolicyDetailSchema).default([]),
});

export type AuthorizationDetailsFile = z.infer<typeof authorizationDetailsFileSchema>;
export type UserDetailEntry = z.infer<typeof userDetailSchema>;
export type GroupDetailEntry = z.infer<typeof groupDetailSchema>;
export type RoleDetailEntry = z.infer<typeof roleDetailSchema>;
export type ManagedPolicyDetailEntry = z.infer<typeof managedPolicyDetailSchema>;

/** What an import added to one account. */
export interface ImportedAccountSummary {
  accountId: string;
  users: number;
  groups: number;
  roles: number;
  instanceProfiles: number;
  /** Customer managed policies of the account. */
  policies: number;
  /** AWS managed policies the store did not have yet. */
  awsManagedPolicies: number;
}

/** Where an import stands, for a progress display: the files parsed, checked against the store, each account written. */
export type ImportStage =
  | { stage: "parsed"; accounts: string[] }
  | { stage: "checked" }
  | { stage: "written"; summary: ImportedAccountSummary };

/** One line of the console import route's NDJSON answer: the file received, the import's stages, then the end. */
export type ImportUploadEvent =
  | { stage: "received"; bytes: number }
  | ImportStage
  | { stage: "done" }
  | { stage: "failed"; error: { code: string; message: string } };
