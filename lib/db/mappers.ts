import type { Tag } from "@/lib/domain/schemas";
import type { Role, RoleListItem, IamUser } from "@/lib/domain/types";

/** Row → domain conversions, so Prisma shapes never leave lib/db. */

interface TagRow {
  key: string;
  value: string;
  position: number;
}

export const toTags = (rows: TagRow[]): Tag[] =>
  [...rows].sort((a, b) => a.position - b.position).map((t) => ({ Key: t.key, Value: t.value }));

export interface RoleRow {
  id: string;
  accountId: string;
  name: string;
  path: string;
  arn: string;
  description: string | null;
  assumeRolePolicy: string;
  maxSessionDuration: number;
  permissionsBoundaryArn: string | null;
  serviceLinkedService: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  lastUsedRegion: string | null;
  version: number;
}

export function toRole(row: RoleRow, tags: TagRow[]): Role {
  return {
    id: row.id,
    accountId: row.accountId,
    name: row.name,
    path: row.path,
    arn: row.arn,
    description: row.description,
    trustPolicy: row.assumeRolePolicy,
    maxSessionDuration: row.maxSessionDuration,
    permissionsBoundaryArn: row.permissionsBoundaryArn,
    serviceLinkedService: row.serviceLinkedService,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    lastUsedRegion: row.lastUsedRegion,
    version: row.version,
    tags: toTags(tags),
  };
}

export function toRoleListItem(row: RoleRow): RoleListItem {
  return {
    id: row.id,
    name: row.name,
    path: row.path,
    arn: row.arn,
    description: row.description,
    trustPolicy: row.assumeRolePolicy,
    maxSessionDuration: row.maxSessionDuration,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    serviceLinkedService: row.serviceLinkedService,
  };
}

export interface UserRow {
  id: string;
  accountId: string;
  name: string;
  path: string;
  arn: string;
  permissionsBoundaryArn: string | null;
  createdAt: Date;
}

export function toUser(row: UserRow, tags: TagRow[]): IamUser {
  return {
    id: row.id,
    accountId: row.accountId,
    name: row.name,
    path: row.path,
    arn: row.arn,
    permissionsBoundaryArn: row.permissionsBoundaryArn,
    createdAt: row.createdAt,
    tags: toTags(tags),
  };
}
