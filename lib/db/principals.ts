import type { Tx } from "./client";

/**
 * What a policy check needs to know about the store: which accounts Roleplane holds and which of the named
 * principal ARNs exist. Loaded up front so the pure policy core can stay synchronous.
 */
export async function loadPrincipalFacts(tx: Tx, arns: string[]) {
  const accounts = await tx.account.findMany({ select: { id: true } });
  const wanted = [...new Set(arns)];
  const [roles, users, providers] = wanted.length
    ? await Promise.all([
        tx.role.findMany({ where: { arn: { in: wanted } }, select: { arn: true } }),
        tx.iamUser.findMany({ where: { arn: { in: wanted } }, select: { arn: true } }),
        tx.identityProvider.findMany({ where: { arn: { in: wanted } }, select: { arn: true } }),
      ])
    : [[], [], []];
  return {
    heldAccounts: new Set(accounts.map((a) => a.id)),
    existingArns: new Set([...roles, ...users, ...providers].map((r) => r.arn)),
  };
}
