import type { Tx } from "./client";

/** Rows the principal picker of the policy editor offers; read-only, bounded per kind. */
export interface PrincipalRows {
  accounts: { id: string; alias: string | null }[];
  roles: { arn: string; name: string; accountId: string }[];
  users: { arn: string; name: string; accountId: string }[];
  providers: { arn: string; name: string; type: string; accountId: string }[];
}

export async function listPrincipalRows(tx: Tx, accountIds: string[], limit: number): Promise<PrincipalRows> {
  const inAccounts = { accountId: { in: accountIds } };
  const [accounts, roles, users, providers] = await Promise.all([
    tx.account.findMany({ where: { id: { in: accountIds } }, select: { id: true, alias: true }, orderBy: { id: "asc" } }),
    tx.role.findMany({ where: inAccounts, select: { arn: true, name: true, accountId: true }, orderBy: { nameLower: "asc" }, take: limit }),
    tx.iamUser.findMany({ where: inAccounts, select: { arn: true, name: true, accountId: true }, orderBy: { nameLower: "asc" }, take: limit }),
    tx.identityProvider.findMany({
      where: inAccounts,
      select: { arn: true, name: true, type: true, accountId: true },
      orderBy: { arn: "asc" },
      take: limit,
    }),
  ]);
  return { accounts, roles, users, providers };
}
