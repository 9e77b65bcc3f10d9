import { getDb, type Tx } from "@/lib/db/client";
import * as repo from "@/lib/db/roles";
import { countPolicies, deleteAllPolicies } from "@/lib/db/principal-tables";
import { countInstanceProfilesForRole, removeRoleFromAllInstanceProfiles } from "@/lib/db/instance-profiles";
import { AwsError, blameField } from "@/lib/domain/errors";
import { pageWindow } from "@/lib/domain/paging";
import { PRINCIPAL_RULES } from "@/lib/domain/principal-kinds";
import { instanceProfileMessages } from "@/lib/domain/instance-profiles";
import { SERVICE_LINKED_ROLE_PATH_PREFIX, serviceLinkedMessages } from "@/lib/domain/service-linked-roles";
import { LIMITS, type CreateRoleWithPermissionsInput, type UpdateRoleInput } from "@/lib/domain/schemas";
import type { Role } from "@/lib/domain/types";
import type { RoleSort, SortOrder } from "@/lib/domain/list-sorts";
import { auditedChange } from "./audit";
import { roleArn } from "./arn";
import { resolveBoundary } from "./boundaries";
import type { RequestContext } from "./context";
import { newUniqueId } from "./ids";
import { principalPermissions } from "./principal-permissions";
import { assertPolicyAccepted } from "./policy-documents";
import { assertUniqueTagKeys } from "./tags";

/**
 * Role management with IAM's rules (https://docs.aws.amazon.com/IAM/latest/APIReference/API_Operations.html).
 * Inputs arrive already shaped by the zod schemas in ./schemas; this module enforces what needs the store.
 */

/**
 * A role's inline, managed, boundary and tag operations (PutRolePolicy … ListRoleTags), shared with every
 * principal kind. Service-linked roles belong to their service: IAM lets callers change only the description.
 */
export const rolePermissions = principalPermissions({ rules: PRINCIPAL_RULES.role, find: repo.findRole, isProtected: isServiceLinked });

const { target: roleTarget, requirePrincipal: requireRole, assertModifiable } = rolePermissions;

function isServiceLinked(role: Role): boolean {
  return role.serviceLinkedService !== null;
}

/**
 * CreateRole. The console passes the role's first managed and inline policies too: they are attached and put in
 * the same transaction, under the one CreateRole event, so a refusal of any of them leaves no role behind.
 */
export const createRole = (ctx: RequestContext, input: CreateRoleWithPermissionsInput): Promise<Role> =>
  auditedChange(ctx, "CreateRole", roleArn(ctx.accountId, input.Path ?? "/", input.RoleName), (tx) => insertRoleStep(tx, ctx, input));

/** CreateRole inside a caller's transaction, so a larger change stays one (the console's EC2 role with its instance profile). */
export async function insertRoleStep(tx: Tx, ctx: RequestContext, input: CreateRoleWithPermissionsInput): Promise<Role> {
  const path = input.Path ?? "/";
  // Only CreateServiceLinkedRole puts roles under the reserved path.
  if (path.startsWith(SERVICE_LINKED_ROLE_PATH_PREFIX)) throw new AwsError("InvalidInput", serviceLinkedMessages.reservedPath).at("Path");
  const tags = input.Tags ?? [];
  await blameField("Tags", () => assertUniqueTagKeys(tags));
  if (await repo.findRole(tx, ctx.accountId, input.RoleName))
    throw new AwsError("EntityAlreadyExists", `Role with name ${input.RoleName} already exists.`).at("RoleName");
  await blameField("AssumeRolePolicyDocument", () => assertPolicyAccepted(tx, input.AssumeRolePolicyDocument, "trust", ctx.accountId));
  const boundary = input.PermissionsBoundary ? await blameField("PermissionsBoundary", () => resolveBoundary(tx, ctx.accountId, input.PermissionsBoundary!)) : null;
  const role = await repo.insertRole(tx, {
    id: newUniqueId("AROA"),
    accountId: ctx.accountId,
    name: input.RoleName,
    path,
    arn: roleArn(ctx.accountId, path, input.RoleName),
    description: input.Description ?? null,
    trustPolicy: input.AssumeRolePolicyDocument,
    maxSessionDuration: input.MaxSessionDuration ?? LIMITS.maxSessionDuration.default,
    permissionsBoundaryArn: boundary,
    serviceLinkedService: null,
    tags,
  });
  for (const [i, arn] of (input.PolicyArns ?? []).entries())
    await blameField(`PolicyArns.${i}`, () => rolePermissions.steps.attachPolicy(tx, ctx.accountId, role, arn));
  for (const [i, p] of (input.InlinePolicies ?? []).entries())
    await blameField(`InlinePolicies.${i}.PolicyDocument`, () => rolePermissions.steps.putPolicy(tx, ctx.accountId, role, p.PolicyName, p.PolicyDocument));
  return role;
}

export async function getRole(ctx: RequestContext, name: string): Promise<Role> {
  return requireRole(getDb(), ctx.accountId, name);
}

export interface ListRolesOptions {
  pathPrefix?: string;
  marker?: string;
  maxItems?: number;
  search?: string;
  sort?: RoleSort;
  order?: SortOrder;
}

export async function listRoles(ctx: RequestContext, o: ListRolesOptions = {}) {
  return repo.listRoleRows(getDb(), ctx.accountId, {
    pathPrefix: o.pathPrefix,
    search: o.search,
    sort: o.sort,
    order: o.order,
    ...pageWindow(o),
  });
}

export async function updateRole(ctx: RequestContext, input: UpdateRoleInput): Promise<Role> {
  return auditedChange(ctx, "UpdateRole", roleTarget(ctx, input.RoleName), async (tx) => {
    const role = await requireRole(tx, ctx.accountId, input.RoleName);
    if (input.MaxSessionDuration !== undefined) assertModifiable(role);
    await repo.updateRoleRow(tx, role.id, { description: input.Description, maxSessionDuration: input.MaxSessionDuration });
    return requireRole(tx, ctx.accountId, role.name);
  }, (r) => r.arn);
}

export async function updateRoleDescription(ctx: RequestContext, name: string, description: string): Promise<Role> {
  return auditedChange(ctx, "UpdateRoleDescription", roleTarget(ctx, name), async (tx) => {
    const role = await requireRole(tx, ctx.accountId, name);
    await repo.updateRoleRow(tx, role.id, { description });
    return requireRole(tx, ctx.accountId, role.name);
  }, (r) => r.arn);
}

/**
 * Replaces the trust policy. `expectedVersion`, sent by editors, makes the write conditional: if someone else
 * saved in between, the save is refused rather than silently overwriting their change.
 */
export async function updateAssumeRolePolicy(
  ctx: RequestContext,
  name: string,
  document: string,
  expectedVersion?: number,
): Promise<Role> {
  return auditedChange(ctx, "UpdateAssumeRolePolicy", roleTarget(ctx, name), async (tx) => {
    const role = await requireRole(tx, ctx.accountId, name);
    assertModifiable(role);
    await assertPolicyAccepted(tx, document, "trust", ctx.accountId);
    if (!(await repo.updateRoleRow(tx, role.id, { trustPolicy: document }, expectedVersion)))
      throw new AwsError(
        "ConcurrentModification",
        `Role ${role.name} was changed by someone else after you opened it (your version ${expectedVersion}, now ${role.version}). Reload to see their change, then apply yours again.`,
      );
    return requireRole(tx, ctx.accountId, role.name);
  }, (r) => r.arn);
}

/**
 * DeleteRole: IAM refuses while the role holds policies or sits in an instance profile (DeleteConflict), and
 * always for a service-linked role, which only DeleteServiceLinkedRole removes.
 */
export async function deleteRole(ctx: RequestContext, name: string): Promise<void> {
  await auditedChange(ctx, "DeleteRole", roleTarget(ctx, name), async (tx) => {
    const role = await requireRole(tx, ctx.accountId, name);
    assertModifiable(role);
    const { attached, inline } = await countPolicies(tx, "role", role.id);
    if (attached) throw new AwsError("DeleteConflict", "Cannot delete entity, must detach all policies first.");
    if (inline) throw new AwsError("DeleteConflict", "Cannot delete entity, must delete policies first.");
    if (await countInstanceProfilesForRole(tx, role.id)) throw new AwsError("DeleteConflict", instanceProfileMessages.holdsRole);
    await repo.deleteRoleRow(tx, role.id);
    return role;
  }, (r) => r.arn);
}

/**
 * The console's "delete anyway": detach and delete the role's policies, take it out of its instance profiles,
 * then delete the role, all or nothing.
 */
export async function deleteRoleAnyway(ctx: RequestContext, name: string): Promise<void> {
  await auditedChange(ctx, "DeleteRole", roleTarget(ctx, name), async (tx) => {
    const role = await requireRole(tx, ctx.accountId, name);
    assertModifiable(role);
    await deleteAllPolicies(tx, "role", role.id);
    await removeRoleFromAllInstanceProfiles(tx, role.id);
    await repo.deleteRoleRow(tx, role.id);
    return role;
  }, (r) => r.arn);
}
