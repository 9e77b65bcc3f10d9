import { getDb } from "@/lib/db/client";
import { syncCaches } from "@/lib/db/versioned-cache";
import { AwsError } from "@/lib/domain/errors";
import { LIMITS } from "@/lib/domain/limits";
import type { AssumeRoleInput } from "@/lib/domain/sts-schemas";
import type { AssumeRoleCheck } from "@/lib/domain/sts-types";
import type { Role } from "@/lib/domain/types";
import { callerContext, isRoleSession, loadCallerPolicies, requestPrincipal, type Caller, type RequestEnv } from "@/lib/iam/callers";
import type { RequestContext } from "@/lib/iam/context";
import { MFA_FAILURE_MESSAGES, verifyMfaCode } from "@/lib/iam/mfa-verify";
import type { ContextValue, Decision, EvaluationRequest, FastDecision } from "@/lib/policy";
import type { Issued } from "./issue";
import { assertSessionPolicy, auditRefusedAssume, grantRoleSession } from "./role-session";
import { roleByArn } from "./roles";
import { sessionTagsFor } from "./session-tags";

/**
 * sts:AssumeRole, as AWS decides it (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html and
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html):
 * the role's trust policy must allow the caller, and within the account it names only by account (or across
 * accounts) the caller's own identity policies must allow too — one evaluation by the policy core, with the
 * caller's boundary and session policies. Passing session tags needs sts:TagSession and setting a source identity
 * sts:SetSourceIdentity, from the same policies. A refusal is a value with the decision behind it, so the console
 * can explain it; the API answers it as AWS's AccessDenied.
 */

export interface AssumeRoleRequest {
  ctx: RequestContext;
  caller: Caller;
  input: AssumeRoleInput;
  env: RequestEnv;
}

export type { AssumeRoleCheck };

export type AssumeRoleOutcome =
  | { granted: true; issued: Issued; role: Role; packedPolicySize?: number; decision: FastDecision }
  | {
      granted: false;
      check: AssumeRoleCheck;
      error: AwsError;
      decision?: Decision;
      explanation: string[];
      /** The request the refusing evaluation saw (with its context), for AWS's encoded authorization message. */
      request?: EvaluationRequest;
    };

const CHAINING_MESSAGE = "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.";

/** AWS's AccessDenied for every refused assume: it names the action and the role, never which check failed. */
const notAuthorized = (caller: Caller, action: string, roleArn: string) =>
  new AwsError("AccessDenied", `User: ${caller.arn} is not authorized to perform: ${action} on resource: ${roleArn}`);

export async function assumeRole(req: AssumeRoleRequest): Promise<AssumeRoleOutcome> {
  const { ctx, caller, input, env } = req;
  const now = env.now ?? new Date();
  if (!env.cachesSynced) await syncCaches();
  const chained = isRoleSession(caller);
  const duration = input.DurationSeconds ?? LIMITS.assumeRoleDuration.default;
  if (chained && duration > LIMITS.roleChainingDuration) throw new AwsError("ValidationError", CHAINING_MESSAGE);
  assertSessionPolicy(input.Policy);
  const inherited = caller.kind === "session" ? caller.session : null;
  const requestedTags = { tags: input.Tags ?? [], transitiveTagKeys: input.TransitiveTagKeys ?? [] };
  const tagSet = sessionTagsFor(requestedTags, inherited);

  const refuse = async (check: AssumeRoleCheck, error: AwsError, role: Role | null, decision?: Decision, request?: EvaluationRequest): Promise<AssumeRoleOutcome> => {
    const explanation = await auditRefusedAssume(ctx, {
      action: "AssumeRole",
      accountId: role?.accountId ?? caller.accountId,
      target: role?.arn ?? input.RoleArn,
      error,
      decision,
      details: { callerArn: caller.arn, sessionName: input.RoleSessionName, sourceIdentity: input.SourceIdentity ?? inherited?.sourceIdentity ?? undefined },
    });
    return { granted: false, check, error, decision, explanation, request };
  };

  const role = await roleByArn(input.RoleArn);
  if (!role) return refuse("role", notAuthorized(caller, "sts:AssumeRole", input.RoleArn), null);

  // MFA: checked (and the code spent) only when sent; otherwise a calling session's MFA state carries over.
  let mfaAt: Date | null = inherited?.mfaAuthenticated ? inherited.mfaAuthenticatedAt : null;
  if (input.SerialNumber !== undefined || input.TokenCode !== undefined) {
    const words = MFA_FAILURE_MESSAGES.assumeRole;
    if (input.SerialNumber === undefined || input.TokenCode === undefined) return refuse("mfa", new AwsError("AccessDenied", words.missingPair), role);
    const userArn = caller.kind === "user" ? caller.arn : caller.session.userId ? caller.arn : undefined;
    const verified = userArn
      ? await verifyMfaCode(getDb(), { accountId: caller.accountId, serialNumber: input.SerialNumber, code: input.TokenCode, userArn, now })
      : { ok: false as const };
    if (!verified.ok) return refuse("mfa", new AwsError("AccessDenied", words.invalidCode), role);
    mfaAt = now;
  }

  // A source identity, once set, stays for the whole chain of sessions.
  const inheritedSource = inherited?.sourceIdentity ?? null;
  if (inheritedSource && input.SourceIdentity !== undefined && input.SourceIdentity !== inheritedSource)
    return refuse("source-identity", notAuthorized(caller, "sts:SetSourceIdentity", role.arn), role);
  const sourceIdentity = inheritedSource ?? input.SourceIdentity ?? null;

  const policies = await loadCallerPolicies(caller);
  const context: Record<string, ContextValue> = callerContext(caller, policies, env);
  if (mfaAt) {
    context["aws:MultiFactorAuthPresent"] = true;
    context["aws:MultiFactorAuthAge"] = String(Math.max(0, Math.floor((now.getTime() - mfaAt.getTime()) / 1000)));
  }
  if (input.ExternalId !== undefined) context["sts:ExternalId"] = input.ExternalId;

  const result = await grantRoleSession({
    ctx,
    env,
    now,
    action: "AssumeRole",
    role,
    principal: requestPrincipal(caller),
    callerPolicies: policies.policies,
    context,
    sessionName: input.RoleSessionName,
    requestedTags,
    tagSet,
    sourceIdentity,
    setsSourceIdentity: input.SourceIdentity !== undefined && !inheritedSource,
    policy: input.Policy,
    policyArns: (input.PolicyArns ?? []).map((p) => p.arn),
    durationSeconds: duration,
    chained,
    caller: { arn: caller.arn, accountId: caller.accountId },
    mfaAt,
    denied: (action) => notAuthorized(caller, action, role.arn),
    auditDetails: { callerArn: caller.arn, sessionName: input.RoleSessionName, sourceIdentity: sourceIdentity ?? undefined, mfa: mfaAt !== null },
  });
  if (!result.granted) return refuse(result.check, result.error, role, result.decision, result.request);
  return { granted: true, issued: result.issued, role, packedPolicySize: result.packedPolicySize, decision: result.decision };
}
