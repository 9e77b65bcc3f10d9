import { getDb, type Tx } from "@/lib/db/client";
import * as repo from "@/lib/db/users";
import { findPolicyByArn } from "@/lib/db/policies";
import { decodeMarker, DEFAULT_MAX_ITEMS } from "@/lib/db/pagination";
import { auditedChange } from "./audit";
import { userArn } from "./arn";
import { resolveAttachablePolicy, resolveBoundary } from "./boundaries";
import type { RequestContext } from "./context";
import { AwsError } from "./errors";
import { newUniqueId } from "./ids";
import { assertInlineQuota } from "./inline-quota";
import { slicePage } from "./paging";
import { assertPolicyAccepted } from "./policy-documents";
import { LIMITS, type CreateUserInput, type Tag } from "./schemas";
import { assertUniqueTagKeys, mergeTags, removeTags } from "./tags";
import type { IamUser } from "./types";
import type { SortOrder, UserSort } from "./list-sorts";

/** IAM users: the long-term identities whose access keys sign API calls. */

export const userNotFound = (name: string) => new AwsError("NoSuchEntity", `The user with name ${name} cannot be found.`);

/** Audit target for a user named by the caller: its ARN when it exists (looked up after the change). */
export const userTarget = (ctx: RequestContext, name: string) => async () =>
  (await repo.findUser(getDb(), ctx.accountId, name))?.arn ?? null;

export async function requireUser(tx: Tx, accountId: string, name: string): Promise<IamUser> {
  const user = await repo.findUser(tx, accountId, name);
  if (!user) throw userNotFound(name);
  return user;
}

export async function createUser(ctx: RequestContext, input: CreateUserInput): Promise<IamUser> {
  const path = input.Path ?? "/";
  return auditedChange(ctx, "CreateUser", userArn(ctx.accountId, path, input.UserName), async (tx) => {
    const tags = input.Tags ?? [];
    assertUniqueTagKeys(tags);
    if (await repo.findUser(tx, ctx.accountId, input.UserName))
      throw new AwsError("EntityAlreadyExists", `User with name ${input.UserName} already exists.`);
    const boundary = input.PermissionsBoundary ? await resolveBoundary(tx, ctx.accountId, input.PermissionsBoundary) : null;
    return repo.insertUser(tx, {
      id: newUniqueId("AIDA"),
      accountId: ctx.accountId,
      name: input.UserName,
      path,
      arn: userArn(ctx.accountId, path, input.UserName),
      permissionsBoundaryArn: boundary,
      tags,
    });
  });
}

/** Without a name IAM answers with the caller; only an IAM-user caller has one. */
export async function getUser(ctx: RequestContext, name?: string): Promise<IamUser> {
  const db = getDb();
  if (name) return requireUser(db, ctx.accountId, name);
  const self = await repo.findUserByArn(db, ctx.actor);
  if (!self) throw new AwsError("ValidationError", "Must specify userName when calling with non-User credentials");
  return self;
}

export async function listUsers(
  ctx: RequestContext,
  o: { pathPrefix?: string; marker?: string; maxItems?: number; search?: string; sort?: UserSort; order?: SortOrder } = {},
) {
  return repo.listUserRows(getDb(), ctx.accountId, {
    pathPrefix: o.pathPrefix,
    search: o.search,
    sort: o.sort,
    order: o.order,
    offset: decodeMarker(o.marker),
    maxItems: o.maxItems ?? DEFAULT_MAX_ITEMS,
  });
}

/** IAM refuses to delete a user that still has keys, MFA devices or policies (DeleteUser, "DeleteConflict"). */
export async function deleteUser(ctx: RequestContext, name: string): Promise<void> {
  await auditedChange(ctx, "DeleteUser", userTarget(ctx, name), async (tx) => {
    const user = await requireUser(tx, ctx.accountId, name);
    const { keys, attached, inline, mfaDevices } = await repo.countUserDependents(tx, user.id);
    if (keys) throw new AwsError("DeleteConflict", "Cannot delete entity, must delete access keys first.");
    if (mfaDevices) throw new AwsError("DeleteConflict", "Cannot delete entity, must delete MFA device first.");
    if (attached) throw new AwsError("DeleteConflict", "Cannot delete entity, must detach all policies first.");
    if (inline) throw new AwsError("DeleteConflict", "Cannot delete entity, must delete policies first.");
    await repo.deleteUserRow(tx, user.id);
    return user;
  }, (u) => u.arn);
}

/** The console's delete: keys, MFA devices, policies and the user together, all or nothing. */
export async function deleteUserWithDependents(ctx: RequestContext, name: string): Promise<void> {
  await auditedChange(ctx, "DeleteUser", userTarget(ctx, name), async (tx) => {
    const user = await requireUser(tx, ctx.accountId, name);
    await repo.deleteUserRow(tx, user.id); // keys, MFA devices, attachments, inline policies and tags cascade
    return user;
  }, (u) => u.arn);
}

export async function tagUser(ctx: RequestContext, name: string, tags: Tag[]) {
  await auditedChange(ctx, "TagUser", userTarget(ctx, name), async (tx) => {
    const user = await requireUser(tx, ctx.accountId, name);
    await repo.replaceUserTags(tx, user.id, mergeTags(user.tags, tags, "TagsPerUser"));
    return user;
  }, (u) => u.arn);
}

export async function untagUser(ctx: RequestContext, name: string, keys: string[]) {
  await auditedChange(ctx, "UntagUser", userTarget(ctx, name), async (tx) => {
    const user = await requireUser(tx, ctx.accountId, name);
    await repo.replaceUserTags(tx, user.id, removeTags(user.tags, keys));
    return user;
  }, (u) => u.arn);
}

export async function listUserTags(ctx: RequestContext, name: string, page: { marker?: string; maxItems?: number } = {}) {
  return slicePage((await requireUser(getDb(), ctx.accountId, name)).tags, page);
}

export async function putUserPolicy(ctx: RequestContext, userName: string, policyName: string, document: string) {
  await auditedChange(ctx, "PutUserPolicy", userTarget(ctx, userName), async (tx) => {
    const user = await requireUser(tx, ctx.accountId, userName);
    await assertPolicyAccepted(tx, document, "identity", ctx.accountId, { inline: true });
    const others = (await repo.listUserInlinePolicies(tx, user.id)).filter((p) => p.name !== policyName);
    assertInlineQuota([...others.map((p) => p.document), document], LIMITS.inlinePolicySizePerUser, `user ${user.name}`);
    await repo.upsertUserInlinePolicy(tx, user.id, policyName, document);
    return user;
  }, (u) => u.arn);
}

const userPolicyNotFound = (name: string) => new AwsError("NoSuchEntity", `The user policy with name ${name} cannot be found.`);

export async function getUserPolicy(ctx: RequestContext, userName: string, policyName: string) {
  const db = getDb();
  const user = await requireUser(db, ctx.accountId, userName);
  const found = (await repo.listUserInlinePolicies(db, user.id)).find((p) => p.name === policyName);
  if (!found) throw userPolicyNotFound(policyName);
  return { userName: user.name, name: found.name, document: found.document };
}

export async function listUserPolicies(ctx: RequestContext, userName: string, page: { marker?: string; maxItems?: number } = {}) {
  const db = getDb();
  const user = await requireUser(db, ctx.accountId, userName);
  return slicePage((await repo.listUserInlinePolicies(db, user.id)).map((p) => p.name), page);
}

export async function listUserInlinePolicies(ctx: RequestContext, userName: string) {
  const db = getDb();
  const user = await requireUser(db, ctx.accountId, userName);
  return (await repo.listUserInlinePolicies(db, user.id)).map((p) => ({ name: p.name, document: p.document }));
}

export async function deleteUserPolicy(ctx: RequestContext, userName: string, policyName: string) {
  await auditedChange(ctx, "DeleteUserPolicy", userTarget(ctx, userName), async (tx) => {
    const user = await requireUser(tx, ctx.accountId, userName);
    if (!(await repo.deleteUserInlinePolicy(tx, user.id, policyName))) throw userPolicyNotFound(policyName);
    return user;
  }, (u) => u.arn);
}

export async function attachUserPolicy(ctx: RequestContext, userName: string, policyArn: string) {
  await auditedChange(ctx, "AttachUserPolicy", userTarget(ctx, userName), async (tx) => {
    const user = await requireUser(tx, ctx.accountId, userName);
    const policy = await resolveAttachablePolicy(tx, ctx.accountId, policyArn);
    const attached = await repo.listUserAttachments(tx, user.id);
    if (!attached.some((a) => a.policyArn === policy.arn) && attached.length >= LIMITS.managedPoliciesPerUser)
      throw new AwsError("LimitExceeded", `Cannot exceed quota for PoliciesPerUser: ${LIMITS.managedPoliciesPerUser}`);
    await repo.attachToUser(tx, user.id, policy.id);
    return user;
  }, (u) => u.arn);
}

export async function detachUserPolicy(ctx: RequestContext, userName: string, policyArn: string) {
  await auditedChange(ctx, "DetachUserPolicy", userTarget(ctx, userName), async (tx) => {
    const user = await requireUser(tx, ctx.accountId, userName);
    const policy = await findPolicyByArn(tx, policyArn);
    if (!policy || !(await repo.detachFromUser(tx, user.id, policy.id)))
      throw new AwsError("NoSuchEntity", `Policy ${policyArn} was not found.`);
    return user;
  }, (u) => u.arn);
}

export async function listAttachedUserPolicies(
  ctx: RequestContext,
  userName: string,
  o: { pathPrefix?: string; marker?: string; maxItems?: number } = {},
) {
  const db = getDb();
  const user = await requireUser(db, ctx.accountId, userName);
  const attached = (await repo.listUserAttachments(db, user.id)).filter((a) => !o.pathPrefix || a.path.startsWith(o.pathPrefix));
  return slicePage(attached, o);
}

export async function putUserPermissionsBoundary(ctx: RequestContext, userName: string, arn: string) {
  await auditedChange(ctx, "PutUserPermissionsBoundary", userTarget(ctx, userName), async (tx) => {
    const user = await requireUser(tx, ctx.accountId, userName);
    await repo.setUserBoundary(tx, user.id, await resolveBoundary(tx, ctx.accountId, arn));
    return user;
  }, (u) => u.arn);
}

export async function deleteUserPermissionsBoundary(ctx: RequestContext, userName: string) {
  await auditedChange(ctx, "DeleteUserPermissionsBoundary", userTarget(ctx, userName), async (tx) => {
    const user = await requireUser(tx, ctx.accountId, userName);
    await repo.setUserBoundary(tx, user.id, null);
    return user;
  }, (u) => u.arn);
}
