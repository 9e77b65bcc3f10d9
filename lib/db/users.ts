import type { Tx } from "./client";
import { toUser } from "./mappers";
import { pageOf } from "./pagination";
import { thenByName } from "./sorting";
import type { Tag } from "@/lib/iam/schemas";
import type { SortOrder, UserSort } from "@/lib/iam/list-sorts";
import type { AttachedPolicy, IamUser, UserListItem } from "@/lib/iam/types";

export async function findUser(tx: Tx, accountId: string, name: string): Promise<IamUser | null> {
  const row = await tx.iamUser.findUnique({
    where: { accountId_nameLower: { accountId, nameLower: name.toLowerCase() } },
    include: { tags: true },
  });
  return row ? toUser(row, row.tags) : null;
}

export async function findUserByArn(tx: Tx, arn: string): Promise<IamUser | null> {
  const row = await tx.iamUser.findUnique({ where: { arn }, include: { tags: true } });
  return row ? toUser(row, row.tags) : null;
}

export async function findUserById(tx: Tx, id: string): Promise<IamUser | null> {
  const row = await tx.iamUser.findUnique({ where: { id }, include: { tags: true } });
  return row ? toUser(row, row.tags) : null;
}

export async function insertUser(
  tx: Tx,
  u: { id: string; accountId: string; name: string; path: string; arn: string; permissionsBoundaryArn: string | null; tags: Tag[] },
): Promise<IamUser> {
  const row = await tx.iamUser.create({
    data: {
      id: u.id,
      accountId: u.accountId,
      name: u.name,
      nameLower: u.name.toLowerCase(),
      path: u.path,
      arn: u.arn,
      permissionsBoundaryArn: u.permissionsBoundaryArn,
      tags: { create: u.tags.map((t, i) => ({ key: t.Key, keyLower: t.Key.toLowerCase(), value: t.Value, position: i })) },
    },
    include: { tags: true },
  });
  return toUser(row, row.tags);
}

export interface UserQuery {
  pathPrefix?: string;
  search?: string;
  sort?: UserSort;
  order?: SortOrder;
  offset: number;
  maxItems: number;
}

export async function listUserRows(tx: Tx, accountId: string, q: UserQuery) {
  const where = {
    accountId,
    ...(q.pathPrefix ? { path: { startsWith: q.pathPrefix } } : {}),
    ...(q.search ? { nameLower: { contains: q.search.toLowerCase() } } : {}),
  };
  const order = q.order ?? "asc";
  const [rows, total] = await Promise.all([
    tx.iamUser.findMany({
      where,
      orderBy: thenByName(order, q.sort === "createdAt" ? { createdAt: order } : undefined),
      skip: q.offset,
      take: q.maxItems + 1,
      include: { tags: true, accessKeys: { select: { status: true, lastUsedAt: true } } },
    }),
    tx.iamUser.count({ where }),
  ]);
  const items: UserListItem[] = rows.map((r) => ({ ...toUser(r, r.tags), accessKeys: summarizeKeys(r.accessKeys) }));
  return { ...pageOf(items, q.offset, q.maxItems), total };
}

function summarizeKeys(keys: { status: string; lastUsedAt: Date | null }[]) {
  const used = keys.map((k) => k.lastUsedAt).filter((d): d is Date => d !== null);
  return {
    count: keys.length,
    active: keys.filter((k) => k.status === "Active").length,
    lastUsedAt: used.length ? new Date(Math.max(...used.map((d) => d.getTime()))) : null,
  };
}

export async function deleteUserRow(tx: Tx, id: string) {
  await tx.iamUser.delete({ where: { id } });
}

export async function setUserBoundary(tx: Tx, id: string, arn: string | null) {
  await tx.iamUser.update({ where: { id }, data: { permissionsBoundaryArn: arn } });
}

export async function replaceUserTags(tx: Tx, userId: string, tags: Tag[]) {
  await tx.userTag.deleteMany({ where: { userId } });
  await tx.userTag.createMany({
    data: tags.map((t, i) => ({ userId, key: t.Key, keyLower: t.Key.toLowerCase(), value: t.Value, position: i })),
  });
}

export async function countUserDependents(tx: Tx, userId: string) {
  const [keys, attached, inline, mfaDevices] = await Promise.all([
    tx.accessKey.count({ where: { userId } }),
    tx.userPolicyAttachment.count({ where: { userId } }),
    tx.userInlinePolicy.count({ where: { userId } }),
    tx.mfaDevice.count({ where: { userId } }),
  ]);
  return { keys, attached, inline, mfaDevices };
}

export async function listUserInlinePolicies(tx: Tx, userId: string) {
  return tx.userInlinePolicy.findMany({ where: { userId }, orderBy: { name: "asc" } });
}

export async function upsertUserInlinePolicy(tx: Tx, userId: string, name: string, document: string) {
  await tx.userInlinePolicy.upsert({
    where: { userId_name: { userId, name } },
    create: { userId, name, document },
    update: { document, updatedAt: new Date() },
  });
}

export async function deleteUserInlinePolicy(tx: Tx, userId: string, name: string): Promise<boolean> {
  return (await tx.userInlinePolicy.deleteMany({ where: { userId, name } })).count > 0;
}

export async function listUserAttachments(tx: Tx, userId: string): Promise<AttachedPolicy[]> {
  const rows = await tx.userPolicyAttachment.findMany({
    where: { userId },
    include: { policy: { select: { name: true, arn: true, path: true } } },
    orderBy: { attachedAt: "asc" },
  });
  return rows.map((r) => ({ policyName: r.policy.name, policyArn: r.policy.arn, path: r.policy.path }));
}

export async function attachToUser(tx: Tx, userId: string, policyId: string) {
  await tx.userPolicyAttachment.upsert({ where: { userId_policyId: { userId, policyId } }, create: { userId, policyId }, update: {} });
}

export async function detachFromUser(tx: Tx, userId: string, policyId: string): Promise<boolean> {
  return (await tx.userPolicyAttachment.deleteMany({ where: { userId, policyId } })).count > 0;
}
