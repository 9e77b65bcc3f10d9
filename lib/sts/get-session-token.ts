import { getDb } from "@/lib/db/client";
import { syncCaches } from "@/lib/db/versioned-cache";
import { AwsError } from "@/lib/domain/errors";
import { LIMITS } from "@/lib/domain/limits";
import type { GetSessionTokenInput } from "@/lib/domain/sts-schemas";
import type { Caller, RequestEnv } from "@/lib/iam/callers";
import type { RequestContext } from "@/lib/iam/context";
import { MFA_FAILURE_MESSAGES, verifyMfaCode } from "@/lib/iam/mfa-verify";
import { issueSession, type Issued } from "./issue";

/**
 * sts:GetSessionToken: temporary credentials for an IAM user, usually to prove MFA
 * (https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html). Only a user's long-term key may
 * ask; the session acts as the user, with the user's policies, and says whether MFA was used. No permission is
 * needed to call it.
 */
export async function getSessionToken(ctx: RequestContext, caller: Caller, input: GetSessionTokenInput, env: RequestEnv): Promise<Issued> {
  const now = env.now ?? new Date();
  await syncCaches();
  if (caller.kind !== "user") throw new AwsError("AccessDenied", "Cannot call GetSessionToken with session credentials");
  let mfaAt: Date | null = null;
  if (input.SerialNumber !== undefined || input.TokenCode !== undefined) {
    const verified =
      input.SerialNumber !== undefined && input.TokenCode !== undefined
        ? await verifyMfaCode(getDb(), { accountId: caller.accountId, serialNumber: input.SerialNumber, code: input.TokenCode, userArn: caller.arn, now })
        : { ok: false as const };
    if (!verified.ok) throw new AwsError("AccessDenied", MFA_FAILURE_MESSAGES.getSessionToken.invalidCode);
    mfaAt = now;
  }
  const duration = input.DurationSeconds ?? LIMITS.sessionTokenDuration.default;
  return issueSession(
    ctx,
    {
      kind: "GetSessionToken",
      accountId: caller.accountId,
      roleId: null,
      roleArn: null,
      sessionName: null,
      userId: caller.userId,
      arn: caller.arn,
      callerArn: caller.arn,
      callerAccountId: caller.accountId,
      sourceIdentity: null,
      tags: [],
      transitiveTagKeys: [],
      policy: null,
      policyArns: [],
      packedPolicySize: null,
      mfaAuthenticated: mfaAt !== null,
      mfaAuthenticatedAt: mfaAt,
      chained: false,
      region: env.region ?? "us-east-1",
    },
    duration,
    { action: "GetSessionToken", target: caller.arn, details: { mfa: mfaAt !== null } },
    undefined,
    now,
  );
}
