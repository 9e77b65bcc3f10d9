import type { Tx } from "./client";
import { toRole, toRoleListItem, toTags, toUser } from "./mappers";
import { toManagedPolicies } from "./policies";
import type { AttachedPolicy, IamGroup, IamUser, InlinePolicy, InstanceProfile, ManagedPolicy, PolicyVersion, Role } from "@/lib/domain/types";

/**
 * An account's users, groups, roles and managed policies with everything attached to them, for
 * GetAccountAuthorizationDetails: a page at a time, a handful of queries per page rather than several per entity.
 */

export interface UserDetail {
  user: IamUser;
  inline: InlinePolicy[];
  attached: AttachedPolicy[];
  groups: string[];
}

export interface GroupDetail {
  group: IamGroup;
  inline: InlinePolicy[];
  attached: AttachedPolicy[];
}

export interface RoleDetail {
  role: Role;
  inline: InlinePolicy[];
  attached: AttachedPolicy[];
  instanceProfiles: InstanceProfile[];
}

export interface PolicyDetail {
  policy: ManagedPolicy;
  versions: PolicyVersion[];
}

/** The four sections of GetAccountAuthorizationDetails' sequence, in its order. */
export const AUTHORIZATION_SECTIONS = ["user", "group", "role", "policy"] as const;
export type AuthorizationSection = (typeof AUTHORIZATION_SECTIONS)[number];

/** A position in the sequence: after the entity of this section with this lowercased name and id. */
export interface AuthorizationKey {
  section: AuthorizationSection;
  nameLower: string;
  id: string;
}

export type AuthorizationRow =
  | { section: "user"; key: AuthorizationKey; detail: UserDetail }
  | { section: "group"; key: AuthorizationKey; detail: GroupDetail }
  | { section: "role"; key: AuthorizationKey; detail: RoleDetail }
  | { section: "policy"; key: AuthorizationKey; detail: PolicyDetail };

export interface AuthorizationPageRequest {
  /** The sections to read; for policies, which scopes (customer managed, AWS managed). */
  sections: Set<AuthorizationSection>;
  policies: { local: boolean; aws: boolean };
  after?: AuthorizationKey;
  limit: number;
}

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);
const inlineOf = (rows: { name: string; document: string }[]): InlinePolicy[] =>
  rows.map((p) => ({ name: p.name, document: p.document })).sort(byName);
const attachedOf = (rows: { policy: { name: string; arn: string; path: string } }[]): AttachedPolicy[] =>
  rows.map((a) => ({ policyName: a.policy.name, policyArn: a.policy.arn, path: a.policy.path })).sort((a, b) => a.policyName.localeCompare(b.policyName));
const attachedPolicy = { include: { policy: { select: { name: true, arn: true, path: true } } } } as const;

// Prisma reads an included relation with one `IN (…)` of the parents' ids, which SQLite caps (P2029): a page of up
// to 1,000 entities is read in slices of this many.
const SLICE = 500;
const ORDER = [{ nameLower: "asc" }, { id: "asc" }] as const;

/** Rows after the key in (nameLower, id) order: the order is total, so a page boundary never repeats or skips one. */
const afterKey = (after: AuthorizationKey | undefined) =>
  after ? { OR: [{ nameLower: { gt: after.nameLower } }, { nameLower: after.nameLower, id: { gt: after.id } }] } : {};

async function userRows(tx: Tx, where: object, take: number): Promise<AuthorizationRow[]> {
  const rows = await tx.iamUser.findMany({
    where,
    orderBy: [...ORDER],
    take,
    include: { tags: true, inlinePolicies: true, attachedPolicies: attachedPolicy, groupMemberships: { include: { group: { select: { name: true } } } } },
  });
  return rows.map((u) => ({
    section: "user",
    key: { section: "user", nameLower: u.nameLower, id: u.id },
    detail: { user: toUser(u, u.tags), inline: inlineOf(u.inlinePolicies), attached: attachedOf(u.attachedPolicies), groups: u.groupMemberships.map((m) => m.group.name).sort() },
  }));
}

async function groupRows(tx: Tx, where: object, take: number): Promise<AuthorizationRow[]> {
  const rows = await tx.iamGroup.findMany({ where, orderBy: [...ORDER], take, include: { inlinePolicies: true, attachedPolicies: attachedPolicy } });
  return rows.map((g) => ({
    section: "group",
    key: { section: "group", nameLower: g.nameLower, id: g.id },
    detail: {
      group: { id: g.id, accountId: g.accountId, name: g.name, path: g.path, arn: g.arn, createdAt: g.createdAt },
      inline: inlineOf(g.inlinePolicies),
      attached: attachedOf(g.attachedPolicies),
    },
  }));
}

async function roleRows(tx: Tx, where: object, take: number): Promise<AuthorizationRow[]> {
  const rows = await tx.role.findMany({
    where,
    orderBy: [...ORDER],
    take,
    include: { tags: true, inlinePolicies: true, attachedPolicies: attachedPolicy, instanceProfiles: { include: { tags: true } } },
  });
  return rows.map((r) => ({
    section: "role",
    key: { section: "role", nameLower: r.nameLower, id: r.id },
    detail: {
      role: toRole(r, r.tags),
      inline: inlineOf(r.inlinePolicies),
      attached: attachedOf(r.attachedPolicies),
      instanceProfiles: r.instanceProfiles.map((p) => ({
        id: p.id,
        accountId: p.accountId,
        name: p.name,
        path: p.path,
        arn: p.arn,
        createdAt: p.createdAt,
        roles: [toRoleListItem(r)],
        tags: toTags(p.tags),
      })),
    },
  }));
}

async function policyRows(tx: Tx, accountId: string, where: object, take: number): Promise<AuthorizationRow[]> {
  const records = await tx.managedPolicy.findMany({ where, orderBy: [...ORDER], take });
  const [policies, versionRows] = await Promise.all([
    toManagedPolicies(tx, records, accountId),
    tx.policyVersion.findMany({ where: { policyId: { in: records.map((p) => p.id) } }, orderBy: { number: "desc" } }),
  ]);
  return policies.map((policy, i) => ({
    section: "policy",
    key: { section: "policy", nameLower: records[i].nameLower, id: policy.id },
    detail: {
      policy,
      versions: versionRows
        .filter((v) => v.policyId === policy.id)
        .map((v) => ({ versionId: v.versionId, document: v.document, isDefault: v.isDefault, createdAt: v.createdAt })),
    },
  }));
}

/** Customer managed policies of the account, and the AWS managed policies one of its entities has attached. */
function policyScope(accountId: string, wanted: AuthorizationPageRequest["policies"]) {
  const aws = {
    scope: "aws",
    OR: [
      { roleAttachments: { some: { role: { accountId } } } },
      { userAttachments: { some: { user: { accountId } } } },
      { groupAttachments: { some: { group: { accountId } } } },
    ],
  };
  return { OR: [...(wanted.local ? [{ accountId }] : []), ...(wanted.aws ? [aws] : [])] };
}

/**
 * One page of GetAccountAuthorizationDetails' sequence (users, groups, roles, then managed policies, each by name)
 * from the store: only the page's entities are read, the ones after `after`, plus whether any entity follows.
 */
export async function loadAuthorizationPage(tx: Tx, accountId: string, request: AuthorizationPageRequest): Promise<{ rows: AuthorizationRow[]; more: boolean }> {
  const rows: AuthorizationRow[] = [];
  const start = request.after ? AUTHORIZATION_SECTIONS.indexOf(request.after.section) : 0;
  for (const section of AUTHORIZATION_SECTIONS.slice(start)) {
    if (!request.sections.has(section)) continue;
    let after = request.after?.section === section ? request.after : undefined;
    for (;;) {
      // One row past the page tells whether the sequence goes on.
      const take = Math.min(SLICE, request.limit + 1 - rows.length);
      if (take <= 0) break;
      const where = { AND: [section === "policy" ? policyScope(accountId, request.policies) : { accountId }, afterKey(after)] };
      const slice =
        section === "user" ? await userRows(tx, where, take)
        : section === "group" ? await groupRows(tx, where, take)
        : section === "role" ? await roleRows(tx, where, take)
        : await policyRows(tx, accountId, where, take);
      rows.push(...slice);
      if (slice.length < take) break;
      after = slice[slice.length - 1].key;
    }
  }
  const more = rows.length > request.limit;
  return { rows: rows.slice(0, request.limit), more };
}
