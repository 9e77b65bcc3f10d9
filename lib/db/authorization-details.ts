import type { Tx } from "./client";
import { toRole, toRoleListItem, toTags, toUser } from "./mappers";
import { toManagedPolicies } from "./policies";
import type { AttachedPolicy, IamGroup, IamUser, InlinePolicy, InstanceProfile, ManagedPolicy, PolicyVersion, Role } from "@/lib/domain/types";

/**
 * One account's users, groups, roles and managed policies with everything attached to them, read together for
 * GetAccountAuthorizationDetails: a handful of queries for the whole account rather than several per entity.
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

export interface AccountAuthorizationRows {
  users: UserDetail[];
  groups: GroupDetail[];
  roles: RoleDetail[];
  /** Customer managed policies of the account, and the AWS managed policies attached to one of its entities. */
  policies: PolicyDetail[];
}

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);
const inlineOf = (rows: { name: string; document: string }[]): InlinePolicy[] =>
  rows.map((p) => ({ name: p.name, document: p.document })).sort(byName);
const attachedOf = (rows: { policy: { name: string; arn: string; path: string } }[]): AttachedPolicy[] =>
  rows.map((a) => ({ policyName: a.policy.name, policyArn: a.policy.arn, path: a.policy.path })).sort((a, b) => a.policyName.localeCompare(b.policyName));
const attachedPolicy = { include: { policy: { select: { name: true, arn: true, path: true } } } } as const;

export async function loadAccountAuthorizationRows(tx: Tx, accountId: string): Promise<AccountAuthorizationRows> {
  const order = { nameLower: "asc" } as const;
  const [userRows, groupRows, roleRows, policyRecords] = await Promise.all([
    tx.iamUser.findMany({
      where: { accountId },
      orderBy: order,
      include: { tags: true, inlinePolicies: true, attachedPolicies: attachedPolicy, groupMemberships: { include: { group: { select: { name: true } } } } },
    }),
    tx.iamGroup.findMany({ where: { accountId }, orderBy: order, include: { inlinePolicies: true, attachedPolicies: attachedPolicy } }),
    tx.role.findMany({
      where: { accountId },
      orderBy: order,
      include: { tags: true, inlinePolicies: true, attachedPolicies: attachedPolicy, instanceProfiles: { include: { tags: true } } },
    }),
    tx.managedPolicy.findMany({
      where: {
        OR: [
          { accountId },
          {
            scope: "aws",
            OR: [
              { roleAttachments: { some: { role: { accountId } } } },
              { userAttachments: { some: { user: { accountId } } } },
              { groupAttachments: { some: { group: { accountId } } } },
            ],
          },
        ],
      },
      orderBy: order,
    }),
  ]);
  const [policies, versionRows] = await Promise.all([
    toManagedPolicies(tx, policyRecords, accountId),
    tx.policyVersion.findMany({ where: { policyId: { in: policyRecords.map((p) => p.id) } }, orderBy: { number: "desc" } }),
  ]);

  return {
    users: userRows.map((u) => ({
      user: toUser(u, u.tags),
      inline: inlineOf(u.inlinePolicies),
      attached: attachedOf(u.attachedPolicies),
      groups: u.groupMemberships.map((m) => m.group.name).sort(),
    })),
    groups: groupRows.map((g) => ({
      group: { id: g.id, accountId: g.accountId, name: g.name, path: g.path, arn: g.arn, createdAt: g.createdAt },
      inline: inlineOf(g.inlinePolicies),
      attached: attachedOf(g.attachedPolicies),
    })),
    roles: roleRows.map((r) => ({
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
    })),
    policies: policies.map((policy) => ({
      policy,
      versions: versionRows
        .filter((v) => v.policyId === policy.id)
        .map((v) => ({ versionId: v.versionId, document: v.document, isDefault: v.isDefault, createdAt: v.createdAt })),
    })),
  };
}
