import { getDb, type Tx } from "@/lib/db/client";
import * as repo from "@/lib/db/groups";
import { countPolicies, deleteAllPolicies, loadPrincipalPolicies } from "@/lib/db/principal-tables";
import { AwsError } from "@/lib/domain/errors";
import { LIMITS } from "@/lib/domain/limits";
import { pageWindow, type PageRequest } from "@/lib/domain/paging";
import { PRINCIPAL_RULES } from "@/lib/domain/principal-kinds";
import type { GroupSort, SortOrder } from "@/lib/domain/list-sorts";
import type { CreateGroupInput, UpdateGroupInput } from "@/lib/domain/schemas";
import type { IamGroup, IamUser, InheritedPolicy } from "@/lib/domain/types";
import { auditedChange } from "./audit";
import { groupArn } from "./arn";
import type { RequestContext } from "./context";
import { newUniqueId } from "./ids";
import { principalPermissions } from "./principal-permissions";
import { requireUser, userTarget } from "./users";

/**
 * IAM groups: users that share the group's policies. A group's inline and managed policies are the shared
 * principal operations (PutGroupPolicy … ListAttachedGroupPolicies); this module holds what only groups have:
 * their lifecycle and their members. Groups have no tags and no permissions boundary.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_groups.html
 */
export const groupPermissions = principalPermissions({ rules: PRINCIPAL_RULES.group, find: repo.findGroup });

const { target: groupTarget, requirePrincipal: requireGroup } = groupPermissions;

export const groupMessages = {
  exists: (name: string) => `Group with name ${name} already exists.`,
  userNotFound: (name: string) => `The user with name ${name} cannot be found.`,
  groupsPerUser: `Cannot exceed quota for GroupsPerUser: ${LIMITS.groupsPerUser}`,
  hasMembers: "Cannot delete entity, must remove users from group first.",
  hasAttached: "Cannot delete entity, must detach all policies first.",
  hasInline: "Cannot delete entity, must delete policies first.",
};

export async function createGroup(ctx: RequestContext, input: CreateGroupInput): Promise<IamGroup> {
  const path = input.Path ?? "/";
  const arn = groupArn(ctx.accountId, path, input.GroupName);
  return auditedChange(ctx, "CreateGroup", arn, async (tx) => {
    if (await repo.findGroup(tx, ctx.accountId, input.GroupName)) throw new AwsError("EntityAlreadyExists", groupMessages.exists(input.GroupName));
    return repo.insertGroup(tx, { id: newUniqueId("AGPA"), accountId: ctx.accountId, name: input.GroupName, path, arn });
  });
}

export const findGroupNamed = (ctx: RequestContext, name: string) => requireGroup(getDb(), ctx.accountId, name);

/** GetGroup: the group, one page of its users, and how many it has. */
export async function getGroup(ctx: RequestContext, name: string, page: PageRequest = {}) {
  const db = getDb();
  const group = await requireGroup(db, ctx.accountId, name);
  const [users, memberCount] = await Promise.all([repo.listMembers(db, group.id, pageWindow(page)), repo.countMembers(db, group.id)]);
  return { group, users, memberCount };
}

export async function listGroups(
  ctx: RequestContext,
  o: PageRequest & { pathPrefix?: string; search?: string; sort?: GroupSort; order?: SortOrder } = {},
) {
  return repo.listGroupRows(getDb(), ctx.accountId, { pathPrefix: o.pathPrefix, search: o.search, sort: o.sort, order: o.order, ...pageWindow(o) });
}

/**
 * UpdateGroup: a new name and/or path, so a new ARN; members and policies stay. A name another group holds
 * (ignoring case) is refused; the group's own name in another case is a rename.
 */
export async function updateGroup(ctx: RequestContext, input: UpdateGroupInput): Promise<IamGroup> {
  return auditedChange(ctx, "UpdateGroup", groupTarget(ctx, input.GroupName), async (tx) => {
    const group = await requireGroup(tx, ctx.accountId, input.GroupName);
    const name = input.NewGroupName ?? group.name;
    const path = input.NewPath ?? group.path;
    const holder = input.NewGroupName ? await repo.findGroup(tx, ctx.accountId, input.NewGroupName) : null;
    if (holder && holder.id !== group.id) throw new AwsError("EntityAlreadyExists", groupMessages.exists(input.NewGroupName!));
    return repo.renameGroupRow(tx, group.id, { name, path, arn: groupArn(ctx.accountId, path, name) });
  }, (g) => g.arn);
}

/** IAM refuses to delete a group that still has users or policies (DeleteGroup, "DeleteConflict"). */
export async function deleteGroup(ctx: RequestContext, name: string): Promise<void> {
  await auditedChange(ctx, "DeleteGroup", groupTarget(ctx, name), async (tx) => {
    const group = await requireGroup(tx, ctx.accountId, name);
    const { attached, inline } = await countPolicies(tx, "group", group.id);
    if (await repo.countMembers(tx, group.id)) throw new AwsError("DeleteConflict", groupMessages.hasMembers);
    if (attached) throw new AwsError("DeleteConflict", groupMessages.hasAttached);
    if (inline) throw new AwsError("DeleteConflict", groupMessages.hasInline);
    await repo.deleteGroupRow(tx, group.id);
    return group;
  }, (g) => g.arn);
}

/** The console's "delete anyway": remove the members, detach and delete the policies, then the group, all or nothing. */
export async function deleteGroupWithDependents(ctx: RequestContext, name: string): Promise<void> {
  await auditedChange(ctx, "DeleteGroup", groupTarget(ctx, name), async (tx) => {
    const group = await requireGroup(tx, ctx.accountId, name);
    await deleteAllPolicies(tx, "group", group.id);
    await repo.deleteGroupRow(tx, group.id); // memberships cascade
    return group;
  }, (g) => g.arn);
}

/** One membership, inside the caller's transaction. Adding a member again changes nothing, as in IAM. */
async function addMembership(tx: Tx, group: IamGroup, user: IamUser): Promise<void> {
  if (await repo.isMember(tx, group.id, user.id)) return;
  if ((await repo.countGroupsOfUser(tx, user.id)) >= LIMITS.groupsPerUser) throw new AwsError("LimitExceeded", groupMessages.groupsPerUser);
  await repo.addMember(tx, group.id, user.id);
}

/**
 * AddUserToGroup; the console adds several users at once, in one change under one event: a refusal of any
 * (a missing user, one already in GroupsPerUser groups) adds none.
 */
export async function addUsersToGroup(ctx: RequestContext, groupName: string, userNames: string[]): Promise<void> {
  await auditedChange(ctx, "AddUserToGroup", groupTarget(ctx, groupName), async (tx) => {
    const group = await requireGroup(tx, ctx.accountId, groupName);
    for (const name of userNames) await addMembership(tx, group, await requireUser(tx, ctx.accountId, name));
    return group;
  }, (g) => g.arn);
}

export const addUserToGroup = (ctx: RequestContext, groupName: string, userName: string) => addUsersToGroup(ctx, groupName, [userName]);

/** The console's "add to groups" on a user's page: several groups, one change, recorded against the user. */
export async function addUserToGroups(ctx: RequestContext, userName: string, groupNames: string[]): Promise<void> {
  await auditedChange(ctx, "AddUserToGroup", userTarget(ctx, userName), async (tx) => {
    const user = await requireUser(tx, ctx.accountId, userName);
    for (const name of groupNames) await addMembership(tx, await requireGroup(tx, ctx.accountId, name), user);
    return user;
  }, (u) => u.arn);
}

/** RemoveUserFromGroup. A user that is not a member is NoSuchEntity, in IAM's words for a missing user. */
export async function removeUserFromGroup(ctx: RequestContext, groupName: string, userName: string): Promise<void> {
  await auditedChange(ctx, "RemoveUserFromGroup", groupTarget(ctx, groupName), async (tx) => {
    const group = await requireGroup(tx, ctx.accountId, groupName);
    const user = await requireUser(tx, ctx.accountId, userName);
    if (!(await repo.removeMember(tx, group.id, user.id))) throw new AwsError("NoSuchEntity", groupMessages.userNotFound(userName));
    return group;
  }, (g) => g.arn);
}

/** ListGroupsForUser: the user's groups by name, with their member and policy counts for the console. */
export async function listGroupsForUser(ctx: RequestContext, userName: string, page: PageRequest = {}) {
  const db = getDb();
  const user = await requireUser(db, ctx.accountId, userName);
  return repo.listGroupsOfUser(db, user.id, pageWindow(page));
}

/** The managed and inline policies a user holds through its groups: the ones evaluation adds to its own. */
export async function listGroupPoliciesOfUser(ctx: RequestContext, userName: string): Promise<InheritedPolicy[]> {
  const db = getDb();
  const user = await requireUser(db, ctx.accountId, userName);
  const loaded = await loadPrincipalPolicies(db, "user", { id: user.id });
  return (loaded?.identity ?? []).flatMap((p) => (p.group ? [{ policyName: p.name, policyArn: p.arn, groupName: p.group.name, groupArn: p.group.arn }] : []));
}
