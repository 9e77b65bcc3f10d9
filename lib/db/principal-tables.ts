import { PRINCIPAL_KINDS, PRINCIPAL_RULES, type PrincipalKind } from "@/lib/domain/principal-kinds";
import type { Tag } from "@/lib/domain/schemas";
import type { AttachedPolicy, InlinePolicy, PrincipalPolicies } from "@/lib/domain/types";
import type { Tx } from "./client";

/**
 * The policies, tags and boundary of every principal kind, written once. Each kind keeps its rows in its own
 * tables (RoleInlinePolicy, UserInlinePolicy, GroupInlinePolicy, …) with the same columns; the kind's entry below
 * names them, so a new kind is a new entry, not a copy of these queries.
 */
interface PrincipalTables {
  principal: "role" | "iamUser" | "iamGroup";
  inline: "roleInlinePolicy" | "userInlinePolicy" | "groupInlinePolicy";
  attachment: "rolePolicyAttachment" | "userPolicyAttachment" | "groupPolicyAttachment";
  /** Absent for kinds without tags (groups). */
  tag?: "roleTag" | "userTag";
  /** The column of the child tables that holds the principal's id. */
  owner: "roleId" | "userId" | "groupId";
  /** ManagedPolicy's relation to this kind's attachment rows. */
  attachedTo: "roleAttachments" | "userAttachments" | "groupAttachments";
  /** Roles carry a version that editors compare (optimistic concurrency); a change to them bumps it. */
  versioned: boolean;
  /** The relation to the groups a principal of this kind belongs to, whose policies are its own too (users). */
  memberships?: "groupMemberships";
}

const TABLES: Record<PrincipalKind, PrincipalTables> = {
  role: { principal: "role", inline: "roleInlinePolicy", attachment: "rolePolicyAttachment", tag: "roleTag", owner: "roleId", attachedTo: "roleAttachments", versioned: true },
  user: { principal: "iamUser", inline: "userInlinePolicy", attachment: "userPolicyAttachment", tag: "userTag", owner: "userId", attachedTo: "userAttachments", versioned: false, memberships: "groupMemberships" },
  group: { principal: "iamGroup", inline: "groupInlinePolicy", attachment: "groupPolicyAttachment", owner: "groupId", attachedTo: "groupAttachments", versioned: false },
};

type Where = Record<string, unknown>;

/**
 * What these queries use of a Prisma model delegate. Delegates differ per model only in their row types, which
 * TypeScript cannot unify across models, so each is viewed through this shape; the rows are typed at each call.
 */
interface Table<Row> {
  findMany(args: { where: Where; orderBy?: Where; include?: Where; select?: Where; skip?: number; take?: number }): Promise<Row[]>;
  groupBy(args: { by: string[]; where: Where; _count: { _all: true } }): Promise<(Row & { _count: { _all: number } })[]>;
  findUnique(args: { where: Where; include?: Where; select?: Where }): Promise<Row | null>;
  count(args: { where: Where }): Promise<number>;
  create(args: { data: Where }): Promise<unknown>;
  createMany(args: { data: Where[] }): Promise<unknown>;
  upsert(args: { where: Where; create: Where; update: Where }): Promise<unknown>;
  update(args: { where: Where; data: Where }): Promise<unknown>;
  deleteMany(args: { where: Where }): Promise<{ count: number }>;
}

type Model = PrincipalTables["principal" | "inline" | "attachment"] | NonNullable<PrincipalTables["tag"]>;
const table = <Row>(tx: Tx, model: Model) => tx[model] as unknown as Table<Row>;

/** The tag table of a kind that has tags; asking for another's is a bug in the caller, not bad input. */
function tagTable(kind: PrincipalKind) {
  const t = TABLES[kind].tag;
  if (!t) throw new Error(`IAM ${kind}s have no tags`);
  return t;
}

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
  if (!PRINCIPAL_RULES[kind].boundary) throw new Error(`IAM ${kind}s have no permissions boundary`);
  await table(tx, t.principal).update({ where: { id }, data: { permissionsBoundaryArn: arn, ...bump(t) } });
}

export async function replaceTags(tx: Tx, kind: PrincipalKind, id: string, tags: Tag[]): Promise<void> {
  const t = TABLES[kind];
  await table(tx, tagTable(kind)).deleteMany({ where: { [t.owner]: id } });
  await table(tx, tagTable(kind)).createMany({ data: tagRows(tags).map((row) => ({ [t.owner]: id, ...row })) });
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

/**
 * A principal's policies as evaluation needs them (lib/domain/types): the default version of every attached managed
 * policy, every inline policy, and the permissions boundary's default version. A user's are followed by the managed
 * and inline policies of every group it belongs to (by group name), each saying which group it came from: IAM
 * evaluates them as the user's own, within the user's boundary. A role's sessions are evaluated with the role's.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_groups.html
 */
export type { PrincipalPolicies };

interface HeldPolicies {
  inlinePolicies: { name: string; document: string }[];
  attachedPolicies: { policy: { name: string; arn: string; versions: { document: string }[] } }[];
}

interface PolicyRow extends HeldPolicies {
  id: string;
  accountId: string;
  name: string;
  arn: string;
  permissionsBoundaryArn?: string | null;
  tags?: { key: string; value: string }[];
  groupMemberships?: { group: HeldPolicies & { name: string; arn: string } }[];
}

const defaultVersion = { versions: { where: { isDefault: true }, select: { document: true } } };
const heldPolicies = {
  inlinePolicies: { orderBy: { name: "asc" } },
  attachedPolicies: { orderBy: { attachedAt: "asc" }, include: { policy: { select: { name: true, arn: true, ...defaultVersion } } } },
};

/** What evaluation needs of a principal row of this kind: policies, tags, and its groups' policies. */
function withPolicies(kind: PrincipalKind) {
  const t = TABLES[kind];
  return {
    ...heldPolicies,
    ...(t.tag ? { tags: { orderBy: { position: "asc" } } } : {}),
    ...(t.memberships
      ? { [t.memberships]: { orderBy: { group: { nameLower: "asc" } }, include: { group: { select: { name: true, arn: true, ...heldPolicies } } } } }
      : {}),
  };
}

/** Managed first (in attachment order), then inline (by name), as ListAttached…/List…Policies list them. */
/**
 * One copy of each document text: the store returns a managed or group policy's document once per principal holding
 * it, and a whole-store load (who can assume what) would otherwise keep thousands of copies of the same text.
 */
type Texts = Map<string, string>;
const one = (texts: Texts, text: string) => texts.get(text) ?? (texts.set(text, text), text);

function policiesOf(held: HeldPolicies, texts: Texts, group?: { name: string; arn: string }): PrincipalPolicies["identity"] {
  const from = group ? { group } : {};
  return [
    ...held.attachedPolicies.flatMap(({ policy }) => (policy.versions.length > 0 ? [{ name: policy.name, arn: policy.arn, document: one(texts, policy.versions[0].document), ...from }] : [])),
    ...held.inlinePolicies.map((p) => ({ name: p.name, document: one(texts, p.document), ...from })),
  ];
}

function toPrincipalPolicies(row: PolicyRow, boundaries: Map<string, string | null>, texts: Texts = new Map()): PrincipalPolicies {
  return {
    id: row.id,
    accountId: row.accountId,
    name: row.name,
    arn: row.arn,
    tags: (row.tags ?? []).map((t) => ({ Key: t.key, Value: t.value })),
    identity: [...policiesOf(row, texts), ...(row.groupMemberships ?? []).flatMap(({ group }) => policiesOf(group, texts, { name: group.name, arn: group.arn }))],
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
  const row = await table<PolicyRow>(tx, TABLES[kind].principal).findUnique({ where: by, include: withPolicies(kind) });
  return row ? toPrincipalPolicies(row, await boundariesOf(tx, [row])) : null;
}

/**
 * The policies of every principal of a kind in an account, for analyses that evaluate many principals at once
 * (who may pass a role): two queries whatever the number of principals.
 */
export async function loadAccountPrincipalPolicies(tx: Tx, kind: PrincipalKind, accountId: string): Promise<PrincipalPolicies[]> {
  return loadPrincipalPolicyRows(tx, kind, { accountId });
}

/**
 * The policies of every principal of a kind in the store, every account (who can assume what), with the trust
 * policy of each role; with `only`, of just the principals with those ids or ARNs (after a change).
 */
export async function loadStorePrincipalPolicies(tx: Tx, kind: "user", only?: PrincipalRefs): Promise<PrincipalPolicies[]>;
export async function loadStorePrincipalPolicies(tx: Tx, kind: "role", only?: PrincipalRefs): Promise<(PrincipalPolicies & { trustPolicy: string })[]>;
export async function loadStorePrincipalPolicies(tx: Tx, kind: "user" | "role", only?: PrincipalRefs) {
  const where = only ? { OR: [{ id: { in: only.ids } }, { arn: { in: only.arns } }] } : {};
  const rows = await loadPrincipalPolicyRows(tx, kind, where);
  if (kind === "user") return rows;
  const trust = await tx.role.findMany({ where: only ? { id: { in: rows.map((r) => r.id) } } : {}, select: { id: true, assumeRolePolicy: true } });
  const byId = new Map(trust.map((r) => [r.id, r.assumeRolePolicy]));
  return rows.map((r) => ({ ...r, trustPolicy: byId.get(r.id) ?? "" }));
}

/** Principals by unique id or ARN: at most a few thousand (each is a statement parameter). */
export interface PrincipalRefs {
  ids: string[];
  arns: string[];
}

// Rows per query: Prisma loads each included relation with one `IN (…)` of the parents' ids, and SQLite refuses a
// statement with more parameters than its limit (P2029), which an imported account of 10,000 roles exceeds.
const ROWS_PER_QUERY = 500;

async function loadPrincipalPolicyRows(tx: Tx, kind: PrincipalKind, where: Where): Promise<PrincipalPolicies[]> {
  const rows: PolicyRow[] = [];
  for (;;) {
    // Each page starts after the last id (an OFFSET would make the store skip every earlier row again).
    const after = rows.length ? { AND: [where, { id: { gt: rows[rows.length - 1].id } }] } : where;
    const page = await table<PolicyRow>(tx, TABLES[kind].principal).findMany({ where: after, orderBy: { id: "asc" }, take: ROWS_PER_QUERY, include: withPolicies(kind) });
    rows.push(...page);
    if (page.length < ROWS_PER_QUERY) break;
  }
  rows.sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : a.name.toLowerCase() > b.name.toLowerCase() ? 1 : 0));
  const boundaries = await boundariesOf(tx, rows);
  const texts: Texts = new Map();
  return rows.map((r) => toPrincipalPolicies(r, boundaries, texts));
}

// ---------------------------------------------------------------------------------------------------------------
// A managed policy's use, over every kind: IAM's AttachmentCount, PermissionsBoundaryUsageCount and
// ListEntitiesForPolicy count and list the roles, users and groups of the caller's account.

/** Prisma's `where` on ManagedPolicy for "attached to some entity of the account" (ListPolicies OnlyAttached). */
export const attachedInAccount = (accountId: string) => ({
  OR: PRINCIPAL_KINDS.map((kind) => ({ [TABLES[kind].attachedTo]: { some: { [kind]: { accountId } } } })),
});

/** How many entities of the account each of the policies is attached to, one grouped query per kind. */
export async function countAttachments(tx: Tx, policyIds: string[], accountId: string): Promise<Map<string, number>> {
  const perKind = await Promise.all(
    PRINCIPAL_KINDS.map((kind) =>
      table<{ policyId: string }>(tx, TABLES[kind].attachment).groupBy({ by: ["policyId"], where: { policyId: { in: policyIds }, [kind]: { accountId } }, _count: { _all: true } }),
    ),
  );
  return sumCounts(perKind.flat().map((r) => [r.policyId, r._count._all]));
}

/** How many entities of the account use each of the policies as their permissions boundary. */
export async function countBoundaryUses(tx: Tx, policyArns: string[], accountId: string): Promise<Map<string, number>> {
  const perKind = await Promise.all(
    PRINCIPAL_KINDS.filter((k) => PRINCIPAL_RULES[k].boundary).map((kind) =>
      table<{ permissionsBoundaryArn: string }>(tx, TABLES[kind].principal).groupBy({
        by: ["permissionsBoundaryArn"],
        where: { accountId, permissionsBoundaryArn: { in: policyArns } },
        _count: { _all: true },
      }),
    ),
  );
  return sumCounts(perKind.flat().map((r) => [r.permissionsBoundaryArn, r._count._all]));
}

function sumCounts(entries: [string, number][]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [key, n] of entries) counts.set(key, (counts.get(key) ?? 0) + n);
  return counts;
}

/** The entities of the account a policy is attached to, by kind, in the order they were attached. */
export async function listAttachedEntities(tx: Tx, policyId: string, accountId: string): Promise<Record<PrincipalKind, { name: string; id: string }[]>> {
  const perKind = await Promise.all(
    PRINCIPAL_KINDS.map(async (kind) => {
      const rows = await table<Record<string, { name: string; id: string }>>(tx, TABLES[kind].attachment).findMany({
        where: { policyId, [kind]: { accountId } },
        include: { [kind]: { select: { name: true, id: true } } },
        orderBy: { attachedAt: "asc" },
      });
      return [kind, rows.map((r) => r[kind])] as const;
    }),
  );
  return Object.fromEntries(perKind) as Record<PrincipalKind, { name: string; id: string }[]>;
}
