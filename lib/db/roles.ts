import type { Tx } from "./client";
import { toRole, toRoleListItem } from "./mappers";
import { pageOf } from "./pagination";
import { nullsFirstAscending, thenByName } from "./sorting";
import type { Tag } from "@/lib/iam/schemas";
import type { RoleSort, SortOrder } from "@/lib/iam/list-sorts";
import type { AttachedPolicy, Role } from "@/lib/iam/types";

/** Role persistence. Names are matched case-insensitively, as IAM treats them. */

export async function findRole(tx: Tx, accountId: string, name: string): Promise<Role | null> {
  const row = await tx.role.findUnique({
    where: { accountId_nameLower: { accountId, nameLower: name.toLowerCase() } },
    include: { tags: true },
  });
  return row ? toRole(row, row.tags) : null;
}

export async function countRoles(tx: Tx, accountId: string): Promise<number> {
  return tx.role.count({ where: { accountId } });
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
      tags: { create: r.tags.map((t, i) => ({ key: t.Key, keyLower: t.Key.toLowerCase(), value: t.Value, position: i })) },
    },
    include: { tags: true },
  });
  return toRole(row, row.tags);
}

export interface RoleChanges {
  description?: string | null;
  maxSessionDuration?: number;
  trustPolicy?: string;
  permissionsBoundaryArn?: string | null;
}

/** Every change bumps `version`, which editors compare for optimistic concurrency. */
export async function updateRoleRow(tx: Tx, roleId: string, changes: RoleChanges): Promise<void> {
  await tx.role.update({
    where: { id: roleId },
    data: {
      description: changes.description,
      maxSessionDuration: changes.maxSessionDuration,
      assumeRolePolicy: changes.trustPolicy,
      permissionsBoundaryArn: changes.permissionsBoundaryArn,
      version: { increment: 1 },
    },
  });
}

/** Compare-and-set on the version: true when the row was still at `expectedVersion`. */
export async function updateRoleIfVersion(tx: Tx, roleId: string, expectedVersion: number, changes: RoleChanges) {
  const res = await tx.role.updateMany({
    where: { id: roleId, version: expectedVersion },
    data: {
      description: changes.description,
      maxSessionDuration: changes.maxSessionDuration,
      assumeRolePolicy: changes.trustPolicy,
      permissionsBoundaryArn: changes.permissionsBoundaryArn,
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
  const where = {
    accountId,
    ...(q.pathPrefix ? { path: { startsWith: q.pathPrefix } } : {}),
    ...(q.search ? { nameLower: { contains: q.search.toLowerCase() } } : {}),
  };
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

export async function replaceRoleTags(tx: Tx, roleId: string, tags: Tag[]): Promise<void> {
  await tx.roleTag.deleteMany({ where: { roleId } });
  await tx.roleTag.createMany({
    data: tags.map((t, i) => ({ roleId, key: t.Key, keyLower: t.Key.toLowerCase(), value: t.Value, position: i })),
  });
  await tx.role.update({ where: { id: roleId }, data: { version: { increment: 1 } } });
}

export async function listRoleInlinePolicies(tx: Tx, roleId: string) {
  return tx.roleInlinePolicy.findMany({ where: { roleId }, orderBy: { name: "asc" } });
}

export async function upsertRoleInlinePolicy(tx: Tx, roleId: string, name: string, document: string) {
  await tx.roleInlinePolicy.upsert({
    where: { roleId_name: { roleId, name } },
    create: { roleId, name, document },
    update: { document, updatedAt: new Date() },
  });
}

export async function deleteRoleInlinePolicy(tx: Tx, roleId: string, name: string): Promise<boolean> {
  const res = await tx.roleInlinePolicy.deleteMany({ where: { roleId, name } });
  return res.count > 0;
}

export async function listRoleAttachments(tx: Tx, roleId: string): Promise<AttachedPolicy[]> {
  const rows = await tx.rolePolicyAttachment.findMany({
    where: { roleId },
    include: { policy: { select: { name: true, arn: true, path: true } } },
    orderBy: { attachedAt: "asc" },
  });
  return rows.map((r) => ({ policyName: r.policy.name, policyArn: r.policy.arn, path: r.policy.path }));
}

export async function attachToRole(tx: Tx, roleId: string, policyId: string): Promise<void> {
  await tx.rolePolicyAttachment.upsert({
    where: { roleId_policyId: { roleId, policyId } },
    create: { roleId, policyId },
    update: {},
  });
}

export async function detachFromRole(tx: Tx, roleId: string, policyId: string): Promise<boolean> {
  const res = await tx.rolePolicyAttachment.deleteMany({ where: { roleId, policyId } });
  return res.count > 0;
}

export async function countRoleDependents(tx: Tx, roleId: string) {
  const [attached, inline] = await Promise.all([
    tx.rolePolicyAttachment.count({ where: { roleId } }),
    tx.roleInlinePolicy.count({ where: { roleId } }),
  ]);
  return { attached, inline };
}

export async function deleteAllRolePolicies(tx: Tx, roleId: string): Promise<void> {
  await tx.rolePolicyAttachment.deleteMany({ where: { roleId } });
  await tx.roleInlinePolicy.deleteMany({ where: { roleId } });
}
