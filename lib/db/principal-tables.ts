import type { PrincipalKind } from "@/lib/domain/principal-kinds";
import type { Tag } from "@/lib/domain/schemas";
import type { AttachedPolicy, InlinePolicy, PrincipalPolicies } from "@/lib/domain/types";
import type { Tx } from "./client";

/**
 * The policies, tags and boundary of every principal kind, written once. Each kind keeps its rows in its own
 * tables (RoleInlinePolicy, UserInlinePolicy, …) with the same columns; the kind's entry below names them, so
 * a new kind is a new entry, not a copy of these queries.
 */
interface PrincipalTables {
  principal: "role" | "iamUser";
  inline: "roleInlinePolicy" | "userInlinePolicy";
  attachment: "rolePolicyAttachment" | "userPolicyAttachment";
  tag: "roleTag" | "userTag";
  /** The column of the child tables that holds the principal's id. */
  owner: "roleId" | "userId";
  /** Roles carry a version that editors compare (optimistic concurrency); a change to them bumps it. */
  versioned: boolean;
}

const TABLES: Record<PrincipalKind, PrincipalTables> = {
  role: { principal: "role", inline: "roleInlinePolicy", attachment: "rolePolicyAttachment", tag: "roleTag", owner: "roleId", versioned: true },
  user: { principal: "iamUser", inline: "userInlinePolicy", attachment: "userPolicyAttachment", tag: "userTag", owner: "userId", versioned: false },
};

type Where = Record<string, unknown>;

/**
 * What these queries use of a Prisma model delegate. Delegates differ per model only in their row types, which
 * TypeScript cannot unify across models, so each is viewed through this shape; the rows are typed at each call.
 */
interface Table<Row> {
  findMany(args: { where: Where; orderBy?: Where; include?: Where }): Promise<Row[]>;
  findUnique(args: { where: Where; include?: Where; select?: Where }): Promise<Row | null>;
  count(args: { where: Where }): Promise<number>;
  create(args: { data: Where }): Promise<unknown>;
  createMany(args: { data: Where[] }): Promise<unknown>;
  upsert(args: { where: Where; create: Where; update: Where }): Promise<unknown>;
  update(args: { where: Where; data: Where }): Promise<unknown>;
  deleteMany(args: { where: Where }): Promise<{ count: number }>;
}

const table = <Row>(tx: Tx, model: PrincipalTables[Exclude<keyof PrincipalTables, "owner" | "versioned">]) =>
  tx[model] as unknown as Table<Row>;

/** The columns every principal's tag rows share: the key is unique per principal ignoring case. */
export const tagRows = (tags: Tag[]) => tags.map((t, i) => ({ key: t.Key, keyLower: t.Key.toLowerCase(), value: t.Value, position: i }));

export async function listInlinePolicies(tx: Tx, kind: PrincipalKind, id: string): Promise<InlinePolicy[]> {
  const t = TABLES[kind];
  const rows = await table<InlinePolicy>(tx, t.inline).findMany({ where: { [t.owner]: id }, orderBy: { name: "asc" } });
  return rows.map((p) => ({ name: p.name, document: p.document }));
}

export async function putInlinePolicy(tx: Tx, kind: PrincipalKind, id: string, name: string, document: string): Promise<void> {
  const t = TABLES[kind];
  await table(tx, t.inline).upsert({
    where: { [`${t.owner}_name`]: { [t.owner]: id, name } },
    create: { [t.owner]: id, name, document },
    update: { document, updatedAt: new Date() },
  });
}

export async function deleteInlinePolicy(tx: Tx, kind: PrincipalKind, id: string, name: string): Promise<boolean> {
  const t = TABLES[kind];
  return (await table(tx, t.inline).deleteMany({ where: { [t.owner]: id, name } })).count > 0;
}

export async function listAttachedPolicies(tx: Tx, kind: PrincipalKind, id: string): Promise<AttachedPolicy[]> {
  const t = TABLES[kind];
  const rows = await table<{ policy: { name: string; arn: string; path: string } }>(tx, t.attachment).findMany({
    where: { [t.owner]: id },
    include: { policy: { select: { name: true, arn: true, path: true } } },
    orderBy: { attachedAt: "asc" },
  });
  return rows.map((r) => ({ policyName: r.policy.name, policyArn: r.policy.arn, path: r.policy.path }));
}

/** Attaching what is already attached changes nothing, as in IAM. */
export async function attachPolicy(tx: Tx, kind: PrincipalKind, id: string, policyId: string): Promise<void> {
  const t = TABLES[kind];
  await table(tx, t.attachment).upsert({
    where: { [`${t.owner}_policyId`]: { [t.owner]: id, policyId } },
    create: { [t.owner]: id, policyId },
    update: {},
  });
}

/** False when the policy was not attached. */
export async function detachPolicy(tx: Tx, kind: PrincipalKind, id: string, policyId: string): Promise<boolean> {
  const t = TABLES[kind];
  return (await table(tx, t.attachment).deleteMany({ where: { [t.owner]: id, policyId } })).count > 0;
}

export async function setBoundary(tx: Tx, kind: PrincipalKind, id: string, arn: string | null): Promise<void> {
  const t = TABLES[kind];
  await table(tx, t.principal).update({ where: { id }, data: { permissionsBoundaryArn: arn, ...bump(t) } });
}

export async function replaceTags(tx: Tx, kind: PrincipalKind, id: string, tags: Tag[]): Promise<void> {
  const t = TABLES[kind];
  await table(tx, t.tag).deleteMany({ where: { [t.owner]: id } });
  await table(tx, t.tag).createMany({ data: tagRows(tags).map((row) => ({ [t.owner]: id, ...row })) });
  if (t.versioned) await table(tx, t.principal).update({ where: { id }, data: bump(t) });
}

/** How many managed and inline policies a principal holds (IAM refuses to delete it while any remain). */
export async function countPolicies(tx: Tx, kind: PrincipalKind, id: string) {
  const t = TABLES[kind];
  const [attached, inline] = await Promise.all([
    table(tx, t.attachment).count({ where: { [t.owner]: id } }),
    table(tx, t.inline).count({ where: { [t.owner]: id } }),
  ]);
  return { attached, inline };
}

export async function deleteAllPolicies(tx: Tx, kind: PrincipalKind, id: string): Promise<void> {
  const t = TABLES[kind];
  await table(tx, t.attachment).deleteMany({ where: { [t.owner]: id } });
  await table(tx, t.inline).deleteMany({ where: { [t.owner]: id } });
}

const bump = (t: PrincipalTables) => (t.versioned ? { version: { increment: 1 } } : {});

/** A principal's policies as evaluation needs them (lib/domain/types); loaded below. */
export type { PrincipalPolicies };

interface PolicyRow {
  id: string;
  accountId: string;
  name: string;
  arn: string;
  permissionsBoundaryArn: string | null;
  tags: { key: string; value: string }[];
  inlinePolicies: { name: string; document: string }[];
  attachedPolicies: { policy: { name: string; arn: string; versions: { document: string }[] } }[];
}

const defaultVersion = { versions: { where: { isDefault: true }, select: { document: true } } };

/** What evaluation needs of a principal row: its tags, inline policies, and attached policies' default versions. */
const withPolicies = {
  tags: { orderBy: { position: "asc" } },
  inlinePolicies: { orderBy: { name: "asc" } },
  attachedPolicies: { orderBy: { attachedAt: "asc" }, include: { policy: { select: { name: true, arn: true, ...defaultVersion } } } },
};

function toPrincipalPolicies(row: PolicyRow, boundaries: Map<string, string | null>): PrincipalPolicies {
  return {
    id: row.id,
    accountId: row.accountId,
    name: row.name,
    arn: row.arn,
    tags: row.tags.map((t) => ({ Key: t.key, Value: t.value })),
    identity: [
      ...row.attachedPolicies.flatMap(({ policy }) => (policy.versions.length > 0 ? [{ name: policy.name, arn: policy.arn, document: policy.versions[0].document }] : [])),
      ...row.inlinePolicies.map((p) => ({ name: p.name, document: p.document })),
    ],
    boundary: row.permissionsBoundaryArn ? { arn: row.permissionsBoundaryArn, document: boundaries.get(row.permissionsBoundaryArn) ?? null } : undefined,
  };
}

/** The default versions of the boundaries the rows name, in one query. */
async function boundariesOf(tx: Tx, rows: PolicyRow[]): Promise<Map<string, string | null>> {
  const arns = [...new Set(rows.flatMap((r) => (r.permissionsBoundaryArn ? [r.permissionsBoundaryArn] : [])))];
  if (arns.length === 0) return new Map();
  const found = await tx.managedPolicy.findMany({ where: { arn: { in: arns } }, select: { arn: true, ...defaultVersion } });
  return new Map(found.map((p) => [p.arn, p.versions[0]?.document ?? null]));
}

/** A principal's policies by unique id (`AIDA…`, `AROA…`) or ARN, or null when it does not exist. */
export async function loadPrincipalPolicies(tx: Tx, kind: PrincipalKind, by: { id: string } | { arn: string }): Promise<PrincipalPolicies | null> {
  const row = await table<PolicyRow>(tx, TABLES[kind].principal).findUnique({ where: by, include: withPolicies });
  return row ? toPrincipalPolicies(row, await boundariesOf(tx, [row])) : null;
}

/**
 * The policies of every principal of a kind in an account, for analyses that evaluate many principals at once
 * (who may pass a role): two queries whatever the number of principals.
 */
export async function loadAccountPrincipalPolicies(tx: Tx, kind: PrincipalKind, accountId: string): Promise<PrincipalPolicies[]> {
  const rows = await table<PolicyRow>(tx, TABLES[kind].principal).findMany({ where: { accountId }, orderBy: { nameLower: "asc" }, include: withPolicies });
  const boundaries = await boundariesOf(tx, rows);
  return rows.map((r) => toPrincipalPolicies(r, boundaries));
}
