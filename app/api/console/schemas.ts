import { z } from "zod";
import { arnSchema, LIMITS, pathPrefixSchema, policyDocumentSchema, policyNameSchema, tagKeyListSchema, tagListSchema } from "@/lib/iam/schemas";
import { POLICY_SORTS, ROLE_SORTS, SORT_ORDERS } from "@/lib/iam/list-sorts";

/**
 * The console's own request shapes, composed from the shared member schemas in lib/iam/schemas (no limit is
 * restated here). AWS member names are kept at this edge, as in the Query API.
 */

/** A list's `sort` (one of its columns, the first by default) and `order`; anything else is a ValidationError. */
export const sortQueryShape = <const S extends readonly [string, ...string[]]>(sorts: S) => ({
  sort: z.enum(sorts).default(sorts[0]),
  order: z.enum(SORT_ORDERS).default("asc"),
});

export const listRolesQuerySchema = z.object({
  search: z.string().max(LIMITS.roleName.max).optional(),
  path: pathPrefixSchema.optional(),
  ...sortQueryShape(ROLE_SORTS),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type ListRolesQuery = z.infer<typeof listRolesQuerySchema>;

export const trustPolicyBodySchema = z.object({
  PolicyDocument: policyDocumentSchema,
  /** The role version the editor read; a save over someone else's change is refused (ConcurrentModification). */
  ExpectedVersion: z.number().int().optional(),
});

export const replaceTagsBodySchema = z.object({ Tags: tagListSchema });
export const untagBodySchema = z.object({ TagKeys: tagKeyListSchema });
export const attachPolicyBodySchema = z.object({ PolicyArn: arnSchema });
export const boundaryBodySchema = z.object({ PermissionsBoundary: arnSchema });
export const putInlinePolicyBodySchema = z.object({ PolicyName: policyNameSchema, PolicyDocument: policyDocumentSchema });

export const listPoliciesQuerySchema = z.object({
  search: z.string().max(LIMITS.policyName.max).optional(),
  scope: z.enum(["All", "AWS", "Local"]).default("All"),
  ...sortQueryShape(POLICY_SORTS),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});

export const queryOf = (req: { nextUrl: URL }) => Object.fromEntries(req.nextUrl.searchParams);
