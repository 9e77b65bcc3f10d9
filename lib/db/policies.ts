import type { Tx } from "./client";
import { pageOf } from "./pagination";
import { nullsFirstAscending, thenByName } from "./sorting";
import type { PolicySort, SortOrder } from "@/lib/domain/list-sorts";
import type { ManagedPolicy, PolicyEntities, PolicyVersion } from "@/lib/domain/types";
import type { Tag } from "@/lib/domain/schemas";
import { toTags } from "./mappers";
import { tagRows } from "./principal-tables";

/** Managed policies: the AWS-managed catalogue (scope "aws") and customer policies (scope = account id). */

export interface PolicyRecord {
  id: string;
  accountId: string | null;
  scope: string;
  name: string;
  path: string;
  arn: string;
  description: string | null;
  defaultVersionId: string;
  isAttachable: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export async function findPolicyByArn(tx: Tx, arn: string): Promise<PolicyRecord | null> {
  return tx.managedPolicy.findUnique({ where: { arn } });
}

export async function findPolicyByName(tx: Tx, scope: string, name: string): Promise<PolicyRecord | null> {
  return tx.managedPolicy.findUnique({ where: { scope_nameLower: { scope, nameLower: name.toLowerCase() } } });
}

const IN_LIST_LIMIT = 400;

/**
 * Policies as account `accountId` sees them. AWS-managed policies are shared by every account, but IAM's
 * AttachmentCount and PermissionsBoundaryUsageCount count only the caller's own entities (as the entities list
 * does). A page of policies costs five queries per 400 policies.
 */
export async function toManagedPolicies(tx: Tx, records: PolicyRecord[], accountId: string): Promise<ManagedPolicy[]> {
  // A ListPolicies page may hold 1,000 policies; SQLite takes at most 999 bound parameters in one statement.
  if (records.length > IN_LIST_LIMIT) {
    const out: ManagedPolicy[] = [];
    for (let i = 0; i < records.length; i += IN_LIST_LIMIT) out.push(...(await toManagedPolicies(tx, records.slice(i, i + IN_LIST_LIMIT), accountId)));
    return out;
  }
  const ids = records.map((p) => p.id);
  const arns = records.map((p) => p.arn);
  const [roles, users, roleBoundaries, userBoundaries, tags] = await Promise.all([
    tx.rolePolicyAttachment.groupBy({ by: ["policyId"], where: { policyId: { in: ids }, role: { accountId } }, _count: { _all: true } }),
    tx.userPolicyAttachment.groupBy({ by: ["policyId"], where: { policyId: { in: ids }, user: { accountId } }, _count: { _all: true } }),
    tx.role.groupBy({ by: ["permissionsBoundaryArn"], where: { accountId, permissionsBoundaryArn: { in: arns } }, _count: { _all: true } }),
    tx.iamUser.groupBy({ by: ["permissionsBoundaryArn"], where: { accountId, permissionsBoundaryArn: { in: arns } }, _count: { _all: true } }),
    tx.policyTag.findMany({ where: { policyId: { in: ids } } }),
  ]);
  const countOf = <K extends string>(rows: ({ _count: { _all: number } } & Record<K, string | null>)[], key: K) =>
    new Map(rows.map((r) => [r[key], r._count._all]));
  const [roleCounts, userCounts] = [countOf(roles, "policyId"), countOf(users, "policyId")];
  const [roleBoundaryCounts, userBoundaryCounts] = [countOf(roleBoundaries, "permissionsBoundaryArn"), countOf(userBoundaries, "permissionsBoundaryArn")];
  return records.map((p) => ({
    id: p.id,
    name: p.name,
    path: p.path,
    arn: p.arn,
    description: p.description,
    defaultVersionId: p.defaultVersionId,
    attachmentCount: (roleCounts.get(p.id) ?? 0) + (userCounts.get(p.id) ?? 0),
    permissionsBoundaryUsageCount: (roleBoundaryCounts.get(p.arn) ?? 0) + (userBoundaryCounts.get(p.arn) ?? 0),
    isAttachable: p.isAttachable,
    awsManaged: p.scope === "aws",
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    tags: toTags(tags.filter((t) => t.policyId === p.id)),
  }));
}

export async function toManagedPolicy(tx: Tx, p: PolicyRecord, accountId: string): Promise<ManagedPolicy> {
  return (await toManagedPolicies(tx, [p], accountId))[0];
}

export interface NewPolicy {
  tags: Tag[];
  id: string;
  accountId: string | null;
  name: string;
  path: string;
  arn: string;
  description: string | null;
  document: string;
}

export async function insertPolicy(tx: Tx, p: NewPolicy): Promise<PolicyRecord> {
  return tx.managedPolicy.create({
    data: {
      id: p.id,
      accountId: p.accountId,
      scope: p.accountId ?? "aws",
      name: p.name,
      nameLower: p.name.toLowerCase(),
      path: p.path,
      arn: p.arn,
      description: p.description,
      defaultVersionId: "v1",
      versions: { create: { versionId: "v1", number: 1, document: p.document, isDefault: true } },
      tags: { create: tagRows(p.tags) },
    },
  });
}

export interface PolicyQuery {
  accountId: string;
  scope: "All" | "AWS" | "Local";
  onlyAttached?: boolean;
  pathPrefix?: string;
  search?: string;
  sort?: PolicySort;
  order?: SortOrder;
  offset: number;
  maxItems: number;
}

export async function listPolicyRecords(tx: Tx, q: PolicyQuery) {
  const scopes = q.scope === "AWS" ? ["aws"] : q.scope === "Local" ? [q.accountId] : ["aws", q.accountId];
  const where = {
    scope: { in: scopes },
    ...(q.pathPrefix ? { path: { startsWith: q.pathPrefix } } : {}),
    ...(q.search ? { nameLower: { contains: q.search.toLowerCase() } } : {}),
    ...(q.onlyAttached
      ? { OR: [{ roleAttachments: { some: { role: { accountId: q.accountId } } } }, { userAttachments: { some: { user: { accountId: q.accountId } } } }] }
      : {}),
  };
  const order = q.order ?? "asc";
  // AWS managed policies have no account, so "type" orders by that. A customer policy may share its name with an
  // AWS managed one, so the ARN settles what the name leaves tied.
  const orderBy = [...thenByName(order, q.sort === "type" ? { accountId: nullsFirstAscending(order) } : undefined), { arn: "asc" as const }];
  const [rows, total] = await Promise.all([
    tx.managedPolicy.findMany({ where, orderBy, skip: q.offset, take: q.maxItems + 1 }),
    tx.managedPolicy.count({ where }),
  ]);
  return { ...pageOf(rows, q.offset, q.maxItems), total };
}

export async function listVersions(tx: Tx, policyId: string): Promise<PolicyVersion[]> {
  const rows = await tx.policyVersion.findMany({ where: { policyId }, orderBy: { number: "desc" } });
  return rows.map((v) => ({ versionId: v.versionId, document: v.document, isDefault: v.isDefault, createdAt: v.createdAt }));
}

export async function findVersion(tx: Tx, policyId: string, versionId: string): Promise<PolicyVersion | null> {
  const v = await tx.policyVersion.findUnique({ where: { policyId_versionId: { policyId, versionId } } });
  return v ? { versionId: v.versionId, document: v.document, isDefault: v.isDefault, createdAt: v.createdAt } : null;
}

/** Version ids are never reused: the next is one past the highest ever issued for this policy. */
export async function insertVersion(tx: Tx, policyId: string, document: string, setAsDefault: boolean) {
  const top = await tx.policyVersion.aggregate({ where: { policyId }, _max: { number: true } });
  const number = (top._max.number ?? 0) + 1;
  const versionId = `v${number}`;
  if (setAsDefault) await tx.policyVersion.updateMany({ where: { policyId }, data: { isDefault: false } });
  const v = await tx.policyVersion.create({ data: { policyId, versionId, number, document, isDefault: setAsDefault } });
  if (setAsDefault) await tx.managedPolicy.update({ where: { id: policyId }, data: { defaultVersionId: versionId, updatedAt: new Date() } });
  return { versionId, document, isDefault: setAsDefault, createdAt: v.createdAt } satisfies PolicyVersion;
}

export async function setDefaultVersion(tx: Tx, policyId: string, versionId: string) {
  await tx.policyVersion.updateMany({ where: { policyId }, data: { isDefault: false } });
  await tx.policyVersion.update({ where: { policyId_versionId: { policyId, versionId } }, data: { isDefault: true } });
  await tx.managedPolicy.update({ where: { id: policyId }, data: { defaultVersionId: versionId, updatedAt: new Date() } });
}

export async function deleteVersionRow(tx: Tx, policyId: string, versionId: string) {
  await tx.policyVersion.delete({ where: { policyId_versionId: { policyId, versionId } } });
}

export async function deletePolicyRow(tx: Tx, policyId: string) {
  await tx.managedPolicy.delete({ where: { id: policyId } });
}

/** Entities in other accounts may attach AWS-managed policies; each account sees only its own. */
export async function listPolicyEntities(tx: Tx, policyId: string, accountId: string): Promise<PolicyEntities> {
  const [roles, users] = await Promise.all([
    tx.rolePolicyAttachment.findMany({ where: { policyId, role: { accountId } }, include: { role: { select: { name: true, id: true } } } }),
    tx.userPolicyAttachment.findMany({ where: { policyId, user: { accountId } }, include: { user: { select: { name: true, id: true } } } }),
  ]);
  return { roles: roles.map((r) => r.role), users: users.map((u) => u.user) };
}

export async function defaultDocument(tx: Tx, policyId: string): Promise<string | null> {
  const v = await tx.policyVersion.findFirst({ where: { policyId, isDefault: true } });
  return v?.document ?? null;
}

/** The document of a managed policy's default version, or null when the policy is gone. */
export async function defaultVersionDocumentByArn(tx: Tx, arn: string): Promise<{ arn: string; name: string; document: string } | null> {
  const p = await tx.managedPolicy.findUnique({
    where: { arn },
    select: { arn: true, name: true, versions: { where: { isDefault: true }, select: { document: true } } },
  });
  return p && p.versions[0] ? { arn: p.arn, name: p.name, document: p.versions[0].document } : null;
}
