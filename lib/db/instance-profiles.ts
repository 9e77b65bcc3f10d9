import type { Tx } from "./client";
import { toRoleListItem, toTags, type RoleRow } from "./mappers";
import { pageOf } from "./pagination";
import { tagRows } from "./principal-tables";
import { thenByName } from "./sorting";
import type { InstanceProfileSort, SortOrder } from "@/lib/domain/list-sorts";
import type { Tag } from "@/lib/domain/schemas";
import type { InstanceProfile } from "@/lib/domain/types";

/** Instance profile persistence. Names are matched ignoring case, as IAM treats them. */

const withRoleAndTags = { role: true, tags: true } as const;

interface ProfileRow {
  id: string;
  accountId: string;
  name: string;
  path: string;
  arn: string;
  createdAt: Date;
  role: RoleRow | null;
  tags: { key: string; value: string; position: number }[];
}

const toInstanceProfile = (row: ProfileRow): InstanceProfile => ({
  id: row.id,
  accountId: row.accountId,
  name: row.name,
  path: row.path,
  arn: row.arn,
  createdAt: row.createdAt,
  roles: row.role ? [toRoleListItem(row.role)] : [],
  tags: toTags(row.tags),
});

export async function findInstanceProfile(tx: Tx, accountId: string, name: string): Promise<InstanceProfile | null> {
  const row = await tx.instanceProfile.findUnique({
    where: { accountId_nameLower: { accountId, nameLower: name.toLowerCase() } },
    include: withRoleAndTags,
  });
  return row ? toInstanceProfile(row) : null;
}

export const countInstanceProfiles = (tx: Tx, accountId: string) => tx.instanceProfile.count({ where: { accountId } });

export interface NewInstanceProfileRow {
  id: string;
  accountId: string;
  name: string;
  path: string;
  arn: string;
  roleId: string | null;
  tags: Tag[];
}

export async function insertInstanceProfile(tx: Tx, p: NewInstanceProfileRow): Promise<InstanceProfile> {
  const row = await tx.instanceProfile.create({
    data: {
      id: p.id,
      accountId: p.accountId,
      name: p.name,
      nameLower: p.name.toLowerCase(),
      path: p.path,
      arn: p.arn,
      roleId: p.roleId,
      tags: { create: tagRows(p.tags) },
    },
    include: withRoleAndTags,
  });
  return toInstanceProfile(row);
}

/**
 * Moves the profile's role slot from `from` to `to` (a role id, or null for empty) as a compare-and-set: false
 * when another request changed the slot first, so two concurrent adds cannot both succeed.
 */
export async function swapInstanceProfileRole(tx: Tx, profileId: string, from: string | null, to: string | null): Promise<boolean> {
  const res = await tx.instanceProfile.updateMany({ where: { id: profileId, roleId: from }, data: { roleId: to } });
  return res.count === 1;
}

export async function replaceInstanceProfileTags(tx: Tx, profileId: string, tags: Tag[]): Promise<void> {
  await tx.instanceProfileTag.deleteMany({ where: { profileId } });
  await tx.instanceProfileTag.createMany({ data: tagRows(tags).map((row) => ({ profileId, ...row })) });
}

export async function deleteInstanceProfileRow(tx: Tx, profileId: string): Promise<void> {
  await tx.instanceProfile.delete({ where: { id: profileId } });
}

/** The profiles that hold a role, by name. */
export async function listInstanceProfilesForRole(tx: Tx, roleId: string): Promise<InstanceProfile[]> {
  const rows = await tx.instanceProfile.findMany({ where: { roleId }, include: withRoleAndTags, orderBy: { nameLower: "asc" } });
  return rows.map(toInstanceProfile);
}

export const countInstanceProfilesForRole = (tx: Tx, roleId: string) => tx.instanceProfile.count({ where: { roleId } });

/** Empties every profile holding the role (the console's delete-anyway). */
export async function removeRoleFromAllInstanceProfiles(tx: Tx, roleId: string): Promise<void> {
  await tx.instanceProfile.updateMany({ where: { roleId }, data: { roleId: null } });
}

export interface InstanceProfileQuery {
  pathPrefix?: string;
  search?: string;
  sort?: InstanceProfileSort;
  order?: SortOrder;
  offset: number;
  maxItems: number;
}

export async function listInstanceProfileRows(tx: Tx, accountId: string, q: InstanceProfileQuery) {
  const where = {
    accountId,
    ...(q.pathPrefix ? { path: { startsWith: q.pathPrefix } } : {}),
    ...(q.search ? { nameLower: { contains: q.search.toLowerCase() } } : {}),
  };
  const order = q.order ?? "asc";
  const orderBy = thenByName(order, q.sort === "createdAt" ? { createdAt: order } : undefined);
  const [rows, total] = await Promise.all([
    tx.instanceProfile.findMany({ where, orderBy, skip: q.offset, take: q.maxItems + 1, include: withRoleAndTags }),
    tx.instanceProfile.count({ where }),
  ]);
  return { ...pageOf(rows.map(toInstanceProfile), q.offset, q.maxItems), total };
}
