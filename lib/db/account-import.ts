import type { Tx } from "./client";
import type { Tag } from "@/lib/domain/schemas";
import type { PolicyVersion } from "@/lib/domain/types";
import type { PolicyRecord } from "./policies";

/**
 * Writes an imported account's entities as they were in AWS: their own ids, ARNs, paths, dates, tags and versions.
 * Bulk inserts, in the order foreign keys need. The caller runs it inside one transaction and has checked that
 * nothing it writes exists yet.
 */

/** A managed policy as the store keeps it (lib/db/policies), with every version. */
export interface ImportedPolicy extends PolicyRecord {
  versions: PolicyVersion[];
}

interface ImportedPrincipal {
  id: string;
  name: string;
  path: string;
  arn: string;
  createdAt: Date;
  inline: { name: string; document: string }[];
  attachedPolicyIds: string[];
}

export interface ImportedUser extends ImportedPrincipal {
  permissionsBoundaryArn: string | null;
  tags: Tag[];
  groupIds: string[];
}

export type ImportedGroup = ImportedPrincipal;

export interface ImportedRole extends ImportedPrincipal {
  trustPolicy: string;
  permissionsBoundaryArn: string | null;
  serviceLinkedService: string | null;
  lastUsedAt: Date | null;
  lastUsedRegion: string | null;
  tags: Tag[];
  instanceProfiles: { id: string; name: string; path: string; arn: string; createdAt: Date; tags: Tag[] }[];
}

export interface ImportedAccount {
  accountId: string;
  policies: ImportedPolicy[];
  users: ImportedUser[];
  groups: ImportedGroup[];
  roles: ImportedRole[];
}

/** SQLite binds at most 999 parameters per statement; a chunk of rows stays well under it. */
const CHUNK = 60;
async function inChunks<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK));
}

const tagRowsOf = (tags: Tag[]) => tags.map((t, position) => ({ key: t.Key, keyLower: t.Key.toLowerCase(), value: t.Value, position }));
const versionNumber = (versionId: string) => Number(versionId.slice(1));

/** Which of these ids and ARNs the store already holds, any kind, any account. */
export async function findExistingEntities(tx: Tx, ids: string[], arns: string[]): Promise<string[]> {
  const found: string[] = [];
  const lookups = [tx.role, tx.iamUser, tx.iamGroup, tx.managedPolicy, tx.instanceProfile] as unknown as {
    findMany(q: { where: object; select: { arn: true } }): Promise<{ arn: string }[]>;
  }[];
  for (let i = 0; i < Math.max(ids.length, arns.length); i += 400) {
    const where = { OR: [{ id: { in: ids.slice(i, i + 400) } }, { arn: { in: arns.slice(i, i + 400) } }] };
    for (const table of lookups) found.push(...(await table.findMany({ where, select: { arn: true } })).map((r) => r.arn));
  }
  return [...new Set(found)];
}

/** Ids of the AWS managed policies the store already has, by ARN. */
export async function findAwsManagedPolicyIds(tx: Tx, arns: string[]): Promise<Map<string, string>> {
  const rows: { id: string; arn: string }[] = [];
  for (let i = 0; i < arns.length; i += 400) rows.push(...(await tx.managedPolicy.findMany({ where: { arn: { in: arns.slice(i, i + 400) } }, select: { id: true, arn: true } })));
  return new Map(rows.map((r) => [r.arn, r.id]));
}

export async function writeImportedAccount(tx: Tx, a: ImportedAccount): Promise<void> {
  const accountId = a.accountId;
  await tx.account.upsert({ where: { id: accountId }, create: { id: accountId }, update: {} });

  await inChunks(a.policies, (chunk) =>
    tx.managedPolicy.createMany({
      data: chunk.map(({ versions: _versions, ...p }) => ({ ...p, nameLower: p.name.toLowerCase() })),
    }),
  );
  await inChunks(
    a.policies.flatMap((p) => p.versions.map((v) => ({ policyId: p.id, versionId: v.versionId, number: versionNumber(v.versionId), document: v.document, isDefault: v.isDefault, createdAt: v.createdAt }))),
    (chunk) => tx.policyVersion.createMany({ data: chunk }),
  );

  const base = (p: ImportedPrincipal) => ({ id: p.id, accountId, name: p.name, nameLower: p.name.toLowerCase(), path: p.path, arn: p.arn, createdAt: p.createdAt });
  await inChunks(a.users, (chunk) => tx.iamUser.createMany({ data: chunk.map((u) => ({ ...base(u), permissionsBoundaryArn: u.permissionsBoundaryArn })) }));
  await inChunks(a.groups, (chunk) => tx.iamGroup.createMany({ data: chunk.map(base) }));
  await inChunks(a.roles, (chunk) =>
    tx.role.createMany({
      data: chunk.map((r) => ({
        ...base(r),
        assumeRolePolicy: r.trustPolicy,
        permissionsBoundaryArn: r.permissionsBoundaryArn,
        serviceLinkedService: r.serviceLinkedService,
        lastUsedAt: r.lastUsedAt,
        lastUsedRegion: r.lastUsedRegion,
      })),
    }),
  );

  await inChunks(a.users.flatMap((u) => tagRowsOf(u.tags).map((t) => ({ userId: u.id, ...t }))), (chunk) => tx.userTag.createMany({ data: chunk }));
  await inChunks(a.roles.flatMap((r) => tagRowsOf(r.tags).map((t) => ({ roleId: r.id, ...t }))), (chunk) => tx.roleTag.createMany({ data: chunk }));
  await inChunks(a.users.flatMap((u) => u.inline.map((p) => ({ userId: u.id, ...p }))), (chunk) => tx.userInlinePolicy.createMany({ data: chunk }));
  await inChunks(a.groups.flatMap((g) => g.inline.map((p) => ({ groupId: g.id, ...p }))), (chunk) => tx.groupInlinePolicy.createMany({ data: chunk }));
  await inChunks(a.roles.flatMap((r) => r.inline.map((p) => ({ roleId: r.id, ...p }))), (chunk) => tx.roleInlinePolicy.createMany({ data: chunk }));
  await inChunks(a.users.flatMap((u) => u.attachedPolicyIds.map((policyId) => ({ userId: u.id, policyId }))), (chunk) => tx.userPolicyAttachment.createMany({ data: chunk }));
  await inChunks(a.groups.flatMap((g) => g.attachedPolicyIds.map((policyId) => ({ groupId: g.id, policyId }))), (chunk) => tx.groupPolicyAttachment.createMany({ data: chunk }));
  await inChunks(a.roles.flatMap((r) => r.attachedPolicyIds.map((policyId) => ({ roleId: r.id, policyId }))), (chunk) => tx.rolePolicyAttachment.createMany({ data: chunk }));
  await inChunks(a.users.flatMap((u) => u.groupIds.map((groupId) => ({ groupId, userId: u.id }))), (chunk) => tx.groupMembership.createMany({ data: chunk }));

  const profiles = a.roles.flatMap((r) => r.instanceProfiles.map((p) => ({ ...p, roleId: r.id })));
  await inChunks(profiles, (chunk) =>
    tx.instanceProfile.createMany({ data: chunk.map(({ tags: _tags, ...p }) => ({ ...p, accountId, nameLower: p.name.toLowerCase() })) }),
  );
  await inChunks(profiles.flatMap((p) => tagRowsOf(p.tags).map((t) => ({ profileId: p.id, ...t }))), (chunk) => tx.instanceProfileTag.createMany({ data: chunk }));
}
