import { getDb, type Tx } from "@/lib/db/client";
import * as repo from "@/lib/db/users";
import { countPolicies } from "@/lib/db/principal-tables";
import { AwsError } from "@/lib/domain/errors";
import { pageWindow } from "@/lib/domain/paging";
import { PRINCIPAL_RULES } from "@/lib/domain/principal-kinds";
import type { CreateUserInput } from "@/lib/domain/schemas";
import type { IamUser } from "@/lib/domain/types";
import type { SortOrder, UserSort } from "@/lib/domain/list-sorts";
import { auditedChange } from "./audit";
import { userArn } from "./arn";
import { resolveBoundary } from "./boundaries";
import type { RequestContext } from "./context";
import { newUniqueId } from "./ids";
import { principalPermissions } from "./principal-permissions";
import { assertUniqueTagKeys } from "./tags";

/** IAM users: the long-term identities whose access keys sign API calls. */

/** A user's inline, managed, boundary and tag operations (PutUserPolicy … ListUserTags), shared with every principal kind. */
export const userPermissions = principalPermissions({ rules: PRINCIPAL_RULES.user, find: repo.findUser });

/** Audit target for a user named by the caller: its ARN when it exists (looked up after the change). */
export const userTarget = userPermissions.target;

export async function requireUser(tx: Tx, accountId: string, name: string): Promise<IamUser> {
  return userPermissions.requirePrincipal(tx, accountId, name);
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
    ...pageWindow(o),
  });
}

/** IAM refuses to delete a user that still has keys, MFA devices or policies (DeleteUser, "DeleteConflict"). */
export async function deleteUser(ctx: RequestContext, name: string): Promise<void> {
  await auditedChange(ctx, "DeleteUser", userTarget(ctx, name), async (tx) => {
    const user = await requireUser(tx, ctx.accountId, name);
    const keys = await repo.countAccessKeys(tx, user.id);
    const { attached, inline } = await countPolicies(tx, "user", user.id);
    const mfaDevices = await repo.countMfaDevices(tx, user.id);
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
