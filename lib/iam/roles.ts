import { getDb, type Tx } from "@/lib/db/client";
import * as repo from "@/lib/db/roles";
import { decodeMarker, DEFAULT_MAX_ITEMS } from "@/lib/db/pagination";
import { slicePage } from "./paging";
import { findPolicyByArn } from "@/lib/db/policies";
import { auditedChange } from "./audit";
import { roleArn } from "./arn";
import { resolveAttachablePolicy, resolveBoundary } from "./boundaries";
import type { RequestContext } from "./context";
import { AwsError } from "./errors";
import { newUniqueId } from "./ids";
import { assertPolicyAccepted } from "./policy-documents";
import { LIMITS, type CreateRoleInput, type Tag, type UpdateRoleInput } from "./schemas";
import { assertUniqueTagKeys, mergeTags, removeTags } from "./tags";
import type { Role } from "./types";
import type { RoleSort, SortOrder } from "./list-sorts";
import { assertInlineQuota } from "./inline-quota";

/**
 * Role management with IAM's rules (https://docs.aws.amazon.com/IAM/latest/APIReference/API_Operations.html).
 * Inputs arrive already shaped by the zod schemas in ./schemas; this module enforces what needs the store.
 */

const SERVICE_ROLE_PATH = "/aws-service-role/";

export const roleNotFound = (name: string) => new AwsError("NoSuchEntity", `The role with name ${name} cannot be found.`);

/** Audit target for a role named by the caller: its ARN when it exists (looked up after the change). */
export const roleTarget = (ctx: RequestContext, name: string) => async () =>
  (await repo.findRole(getDb(), ctx.accountId, name))?.arn ?? null;

export async function requireRole(tx: Tx, accountId: string, name: string): Promise<Role> {
  const role = await repo.findRole(tx, accountId, name);
  if (!role) throw roleNotFound(name);
  return role;
}

/** Service-linked roles belong to their service: IAM lets callers change only the description. */
function assertModifiable(role: Role): void {
  if (role.serviceLinkedService)
    throw new AwsError(
      "UnmodifiableEntity",
      `Cannot perform the operation on the protected role '${role.name}' - this role is only modifiable by AWS`,
    );
}

export async function createRole(ctx: RequestContext, input: CreateRoleInput): Promise<Role> {
  const path = input.Path ?? "/";
  return auditedChange(ctx, "CreateRole", roleArn(ctx.accountId, path, input.RoleName), async (tx) => {
    if (path.startsWith(SERVICE_ROLE_PATH))
      throw new AwsError("InvalidInput", "Path prefix '/aws-service-role/' can only be used for AWS Service linked Roles");
    const tags = input.Tags ?? [];
    assertUniqueTagKeys(tags);
    if (await repo.findRole(tx, ctx.accountId, input.RoleName))
      throw new AwsError("EntityAlreadyExists", `Role with name ${input.RoleName} already exists.`);
    await assertPolicyAccepted(tx, input.AssumeRolePolicyDocument, "trust", ctx.accountId);
    const boundary = input.PermissionsBoundary ? await resolveBoundary(tx, ctx.accountId, input.PermissionsBoundary) : null;
    return repo.insertRole(tx, {
      id: newUniqueId("AROA"),
      accountId: ctx.accountId,
      name: input.RoleName,
      path,
      arn: roleArn(ctx.accountId, path, input.RoleName),
      description: input.Description ?? null,
      trustPolicy: input.AssumeRolePolicyDocument,
      maxSessionDuration: input.MaxSessionDuration ?? 3600,
      permissionsBoundaryArn: boundary,
      serviceLinkedService: null,
      tags,
    });
  });
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
    offset: decodeMarker(o.marker),
    maxItems: o.maxItems ?? DEFAULT_MAX_ITEMS,
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
    if (expectedVersion === undefined) await repo.updateRoleRow(tx, role.id, { trustPolicy: document });
    else if (!(await repo.updateRoleIfVersion(tx, role.id, expectedVersion, { trustPolicy: document })))
      throw new AwsError(
        "ConcurrentModification",
        `Role ${role.name} was changed by someone else after you opened it (your version ${expectedVersion}, now ${role.version}). Reload to see their change, then apply yours again.`,
      );
    return requireRole(tx, ctx.accountId, role.name);
  }, (r) => r.arn);
}

export async function deleteRole(ctx: RequestContext, name: string): Promise<void> {
  await auditedChange(ctx, "DeleteRole", roleTarget(ctx, name), async (tx) => {
    const role = await requireRole(tx, ctx.accountId, name);
    assertModifiable(role);
    const { attached, inline } = await repo.countRoleDependents(tx, role.id);
    if (attached) throw new AwsError("DeleteConflict", "Cannot delete entity, must detach all policies first.");
    if (inline) throw new AwsError("DeleteConflict", "Cannot delete entity, must delete policies first.");
    await repo.deleteRoleRow(tx, role.id);
    return role;
  }, (r) => r.arn);
}

/** The console's "delete anyway": detach and delete the role's policies, then the role, all or nothing. */
export async function deleteRoleWithPolicies(ctx: RequestContext, name: string): Promise<void> {
  await auditedChange(ctx, "DeleteRole", roleTarget(ctx, name), async (tx) => {
    const role = await requireRole(tx, ctx.accountId, name);
    assertModifiable(role);
    await repo.deleteAllRolePolicies(tx, role.id);
    await repo.deleteRoleRow(tx, role.id);
    return role;
  }, (r) => r.arn);
}

export async function tagRole(ctx: RequestContext, name: string, tags: Tag[]): Promise<void> {
  await auditedChange(ctx, "TagRole", roleTarget(ctx, name), async (tx) => {
    const role = await requireRole(tx, ctx.accountId, name);
    assertModifiable(role);
    await repo.replaceRoleTags(tx, role.id, mergeTags(role.tags, tags, "TagsPerRole"));
    return role;
  }, (r) => r.arn);
}

export async function untagRole(ctx: RequestContext, name: string, keys: string[]): Promise<void> {
  await auditedChange(ctx, "UntagRole", roleTarget(ctx, name), async (tx) => {
    const role = await requireRole(tx, ctx.accountId, name);
    assertModifiable(role);
    await repo.replaceRoleTags(tx, role.id, removeTags(role.tags, keys));
    return role;
  }, (r) => r.arn);
}

export async function listRoleTags(ctx: RequestContext, name: string, page: { marker?: string; maxItems?: number } = {}) {
  const role = await requireRole(getDb(), ctx.accountId, name);
  return slicePage(role.tags, page);
}

export async function putRolePolicy(ctx: RequestContext, roleName: string, policyName: string, document: string) {
  await auditedChange(ctx, "PutRolePolicy", roleTarget(ctx, roleName), async (tx) => {
    const role = await requireRole(tx, ctx.accountId, roleName);
    assertModifiable(role);
    await assertPolicyAccepted(tx, document, "identity", ctx.accountId, { inline: true });
    const others = (await repo.listRoleInlinePolicies(tx, role.id)).filter((p) => p.name !== policyName);
    assertInlineQuota([...others.map((p) => p.document), document], LIMITS.inlinePolicySizePerRole, `role ${role.name}`);
    await repo.upsertRoleInlinePolicy(tx, role.id, policyName, document);
    return role;
  }, (r) => r.arn);
}

export const rolePolicyNotFound = (name: string) =>
  new AwsError("NoSuchEntity", `The role policy with name ${name} cannot be found.`);

export async function getRolePolicy(ctx: RequestContext, roleName: string, policyName: string) {
  const db = getDb();
  const role = await requireRole(db, ctx.accountId, roleName);
  const found = (await repo.listRoleInlinePolicies(db, role.id)).find((p) => p.name === policyName);
  if (!found) throw rolePolicyNotFound(policyName);
  return { roleName: role.name, name: found.name, document: found.document };
}

export async function listRolePolicies(ctx: RequestContext, roleName: string, page: { marker?: string; maxItems?: number } = {}) {
  const db = getDb();
  const role = await requireRole(db, ctx.accountId, roleName);
  const names = (await repo.listRoleInlinePolicies(db, role.id)).map((p) => p.name);
  return slicePage(names, page);
}

export async function listRoleInlinePolicies(ctx: RequestContext, roleName: string) {
  const db = getDb();
  const role = await requireRole(db, ctx.accountId, roleName);
  return (await repo.listRoleInlinePolicies(db, role.id)).map((p) => ({ name: p.name, document: p.document }));
}

export async function deleteRolePolicy(ctx: RequestContext, roleName: string, policyName: string): Promise<void> {
  await auditedChange(ctx, "DeleteRolePolicy", roleTarget(ctx, roleName), async (tx) => {
    const role = await requireRole(tx, ctx.accountId, roleName);
    assertModifiable(role);
    if (!(await repo.deleteRoleInlinePolicy(tx, role.id, policyName))) throw rolePolicyNotFound(policyName);
    return role;
  }, (r) => r.arn);
}

export async function attachRolePolicy(ctx: RequestContext, roleName: string, policyArn: string): Promise<void> {
  await auditedChange(ctx, "AttachRolePolicy", roleTarget(ctx, roleName), async (tx) => {
    const role = await requireRole(tx, ctx.accountId, roleName);
    assertModifiable(role);
    const policy = await resolveAttachablePolicy(tx, ctx.accountId, policyArn);
    const attached = await repo.listRoleAttachments(tx, role.id);
    const already = attached.some((a) => a.policyArn === policy.arn);
    if (!already && attached.length >= LIMITS.managedPoliciesPerRole)
      throw new AwsError("LimitExceeded", `Cannot exceed quota for PoliciesPerRole: ${LIMITS.managedPoliciesPerRole}`);
    await repo.attachToRole(tx, role.id, policy.id);
    return role;
  }, (r) => r.arn);
}

export async function detachRolePolicy(ctx: RequestContext, roleName: string, policyArn: string): Promise<void> {
  await auditedChange(ctx, "DetachRolePolicy", roleTarget(ctx, roleName), async (tx) => {
    const role = await requireRole(tx, ctx.accountId, roleName);
    assertModifiable(role);
    const attached = await repo.listRoleAttachments(tx, role.id);
    const match = attached.find((a) => a.policyArn === policyArn);
    const policy = match ? await findPolicyByArn(tx, policyArn) : null;
    if (!policy) throw new AwsError("NoSuchEntity", `Policy ${policyArn} was not found.`);
    await repo.detachFromRole(tx, role.id, policy.id);
    return role;
  }, (r) => r.arn);
}

export async function listAttachedRolePolicies(
  ctx: RequestContext,
  roleName: string,
  o: { pathPrefix?: string; marker?: string; maxItems?: number } = {},
) {
  const db = getDb();
  const role = await requireRole(db, ctx.accountId, roleName);
  const attached = (await repo.listRoleAttachments(db, role.id)).filter(
    (a) => !o.pathPrefix || a.path.startsWith(o.pathPrefix),
  );
  return slicePage(attached, o);
}

export async function putRolePermissionsBoundary(ctx: RequestContext, roleName: string, arn: string): Promise<void> {
  await auditedChange(ctx, "PutRolePermissionsBoundary", roleTarget(ctx, roleName), async (tx) => {
    const role = await requireRole(tx, ctx.accountId, roleName);
    assertModifiable(role);
    await repo.updateRoleRow(tx, role.id, { permissionsBoundaryArn: await resolveBoundary(tx, ctx.accountId, arn) });
    return role;
  }, (r) => r.arn);
}

export async function deleteRolePermissionsBoundary(ctx: RequestContext, roleName: string): Promise<void> {
  await auditedChange(ctx, "DeleteRolePermissionsBoundary", roleTarget(ctx, roleName), async (tx) => {
    const role = await requireRole(tx, ctx.accountId, roleName);
    assertModifiable(role);
    await repo.updateRoleRow(tx, role.id, { permissionsBoundaryArn: null });
    return role;
  }, (r) => r.arn);
}
