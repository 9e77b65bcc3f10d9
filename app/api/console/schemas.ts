import { z } from "zod";
import { arnSchema, LIMITS, pathPrefixSchema, policyDocumentSchema, policyNameSchema, tagKeyListSchema, tagListSchema } from "@/lib/domain/schemas";
import { POLICY_SORTS, ROLE_SORTS, SORT_ORDERS } from "@/lib/domain/list-sorts";
import { encodeMarker } from "@/lib/domain/paging";
import { ACCESS_DIRECTIONS, ACCESS_GROUPS, ACCESS_PAGE_SIZE, ACCESS_SORTS } from "@/lib/access/access-pages";

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

/** A whole number written in at most nine digits (as paging markers are): "", "1e3", "-1" and 10^21 are refused. */
const countParam = (min: number, max: number) =>
  z.string().regex(/^\d{1,9}$/, { message: "Member must be a whole number" }).transform(Number).pipe(z.number().min(min).max(max));

/**
 * A role's or user's access answer (GET …/access): one group's page, or every group's first page when none is
 * named; `q` filters by subject. Unknown parameters are refused, so a misspelt one is an error, not ignored.
 */
const accessPageShape = {
  group: z.enum(ACCESS_GROUPS).optional(),
  q: z.string().max(LIMITS.arn.max).default(""),
  ...sortQueryShape(ACCESS_SORTS),
  offset: countParam(0, 999_999_999).default(0),
  limit: countParam(1, ACCESS_PAGE_SIZE.max).default(ACCESS_PAGE_SIZE.default),
};
export const roleAccessQuerySchema = z.strictObject({ direction: z.enum(ACCESS_DIRECTIONS).default("who-can-assume"), ...accessPageShape });
/** No one assumes a user: its answer is what it can assume. */
export const userAccessQuerySchema = z.strictObject({ direction: z.literal("can-assume").default("can-assume"), ...accessPageShape });

/** One row's evidence (GET …/access/evidence): the row by its group and subject. */
const evidenceShape = { group: z.enum(ACCESS_GROUPS), subject: z.string().min(1).max(LIMITS.arn.max) };
export const roleAccessEvidenceQuerySchema = z.strictObject({ direction: z.enum(ACCESS_DIRECTIONS).default("who-can-assume"), ...evidenceShape });
export const userAccessEvidenceQuerySchema = z.strictObject({ direction: z.literal("can-assume").default("can-assume"), ...evidenceShape });
