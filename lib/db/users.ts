import type { Tx } from "./client";
import { toUser } from "./mappers";
import { pageOf } from "./pagination";
import { thenByName } from "./sorting";
import type { Tag } from "@/lib/domain/schemas";
import type { SortOrder, UserSort } from "@/lib/domain/list-sorts";
import type { IamUser, UserListItem } from "@/lib/domain/types";
import { tagRows } from "./principal-tables";

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
      tags: { create: tagRows(u.tags) },
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



export async function countAccessKeys(tx: Tx, userId: string): Promise<number> {
  return tx.accessKey.count({ where: { userId } });
}







export async function countMfaDevices(tx: Tx, userId: string): Promise<number> {
  return tx.mfaDevice.count({ where: { userId } });
}
