import { z } from "zod";
import { arnSchema, LIMITS, pathPrefixSchema, policyDocumentSchema, policyNameSchema, tagKeyListSchema, tagListSchema } from "@/lib/domain/schemas";
import { POLICY_SORTS, ROLE_SORTS, SORT_ORDERS } from "@/lib/domain/list-sorts";
import { encodeMarker } from "@/lib/domain/paging";

/**
 * The console's own request shapes, composed from the shared member schemas in lib/domain/schemas (no limit is
 * restated here). AWS member names are kept at this edge, as in the Query API.
 */

/** A list's `sort` (one of its columns, the first by default) and `order`; anything else is a ValidationError. */
export const sortQueryShape = <const S extends readonly [string, ...string[]]>(sorts: S) => ({
  sort: z.enum(sorts).default(sorts[0]),
  order: z.enum(SORT_ORDERS).default("asc"),
});

/** A console list's page number and size; the console pages by number where the AWS API pages by marker. */
export const pageQueryShape = (defaultSize: number) => ({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(defaultSize),
});

/** The `Marker` and `MaxItems` the lib/iam list functions take, for a console page. */
export const pageOfList = (q: { page: number; pageSize: number }) => ({
  marker: q.page > 1 ? encodeMarker((q.page - 1) * q.pageSize) : undefined,
  maxItems: q.pageSize,
});

/** What a console list route answers: the page's items, the total, and the page it is. */
export const listReply = <T>(list: { items: T[]; total: number }, q: { page: number; pageSize: number }) => ({
  items: list.items,
  total: list.total,
  page: q.page,
  pageSize: q.pageSize,
});

export const listRolesQuerySchema = z.object({
  search: z.string().max(LIMITS.roleName.max).optional(),
  path: pathPrefixSchema.optional(),
  ...sortQueryShape(ROLE_SORTS),
  ...pageQueryShape(25),
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
  ...pageQueryShape(50),
});

export const queryOf = (req: { nextUrl: URL }) => Object.fromEntries(req.nextUrl.searchParams);
