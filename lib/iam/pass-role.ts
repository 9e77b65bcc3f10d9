import { analyzePassRole, type PassRoleAnalysis } from "@/lib/access/pass-role";
import { getDb } from "@/lib/db/client";
import { loadAccountPrincipalPolicies } from "@/lib/db/principal-tables";
import { collectTrustedServices } from "@/lib/policy";
import type { RequestContext } from "./context";
import { getRole } from "./roles";

/**
 * Which IAM users and roles of the account may pass this role to the services its trust policy names
 * (Roleplane's own analysis; see lib/access/pass-role.ts). Every principal's policies load in a few queries,
 * then evaluation runs in memory.
 */
export async function whoCanPassRole(ctx: RequestContext, roleName: string): Promise<PassRoleAnalysis> {
  const role = await getRole(ctx, roleName);
  const services = collectTrustedServices(role.trustPolicy);
  if (services.length === 0) return { services, principalsChecked: 0, grants: [] };
  const db = getDb();
  const [users, roles] = await Promise.all([loadAccountPrincipalPolicies(db, "user", ctx.accountId), loadAccountPrincipalPolicies(db, "role", ctx.accountId)]);
  const principals = [...users.map((u) => ({ ...u, kind: "user" as const })), ...roles.map((r) => ({ ...r, kind: "role" as const }))];
  return analyzePassRole({ arn: role.arn, accountId: role.accountId, tags: role.tags, services }, principals);
}
