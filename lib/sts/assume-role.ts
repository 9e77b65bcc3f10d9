import { getDb } from "@/lib/db/client";
import { insertAuditEvent } from "@/lib/db/audit";
import { syncCaches } from "@/lib/db/versioned-cache";
import { AwsError } from "@/lib/domain/errors";
import { LIMITS } from "@/lib/domain/limits";
import type { AssumeRoleInput } from "@/lib/domain/sts-schemas";
import type { Role } from "@/lib/domain/types";
import { isRoleSession, loadCallerPolicies, type Caller, type RequestEnv } from "@/lib/iam/callers";
import type { RequestContext } from "@/lib/iam/context";
import { MFA_FAILURE_MESSAGES, verifyMfaCode } from "@/lib/iam/mfa-verify";
import { checkPolicyForIam, explainDecision, type Decision } from "@/lib/policy";
import { decideAssumeRole } from "./assume-decision";
import { issueSession, type Issued } from "./issue";
import { noteRoleUse, roleByArn } from "./roles";
import { assertPackedSizeFits, packedPolicySize, sessionTagsFor } from "./session-tags";

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

/** Which check refused the request. */
export type AssumeRoleCheck = "role" | "mfa" | "trust" | "tag-session" | "source-identity";

export type AssumeRoleOutcome =
  | { granted: true; issued: Issued; role: Role; packedPolicySize?: number; decision: Decision }
  | { granted: false; check: AssumeRoleCheck; error: AwsError; decision?: Decision; explanation: string[] };

const CHAINING_MESSAGE = "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.";
const MAX_SESSION_MESSAGE = "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.";

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
  if (input.Policy) {
    const rejection = checkPolicyForIam(input.Policy, "session");
    if (rejection) throw new AwsError(rejection.code, rejection.message);
  }
  const inherited = caller.kind === "session" ? caller.session : null;
  const tagSet = sessionTagsFor({ tags: input.Tags ?? [], transitiveTagKeys: input.TransitiveTagKeys ?? [] }, inherited);

  const refuse = async (check: AssumeRoleCheck, error: AwsError, role: Role | null, decision?: Decision): Promise<AssumeRoleOutcome> => {
    const explanation = decision ? explainDecision(decision) : [error.message];
    await insertAuditEvent(getDb(), {
      accountId: role?.accountId ?? caller.accountId,
      actor: ctx.actor,
      action: "AssumeRole",
      target: role?.arn ?? input.RoleArn,
      outcome: "Failure",
      errorCode: error.code,
      reason: error.message,
      source: ctx.source,
      requestId: ctx.requestId,
      details: { sessionName: input.RoleSessionName, sourceIdentity: input.SourceIdentity ?? inherited?.sourceIdentity ?? undefined, reasons: explanation },
    });
    return { granted: false, check, error, decision, explanation };
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
  const keys = { ...input, sourceIdentity, mfaAt };
  const decided = decideAssumeRole(caller, policies, role, keys, { ...env, now });
  const { decision } = decided;
  if (!decided.allowed) {
    const action = { trust: "sts:AssumeRole", "tag-session": "sts:TagSession", "source-identity": "sts:SetSourceIdentity" }[decided.check];
    return refuse(decided.check, notAuthorized(caller, action, role.arn), role, decision);
  }

  if (duration > role.maxSessionDuration) throw new AwsError("ValidationError", MAX_SESSION_MESSAGE);
  const policyArns = (input.PolicyArns ?? []).map((p) => p.arn);
  const packed = input.Policy || policyArns.length || tagSet.tags.length ? packedPolicySize(input.Policy, policyArns, tagSet.tags) : undefined;
  if (packed !== undefined) assertPackedSizeFits(packed);

  const issued = await issueSession(
    ctx,
    {
      kind: "AssumeRole",
      accountId: role.accountId,
      roleId: role.id,
      roleArn: role.arn,
      sessionName: input.RoleSessionName,
      userId: null,
      arn: `arn:aws:sts::${role.accountId}:assumed-role/${role.name}/${input.RoleSessionName}`,
      callerArn: caller.arn,
      callerAccountId: caller.accountId,
      sourceIdentity,
      tags: tagSet.tags,
      transitiveTagKeys: tagSet.transitiveTagKeys,
      policy: input.Policy ?? null,
      policyArns,
      packedPolicySize: packed ?? null,
      mfaAuthenticated: mfaAt !== null,
      mfaAuthenticatedAt: mfaAt,
      chained,
      region: env.region ?? "us-east-1",
    },
    duration,
    {
      action: "AssumeRole",
      target: role.arn,
      details: { sessionName: input.RoleSessionName, sourceIdentity: sourceIdentity ?? undefined, mfa: mfaAt !== null, reasons: explainDecision(decision) },
    },
    now,
  );
  await noteRoleUse(role, env.region ?? "us-east-1", now).catch((e) => console.error("noteRoleUse failed", e instanceof Error ? e.message : e));
  return { granted: true, issued, role, packedPolicySize: packed, decision };
}

