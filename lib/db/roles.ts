import type { Tx } from "./client";
import { toRole, toRoleListItem } from "./mappers";
import { pageOf } from "./pagination";
import { nullsFirstAscending, thenByName, nameAndPathFilter } from "./sorting";
import type { Tag } from "@/lib/domain/schemas";
import type { RoleSort, SortOrder } from "@/lib/domain/list-sorts";
import type { Role } from "@/lib/domain/types";
import { tagRows } from "./principal-tables";

/** Role persistence. Names are matched case-insensitively, as IAM treats them. */

export async function findRole(tx: Tx, accountId: string, name: string): Promise<Role | null> {
  const row = await tx.role.findUnique({
    where: { accountId_nameLower: { accountId, nameLower: name.toLowerCase() } },
    include: { tags: true },
  });
  return row ? toRole(row, row.tags) : null;
}

export async function findRoleById(tx: Tx, id: string): Promise<Role | null> {
  const row = await tx.role.findUnique({ where: { id }, include: { tags: true } });
  return row ? toRole(row, row.tags) : null;
}

export async function countRoles(tx: Tx, accountId: string): Promise<number> {
  return tx.role.count({ where: { accountId } });
}

/** Every role of an account, by ARN and name: the graph view's nodes. */
export async function listRoleArns(tx: Tx, accountId: string): Promise<{ arn: string; name: string }[]> {
  return tx.role.findMany({ where: { accountId }, select: { arn: true, name: true }, orderBy: { nameLower: "asc" } });
}

export interface NewRoleRow {
  id: string;
  accountId: string;
  name: string;
  path: string;
  arn: string;
  description: string | null;
  trustPolicy: string;
  maxSessionDuration: number;
  permissionsBoundaryArn: string | null;
  serviceLinkedService: string | null;
  tags: Tag[];
}

export async function insertRole(tx: Tx, r: NewRoleRow): Promise<Role> {
  const row = await tx.role.create({
    data: {
      id: r.id,
      accountId: r.accountId,
      name: r.name,
      nameLower: r.name.toLowerCase(),
      path: r.path,
      arn: r.arn,
      description: r.description,
      assumeRolePolicy: r.trustPolicy,
      maxSessionDuration: r.maxSessionDuration,
      permissionsBoundaryArn: r.permissionsBoundaryArn,
      serviceLinkedService: r.serviceLinkedService,
      tags: { create: tagRows(r.tags) },
    },
    include: { tags: true },
  });
  return toRole(row, row.tags);
}

export interface RoleChanges {
  description?: string | null;
  maxSessionDuration?: number;
  trustPolicy?: string;
}

/**
 * Every change bumps `version`, which editors compare for optimistic concurrency. With `expectedVersion` the
 * update is a compare-and-set: false when the row was no longer at that version, and nothing changed.
 */
export async function updateRoleRow(tx: Tx, roleId: string, changes: RoleChanges, expectedVersion?: number): Promise<boolean> {
  const res = await tx.role.updateMany({
    where: { id: roleId, ...(expectedVersion === undefined ? {} : { version: expectedVersion }) },
    data: {
      description: changes.description,
      maxSessionDuration: changes.maxSessionDuration,
      assumeRolePolicy: changes.trustPolicy,
      version: { increment: 1 },
    },
  });
  return res.count === 1;
}

export async function deleteRoleRow(tx: Tx, roleId: string): Promise<void> {
  await tx.role.delete({ where: { id: roleId } });
}

export interface RoleQuery {
  pathPrefix?: string;
  search?: string;
  sort?: RoleSort;
  order?: SortOrder;
  offset: number;
  maxItems: number;
}

export async function listRoleRows(tx: Tx, accountId: string, q: RoleQuery) {
  const where = nameAndPathFilter(accountId, q);
  const order = q.order ?? "asc";
  const orderBy = thenByName(
    order,
    q.sort === "createdAt" ? { createdAt: order } : q.sort === "lastUsedAt" ? { lastUsedAt: nullsFirstAscending(order) } : undefined,
  );
  const [rows, total] = await Promise.all([
    tx.role.findMany({ where, orderBy, skip: q.offset, take: q.maxItems + 1 }),
    tx.role.count({ where }),
  ]);
  return { ...pageOf(rows.map(toRoleListItem), q.offset, q.maxItems), total };
}

/** Records a use of the role (RoleLastUsed); not a change anyone audits, so the role's version stays. */
export async function touchRoleLastUsed(tx: Tx, roleId: string, at: Date, region: string): Promise<void> {
  await tx.role.updateMany({ where: { id: roleId }, data: { lastUsedAt: at, lastUsedRegion: region } });
}

/** When each role of the account was made and last used: RoleLastUsed, and the last session issued for it. */
export async function listRoleUsage(tx: Tx, accountId: string): Promise<Map<string, { createdAt: Date; lastUsedAt: Date | null; lastSessionAt: Date | null }>> {
  const [roles, sessions] = await Promise.all([
    tx.role.findMany({ where: { accountId }, select: { id: true, createdAt: true, lastUsedAt: true } }),
    tx.stsSession.groupBy({ by: ["roleId"], where: { accountId, roleId: { not: null } }, _max: { issuedAt: true } }),
  ]);
  const lastSession = new Map(sessions.map((s) => [s.roleId, s._max.issuedAt]));
  return new Map(roles.map((r) => [r.id, { createdAt: r.createdAt, lastUsedAt: r.lastUsedAt, lastSessionAt: lastSession.get(r.id) ?? null }]));
}
