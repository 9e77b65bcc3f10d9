import type { AuditDetails } from "@/lib/domain/types";
import { EMPTY_FORM, paramsFromForm, type ContextRow } from "./simulator-state";

/** What an audit event needs to be explained again. */
export interface RefusalEvent {
  time: string;
  actor: string;
  action: string;
  target: string | null;
  outcome: "Success" | "Failure";
  errorCode?: string | null;
  source: "console" | "api";
  details?: AuditDetails | null;
}

// The STS actions an audit event names without their service; every other refused API action is IAM's.
const STS_ACTIONS = new Set(["AssumeRole", "AssumeRoleWithWebIdentity", "AssumeRoleWithSAML", "GetSessionToken", "GetCallerIdentity", "GetAccessKeyInfo", "DecodeAuthorizationMessage", "GetFederationToken"]);
const PRINCIPAL_ARN = /^arn:aws:(iam|sts)::\d{12}:(user|role|assumed-role)\//;

/**
 * The Simulator's address for a refusal in the audit trail: its caller, action, resource and the context it recorded
 * (MFA, source identity), with `at` so the page says it evaluates today's policies, not those of that moment — the
 * event keeps the reasons that decided then. Null for what the simulator cannot replay: a success, a refusal that
 * was not an authorization decision (bad input, a missing entity), or one whose caller is not an IAM principal
 * (a federated subject, an unsigned request).
 */
export function simulatorLinkOfEvent(e: RefusalEvent): string | null {
  if (e.outcome !== "Failure" || e.errorCode !== "AccessDenied" || !e.target) return null;
  const caller = e.details?.callerArn ?? (e.source === "api" ? e.actor : "");
  if (!PRINCIPAL_ARN.test(caller)) return null;
  const context: ContextRow[] = [];
  if (e.details?.mfa !== undefined) context.push({ key: "aws:MultiFactorAuthPresent", type: "boolean", values: String(e.details.mfa) });
  if (e.details?.sourceIdentity) context.push({ key: "sts:SourceIdentity", type: "string", values: e.details.sourceIdentity });
  const params = paramsFromForm({
    ...EMPTY_FORM,
    principal: caller,
    actions: `${STS_ACTIONS.has(e.action) ? "sts" : "iam"}:${e.action}`,
    resources: e.target,
    context,
  });
  params.set("at", e.time);
  return `/simulator?${params.toString()}`;
}
