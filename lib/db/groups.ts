import type { Tx } from "./client";
import { toUser } from "./mappers";
import { pageOf } from "./pagination";
import { thenByName, nameAndPathFilter } from "./sorting";
import type { GroupSort, SortOrder } from "@/lib/domain/list-sorts";
import type { GroupListItem, GroupMember, IamGroup } from "@/lib/domain/types";

/** IAM groups and their members. A group's policies live in the shared principal tables (./principal-tables). */

const toGroup = (row: IamGroup): IamGroup => ({
  id: row.id,
  accountId: row.accountId,
  name: row.name,
  path: row.path,
  arn: row.arn,
  createdAt: row.createdAt,
});

export async function findGroup(tx: Tx, accountId: string, name: string): Promise<IamGroup | null> {
  const row = await tx.iamGroup.findUnique({ where: { accountId_nameLower: { accountId, nameLower: name.toLowerCase() } } });
  return row ? toGroup(row) : null;
}

export async function insertGroup(tx: Tx, g: Omit<IamGroup, "createdAt">): Promise<IamGroup> {
  return toGroup(await tx.iamGroup.create({ data: { ...g, nameLower: g.name.toLowerCase() } }));
}

/** UpdateGroup: a new name or path is a new ARN; members and policies stay with the group. */
export async function renameGroupRow(tx: Tx, id: string, g: { name: string; path: string; arn: string }): Promise<IamGroup> {
  return toGroup(await tx.iamGroup.update({ where: { id }, data: { ...g, nameLower: g.name.toLowerCase() } }));
}

/** Members and policies cascade with the group. */
export async function deleteGroupRow(tx: Tx, id: string): Promise<void> {
  await tx.iamGroup.delete({ where: { id } });
}

export interface GroupQuery {
  pathPrefix?: string;
  search?: string;
  sort?: GroupSort;
  order?: SortOrder;
  offset: number;
  maxItems: number;
}

export async function listGroupRows(tx: Tx, accountId: string, q: GroupQuery) {
  const where = nameAndPathFilter(accountId, q);
  const order = q.order ?? "asc";
  const [rows, total] = await Promise.all([
    tx.iamGroup.findMany({
      where,
      orderBy: thenByName(order, q.sort === "createdAt" ? { createdAt: order } : undefined),
      skip: q.offset,
      take: q.maxItems + 1,
      include: { _count: { select: { members: true, attachedPolicies: true, inlinePolicies: true } } },
    }),
    tx.iamGroup.count({ where }),
  ]);
  const items: GroupListItem[] = rows.map((r) => ({
    ...toGroup(r),
    memberCount: r._count.members,
    attachedPolicyCount: r._count.attachedPolicies,
    inlinePolicyCount: r._count.inlinePolicies,
  }));
  return { ...pageOf(items, q.offset, q.maxItems), total };
}

/** A group's users by name, one page of them (GetGroup pages its Users). */
export async function listMembers(tx: Tx, groupId: string, page: { offset: number; maxItems: number }) {
  const rows = await tx.groupMembership.findMany({
    where: { groupId },
    orderBy: { user: { nameLower: "asc" } },
    skip: page.offset,
    take: page.maxItems + 1,
    include: { user: { include: { tags: true } } },
  });
  const members: GroupMember[] = rows.map((m) => ({ ...toUser(m.user, m.user.tags), addedAt: m.addedAt }));
  return pageOf(members, page.offset, page.maxItems);
}

/** The ids of a group's members, by the group's ARN (none when no such group). */
export async function listMemberIdsOfGroupArn(tx: Tx, groupArn: string): Promise<string[]> {
  return (await tx.groupMembership.findMany({ where: { group: { arn: groupArn } }, select: { userId: true } })).map((m) => m.userId);
}

export async function countMembers(tx: Tx, groupId: string): Promise<number> {
  return tx.groupMembership.count({ where: { groupId } });
}

/** The groups a user belongs to, by name, one page of them (ListGroupsForUser). */
export async function listGroupsOfUser(tx: Tx, userId: string, page: { offset: number; maxItems: number }) {
  const rows = await tx.groupMembership.findMany({
    where: { userId },
    orderBy: { group: { nameLower: "asc" } },
    skip: page.offset,
    take: page.maxItems + 1,
    include: { group: { include: { _count: { select: { members: true, attachedPolicies: true, inlinePolicies: true } } } } },
  });
  const groups: (GroupListItem & { addedAt: Date })[] = rows.map(({ group: g, addedAt }) => ({
    ...toGroup(g),
    memberCount: g._count.members,
    attachedPolicyCount: g._count.attachedPolicies,
    inlinePolicyCount: g._count.inlinePolicies,
    addedAt,
  }));
  return pageOf(groups, page.offset, page.maxItems);
}

export async function countGroupsOfUser(tx: Tx, userId: string): Promise<number> {
  return tx.groupMembership.count({ where: { userId } });
}

export async function isMember(tx: Tx, groupId: string, userId: string): Promise<boolean> {
  return (await tx.groupMembership.count({ where: { groupId, userId } })) > 0;
}

export async function addMember(tx: Tx, groupId: string, userId: string): Promise<void> {
  await tx.groupMembership.create({ data: { groupId, userId } });
}

/** False when the user was not a member. */
export async function removeMember(tx: Tx, groupId: string, userId: string): Promise<boolean> {
  return (await tx.groupMembership.deleteMany({ where: { groupId, userId } })).count > 0;
}
