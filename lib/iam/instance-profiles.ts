import { getDb, type Tx } from "@/lib/db/client";
import * as repo from "@/lib/db/instance-profiles";
import { AwsError, blameField } from "@/lib/domain/errors";
import { instanceProfileMessages as messages } from "@/lib/domain/instance-profiles";
import type { InstanceProfileSort, SortOrder } from "@/lib/domain/list-sorts";
import { pageWindow, slicePage, type PageRequest } from "@/lib/domain/paging";
import { LIMITS, type CreateInstanceProfileInput, type CreateRoleWithPermissionsInput, type Tag } from "@/lib/domain/schemas";
import type { InstanceProfile, Role } from "@/lib/domain/types";
import { instanceProfileArn, roleArn } from "./arn";
import { auditedChange } from "./audit";
import type { RequestContext } from "./context";
import { newUniqueId } from "./ids";
import { insertRoleStep, rolePermissions } from "./roles";
import { assertUniqueTagKeys, mergeTags, removeTags } from "./tags";

/**
 * Instance profiles (CreateInstanceProfile … ListInstanceProfileTags) with IAM's rules: one role per profile,
 * no deleting a profile that holds a role, and no putting a service-linked role in one.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2_instance-profiles.html
 */

async function requireProfile(tx: Tx, accountId: string, name: string): Promise<InstanceProfile> {
  const found = await repo.findInstanceProfile(tx, accountId, name);
  if (!found) throw new AwsError("NoSuchEntity", messages.notFound(name));
  return found;
}

/** Audit target for a profile named by the caller: its ARN when it exists. */
const target = (ctx: RequestContext, name: string) => async () => (await repo.findInstanceProfile(getDb(), ctx.accountId, name))?.arn ?? null;

/** A role for a profile: it must exist and be one its owner may change (a service-linked role is not). */
async function requireRole(tx: Tx, accountId: string, roleName: string) {
  const role = await rolePermissions.requirePrincipal(tx, accountId, roleName);
  rolePermissions.assertModifiable(role);
  return role;
}

/**
 * CreateInstanceProfile inside a caller's transaction, so a larger change stays one (the console's create role
 * that also makes the EC2 instance profile). With `roleName` the role goes in at once.
 */
export async function insertInstanceProfileStep(tx: Tx, accountId: string, input: CreateInstanceProfileInput & { RoleName?: string }): Promise<InstanceProfile> {
  const path = input.Path ?? "/";
  const tags = input.Tags ?? [];
  assertUniqueTagKeys(tags);
  if (await repo.findInstanceProfile(tx, accountId, input.InstanceProfileName)) throw new AwsError("EntityAlreadyExists", messages.exists(input.InstanceProfileName));
  if ((await repo.countInstanceProfiles(tx, accountId)) >= LIMITS.instanceProfilesPerAccount) throw new AwsError("LimitExceeded", messages.accountQuota);
  const role = input.RoleName ? await requireRole(tx, accountId, input.RoleName) : null;
  return repo.insertInstanceProfile(tx, {
    id: newUniqueId("AIPA"),
    accountId,
    name: input.InstanceProfileName,
    path,
    arn: instanceProfileArn(accountId, path, input.InstanceProfileName),
    roleId: role?.id ?? null,
    tags,
  });
}

/** CreateInstanceProfile; the console may name the role to put in it (the API keeps AddRoleToInstanceProfile apart). */
export const createInstanceProfile = (ctx: RequestContext, input: CreateInstanceProfileInput & { RoleName?: string }) =>
  auditedChange(ctx, "CreateInstanceProfile", instanceProfileArn(ctx.accountId, input.Path ?? "/", input.InstanceProfileName), (tx) =>
    insertInstanceProfileStep(tx, ctx.accountId, input),
  );

/**
 * The console's EC2 service role: CreateRole, then CreateInstanceProfile of the same name and path holding it (what
 * the AWS console does for EC2), in one transaction so a refused profile leaves no role behind.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2_instance-profiles.html
 */
export const createRoleWithInstanceProfile = (ctx: RequestContext, input: CreateRoleWithPermissionsInput): Promise<Role> =>
  auditedChange(ctx, "CreateRole", roleArn(ctx.accountId, input.Path ?? "/", input.RoleName), async (tx) => {
    const role = await insertRoleStep(tx, ctx, input);
    // The profile takes the role's name and path, so a refusal of the profile is one of the name's.
    await blameField("RoleName", () => insertInstanceProfileStep(tx, ctx.accountId, { InstanceProfileName: role.name, Path: role.path, RoleName: role.name }));
    return role;
  });

export const getInstanceProfile = (ctx: RequestContext, name: string) => requireProfile(getDb(), ctx.accountId, name);

export interface ListInstanceProfilesOptions extends PageRequest {
  pathPrefix?: string;
  search?: string;
  sort?: InstanceProfileSort;
  order?: SortOrder;
}

export async function listInstanceProfiles(ctx: RequestContext, o: ListInstanceProfilesOptions = {}) {
  return repo.listInstanceProfileRows(getDb(), ctx.accountId, { pathPrefix: o.pathPrefix, search: o.search, sort: o.sort, order: o.order, ...pageWindow(o) });
}

/** ListInstanceProfilesForRole: a role that does not exist is NoSuchEntity in the role's words. */
export async function listInstanceProfilesForRole(ctx: RequestContext, roleName: string, page: PageRequest = {}) {
  const role = await rolePermissions.requirePrincipal(getDb(), ctx.accountId, roleName);
  return slicePage(await repo.listInstanceProfilesForRole(getDb(), role.id), page);
}

/** One audited change to an existing profile. */
function change<T>(ctx: RequestContext, action: string, name: string, run: (tx: Tx, p: InstanceProfile) => Promise<T>): Promise<T> {
  return auditedChange(ctx, action, target(ctx, name), async (tx) => run(tx, await requireProfile(tx, ctx.accountId, name)));
}

/** AddRoleToInstanceProfile: a profile holds one role, a quota AWS does not raise. */
export const addRoleToInstanceProfile = (ctx: RequestContext, profileName: string, roleName: string) =>
  change(ctx, "AddRoleToInstanceProfile", profileName, async (tx, profile) => {
    const role = await requireRole(tx, ctx.accountId, roleName);
    if (profile.roles.length >= LIMITS.rolesPerInstanceProfile || !(await repo.swapInstanceProfileRole(tx, profile.id, null, role.id)))
      throw new AwsError("LimitExceeded", messages.roleQuota);
  });

export const removeRoleFromInstanceProfile = (ctx: RequestContext, profileName: string, roleName: string) =>
  change(ctx, "RemoveRoleFromInstanceProfile", profileName, async (tx, profile) => {
    const role = await requireRole(tx, ctx.accountId, roleName);
    if (!(await repo.swapInstanceProfileRole(tx, profile.id, role.id, null)))
      throw new AwsError("NoSuchEntity", messages.roleNotInProfile(role.name, profile.name));
  });

/**
 * DeleteInstanceProfile refuses while the profile holds a role (DeleteConflict). `removeRole` is the console's
 * "delete anyway": the role leaves the profile and the profile goes, in one transaction.
 */
export const deleteInstanceProfile = (ctx: RequestContext, name: string, o: { removeRole?: boolean } = {}) =>
  change(ctx, "DeleteInstanceProfile", name, async (tx, profile) => {
    if (profile.roles.length > 0 && !o.removeRole) throw new AwsError("DeleteConflict", messages.holdsRole);
    await repo.deleteInstanceProfileRow(tx, profile.id);
  });

export const tagInstanceProfile = (ctx: RequestContext, name: string, tags: Tag[]) =>
  change(ctx, "TagInstanceProfile", name, (tx, p) => repo.replaceInstanceProfileTags(tx, p.id, mergeTags(p.tags, tags, messages.tagQuota)));

export const untagInstanceProfile = (ctx: RequestContext, name: string, keys: string[]) =>
  change(ctx, "UntagInstanceProfile", name, (tx, p) => repo.replaceInstanceProfileTags(tx, p.id, removeTags(p.tags, keys)));

export const listInstanceProfileTags = async (ctx: RequestContext, name: string, page: PageRequest = {}) => slicePage((await getInstanceProfile(ctx, name)).tags, page);
