import type { Tx } from "./client";
import type { Tag } from "@/lib/iam/schemas";

/**
 * The identity-based policies of a user or role, as evaluation needs them: the default version of every
 * attached managed policy, every inline policy, and the permissions boundary's default version. One query
 * for the principal and its policies, one more for the boundary.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html
 */
export interface PrincipalPolicies {
  id: string;
  accountId: string;
  name: string;
  arn: string;
  tags: Tag[];
  /** Managed policies carry their ARN; inline policies only their name. */
  identity: { name: string; arn?: string; document: string }[];
  /** Absent when no boundary is set; a boundary whose policy no longer exists has document null. */
  boundary?: { arn: string; document: string | null };
}

const policiesInclude = {
  tags: { orderBy: { position: "asc" as const } },
  inlinePolicies: { orderBy: { name: "asc" as const } },
  attachedPolicies: {
    orderBy: { attachedAt: "asc" as const },
    include: { policy: { select: { name: true, arn: true, versions: { where: { isDefault: true }, select: { document: true } } } } },
  },
};

async function boundaryOf(tx: Tx, arn: string | null): Promise<PrincipalPolicies["boundary"]> {
  if (!arn) return undefined;
  const p = await tx.managedPolicy.findUnique({
    where: { arn },
    select: { versions: { where: { isDefault: true }, select: { document: true } } },
  });
  return { arn, document: p?.versions[0]?.document ?? null };
}

interface Row {
  id: string;
  accountId: string;
  name: string;
  arn: string;
  permissionsBoundaryArn: string | null;
  tags: { key: string; value: string }[];
  inlinePolicies: { name: string; document: string }[];
  attachedPolicies: { policy: { name: string; arn: string; versions: { document: string }[] } }[];
}

async function toPolicies(tx: Tx, row: Row): Promise<PrincipalPolicies> {
  return {
    id: row.id,
    accountId: row.accountId,
    name: row.name,
    arn: row.arn,
    tags: row.tags.map((t) => ({ Key: t.key, Value: t.value })),
    identity: [
      ...row.attachedPolicies.flatMap((a) =>
        a.policy.versions.length > 0 ? [{ name: a.policy.name, arn: a.policy.arn, document: a.policy.versions[0].document }] : [],
      ),
      ...row.inlinePolicies.map((p) => ({ name: p.name, document: p.document })),
    ],
    boundary: await boundaryOf(tx, row.permissionsBoundaryArn),
  };
}

/** A user's policies by unique id (`AIDA…`), or null when the user does not exist. */
export async function loadUserPolicies(tx: Tx, userId: string): Promise<PrincipalPolicies | null> {
  const row = await tx.iamUser.findUnique({ where: { id: userId }, include: policiesInclude });
  return row ? toPolicies(tx, row) : null;
}

/** A user's policies by ARN, for callers that know only the ARN. */
export async function loadUserPoliciesByArn(tx: Tx, arn: string): Promise<PrincipalPolicies | null> {
  const row = await tx.iamUser.findUnique({ where: { arn }, include: policiesInclude });
  return row ? toPolicies(tx, row) : null;
}

/** A role's policies by unique id (`AROA…`), for evaluating what its sessions may do. */
export async function loadRolePolicies(tx: Tx, roleId: string): Promise<PrincipalPolicies | null> {
  const row = await tx.role.findUnique({ where: { id: roleId }, include: policiesInclude });
  return row ? toPolicies(tx, row) : null;
}
