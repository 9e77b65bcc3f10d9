import { getDb } from "@/lib/db/client";
import { insertAuditEvent } from "@/lib/db/audit";
import { AwsError } from "@/lib/domain/errors";
import type { Tag } from "@/lib/domain/schemas";
import type { RoleSessionCheck } from "@/lib/domain/sts-types";
import type { AuditDetails, Role } from "@/lib/domain/types";
import type { RequestEnv } from "@/lib/iam/callers";
import type { RequestContext } from "@/lib/iam/context";
import { checkPolicyForIam, explainDecision, type ContextValue, type Decision, type EvaluationRequest, type FastDecision, type PolicySet, type RequestPrincipal } from "@/lib/policy";
import { issueSession, type Issued } from "./issue";
import { noteRoleUse } from "./roles";
import { assertPackedSizeFits, packedPolicySize, type SessionTagSet } from "./session-tags";
import { decideTrust, explainTrust, trustCheck } from "./trust";

/**
 * What AssumeRole, AssumeRoleWithWebIdentity and AssumeRoleWithSAML share once each knows who is asking: the
 * trust policy (with the caller's own policies, for AssumeRole) decides the assume action, passing session tags
 * needs sts:TagSession and setting a source identity sts:SetSourceIdentity from the same policies
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html#id_session-tags_permissions-required,
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_monitor.html), the duration
 * must fit the role, the session policies and tags must pack into their space; then the session is issued and the
 * role's last use noted. The three doors differ only in who the principal is and what the request context holds.
 */

/** The STS actions that issue a role session. */
export type AssumeAction = "AssumeRole" | "AssumeRoleWithWebIdentity" | "AssumeRoleWithSAML";

export interface RoleSessionRequest {
  ctx: RequestContext;
  env: RequestEnv;
  now: Date;
  action: AssumeAction;
  role: Role;
  principal: RequestPrincipal;
  /** The caller's identity policies, boundary and session policies; none for a federated principal. */
  callerPolicies: Omit<PolicySet, "resource">;
  /** The request context; the session-tag, source-identity, session-name and role-tag keys are added here. */
  context: Record<string, ContextValue>;
  sessionName: string;
  /** The tags this request passes (from its parameters, or the identity provider's claims or attributes). */
  requestedTags: SessionTagSet;
  /** The session's tags: the requested ones and the transitive ones a calling session passes on. */
  tagSet: SessionTagSet;
  sourceIdentity: string | null;
  /** Whether this request sets the source identity, rather than inheriting it: that needs sts:SetSourceIdentity. */
  setsSourceIdentity: boolean;
  policy?: string;
  policyArns: string[];
  durationSeconds: number;
  chained: boolean;
  caller: { arn: string; accountId: string | null };
  mfaAt: Date | null;
  /** AWS's AccessDenied for a refused action (its words differ between AssumeRole and the federations). */
  denied: (action: string) => AwsError;
  auditDetails: AuditDetails;
}


export type RoleSessionResult =
  | { granted: true; issued: Issued; packedPolicySize?: number; decision: FastDecision }
  /** `request`: what the refusing evaluation saw (with its context), for AWS's encoded authorization message. */
  | { granted: false; check: RoleSessionCheck; error: AwsError; decision: Decision; request: EvaluationRequest };

/** The audit trail's reason for a granted assume; the simulator explains any grant in full on demand. */
const granted = (action: string, roleArn: string) => `Allowed: ${action} on ${roleArn}: the role trust policy and the caller's policies allow it.`;

const MAX_SESSION_MESSAGE = "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.";

/** A session policy must be a valid identity-style policy (MalformedPolicyDocument otherwise), checked before anything is evaluated. */
export function assertSessionPolicy(policy: string | undefined): void {
  if (!policy) return;
  const rejection = checkPolicyForIam(policy, "session");
  if (rejection) throw new AwsError(rejection.code, rejection.message);
}

/** The session tags of a request as condition keys: `aws:RequestTag/<key>`, `aws:TagKeys`, `sts:TransitiveTagKeys`. */
function tagContext(requested: SessionTagSet): Record<string, ContextValue> {
  const out: Record<string, ContextValue> = {};
  for (const t of requested.tags) out[`aws:RequestTag/${t.Key}`] = t.Value;
  if (requested.tags.length) out["aws:TagKeys"] = requested.tags.map((t: Tag) => t.Key);
  if (requested.transitiveTagKeys.length) out["sts:TransitiveTagKeys"] = requested.transitiveTagKeys;
  return out;
}

export async function grantRoleSession(req: RoleSessionRequest): Promise<RoleSessionResult> {
  const { role, requestedTags, tagSet } = req;
  const context: Record<string, ContextValue> = { ...req.context, "sts:RoleSessionName": req.sessionName, ...tagContext(requestedTags) };
  if (req.sourceIdentity) context["sts:SourceIdentity"] = req.sourceIdentity;

  // Decided on the fast path; a refusal is evaluated again with its reasons, for the audit trail and the console.
  const check = trustCheck(role, req.principal, req.callerPolicies, context);
  const assume = `sts:${req.action}`;
  for (const [action, needed, refusal] of [
    [assume, true, "trust"],
    ["sts:TagSession", Boolean(requestedTags.tags.length || requestedTags.transitiveTagKeys.length), "tag-session"],
    ["sts:SetSourceIdentity", req.setsSourceIdentity, "source-identity"],
  ] as const) {
    if (needed && decideTrust(check, action).decision !== "Allowed")
      return { granted: false, check: refusal, error: req.denied(action), decision: explainTrust(check, action), request: check.request(action) };
  }

  if (req.durationSeconds > role.maxSessionDuration) throw new AwsError("ValidationError", MAX_SESSION_MESSAGE);
  const packed = req.policy || req.policyArns.length || tagSet.tags.length ? packedPolicySize(req.policy, req.policyArns, tagSet.tags) : undefined;
  if (packed !== undefined) assertPackedSizeFits(packed);

  const region = req.env.region ?? "us-east-1";
  const issued = await issueSession(
    req.ctx,
    {
      kind: req.action,
      accountId: role.accountId,
      roleId: role.id,
      roleArn: role.arn,
      sessionName: req.sessionName,
      userId: null,
      arn: `arn:aws:sts::${role.accountId}:assumed-role/${role.name}/${req.sessionName}`,
      callerArn: req.caller.arn,
      callerAccountId: req.caller.accountId,
      sourceIdentity: req.sourceIdentity,
      tags: tagSet.tags,
      transitiveTagKeys: tagSet.transitiveTagKeys,
      policy: req.policy ?? null,
      policyArns: req.policyArns,
      packedPolicySize: packed ?? null,
      mfaAuthenticated: req.mfaAt !== null,
      mfaAuthenticatedAt: req.mfaAt,
      chained: req.chained,
      region,
    },
    req.durationSeconds,
    { action: req.action, target: role.arn, details: { ...req.auditDetails, reasons: [granted(assume, role.arn)] } },
    req.now,
  );
  await noteRoleUse(role, region, req.now).catch((e) => console.error("noteRoleUse failed", e instanceof Error ? e.message : e));
  return { granted: true, issued, packedPolicySize: packed, decision: { decision: "Allowed" } };
}

/** Records a refused assume in the audit trail, with the evaluator's explanation when there is one; returns that explanation. */
export async function auditRefusedAssume(
  ctx: RequestContext,
  refused: { action: AssumeAction; accountId: string; target: string; error: AwsError; decision?: Decision; details: AuditDetails },
): Promise<string[]> {
  const explanation = refused.decision ? explainDecision(refused.decision) : [refused.error.message];
  await insertAuditEvent(getDb(), {
    accountId: refused.accountId,
    actor: ctx.actor,
    action: refused.action,
    target: refused.target,
    outcome: "Failure",
    errorCode: refused.error.code,
    reason: refused.error.message,
    source: ctx.source,
    requestId: ctx.requestId,
    details: { ...refused.details, reasons: explanation },
  });
  return explanation;
}
