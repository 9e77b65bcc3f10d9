import type { RoleSessionView } from "@/lib/domain/console-assume";
import type { StsSession } from "@/lib/domain/sts-types";
import type { RequestContext } from "@/lib/iam/context";
import { rolePermissions } from "@/lib/iam/roles";
import { evaluateRequest } from "@/lib/policy";
import { listActiveRoleSessions, REVOKE_POLICY_NAME } from "./sessions";

const isoSeconds = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");

/**
 * Whether the role's `AWSRevokeOlderSessions` policy, as it stands, denies every action to this session: the
 * evaluator decides with the session's `aws:TokenIssueTime`, so an edited policy is read as IAM would read it.
 */
function deniedByRevokePolicy(document: string, s: StsSession): boolean {
  const decision = evaluateRequest(
    {
      action: "*",
      resource: "*",
      principal: { arn: s.arn, accountId: s.accountId, type: "assumed-role", id: s.roleId ?? undefined, roleArn: s.roleArn ?? undefined },
      context: { "aws:TokenIssueTime": isoSeconds(s.issuedAt) },
    },
    { identity: [{ name: REVOKE_POLICY_NAME, document }] },
  );
  return decision.decision === "ExplicitlyDenied";
}

/**
 * The Sessions tab: the role's sessions that have not expired, each with where it stands — active, revoked one by
 * one (Roleplane's own), or cut off by AWS's "Revoke active sessions" policy. Never the secret.
 */
export async function listRoleSessionViews(ctx: RequestContext, roleName: string, now = new Date()): Promise<RoleSessionView[]> {
  const [sessions, inline] = await Promise.all([listActiveRoleSessions(ctx, roleName, now), rolePermissions.listInlinePolicies(ctx, roleName)]);
  const revokePolicy = inline.find((p) => p.name === REVOKE_POLICY_NAME)?.document;
  return sessions.map(({ policy, policyArns, ...s }) => ({
    ...s,
    hasSessionPolicies: policy !== null || policyArns.length > 0,
    status: s.revokedAt ? "revoked" : revokePolicy && deniedByRevokePolicy(revokePolicy, { ...s, policy, policyArns }) ? "revoked-by-policy" : "active",
  }));
}
