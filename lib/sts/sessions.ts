import { getDb } from "@/lib/db/client";
import { listRoleSessions, revokeSession as revokeSessionRow, findSession } from "@/lib/db/sts-sessions";
import { AwsError } from "@/lib/domain/errors";
import { REVOKE_POLICY_NAME, type StsSession } from "@/lib/domain/sts-types";
import { auditedChange } from "@/lib/iam/audit";
import type { RequestContext } from "@/lib/iam/context";
import { getRole, rolePermissions } from "@/lib/iam/roles";

/**
 * A role's sessions and the two ways to end them early:
 * - AWS's: "Revoke active sessions" writes the inline policy `AWSRevokeOlderSessions`, which denies everything to
 *   any session whose token was issued before now (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_revoke-sessions.html);
 * - Roleplane's own: revoking one session, which is refused from its next request on.
 */

export { REVOKE_POLICY_NAME };

/** The policy AWS writes, to the second: a session issued in the same second as the revocation is revoked too. */
export function revokeOlderSessionsPolicy(now: Date): string {
  const cutoff = new Date(Math.floor(now.getTime() / 1000) * 1000 + 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Deny", Action: ["*"], Resource: ["*"], Condition: { DateLessThan: { "aws:TokenIssueTime": cutoff } } }],
  });
}

export async function listActiveRoleSessions(ctx: RequestContext, roleName: string, now = new Date()): Promise<StsSession[]> {
  const role = await getRole(ctx, roleName);
  return listRoleSessions(getDb(), role.id, now);
}

/** Revoke active sessions, as the AWS console does it. Service-linked roles refuse it (they are AWS's to change). */
export async function revokeOlderSessions(ctx: RequestContext, roleName: string, now = new Date()): Promise<void> {
  await rolePermissions.putPolicy(ctx, roleName, REVOKE_POLICY_NAME, revokeOlderSessionsPolicy(now));
}

/** Ends one session of the role; its credentials are refused from the next request on. */
export async function revokeSession(ctx: RequestContext, roleName: string, accessKeyId: string, now = new Date()): Promise<void> {
  const role = await getRole(ctx, roleName);
  await auditedChange(ctx, "RevokeSession", role.arn, async (tx) => {
    const session = await findSession(tx, accessKeyId);
    if (!session || session.roleId !== role.id) throw new AwsError("NoSuchEntity", `The session ${accessKeyId} of role ${role.name} cannot be found.`);
    if (!(await revokeSessionRow(tx, accessKeyId, now)) && !session.revokedAt)
      throw new AwsError("NoSuchEntity", `The session ${accessKeyId} of role ${role.name} cannot be found.`);
  });
}
