/**
 * Who may pass a role to which AWS service: for every IAM user and role of the account, and every service the
 * role's trust policy lets assume it, AWS's evaluation of `iam:PassRole` on the role with `iam:PassedToService`
 * set to that service, against the principal's identity-based policies and permissions boundary. This is
 * Roleplane's own analysis; AWS answers the question only one request at a time.
 *
 * Pure: the caller loads the principals once (lib/db/principal-tables) and this evaluates them in memory. Keys
 * that only a live request carries (source IP, time, MFA) are absent, so statements requiring them do not count.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#ck_PassedToService
 */
import { actionMatches, evaluateRequest, type ContextValue, type Decision, type RequestPrincipal, type StatementReason } from "@/lib/policy";
import type { Tag } from "@/lib/domain/schemas";
import type { PrincipalPolicies } from "@/lib/domain/types";
import { asList } from "./assume-resources";

/** A user or role with its policies, as lib/db/principal-tables loads them. */
export type PassRolePrincipal = PrincipalPolicies & { kind: "user" | "role" };

/** The role being passed, and the service principals its trust policy names. */
export interface PassedRole {
  arn: string;
  accountId: string;
  tags: Tag[];
  services: string[];
}

/** The statement that decided: the first identity-based statement that allowed. */
export interface DecidingStatement {
  policyName?: string;
  policyArn?: string;
  statementIndex: number;
  sid?: string;
}

export interface PassRoleGrant {
  principal: { kind: "user" | "role"; name: string; arn: string };
  service: string;
  allowedBy: DecidingStatement;
  /** The permissions boundary that allowed it as well, when the principal has one. */
  boundaryArn?: string;
}

export interface PassRoleAnalysis {
  services: string[];
  principalsChecked: number;
  grants: PassRoleGrant[];
}

const EMPTY_POLICY = JSON.stringify({ Version: "2012-10-17", Statement: [] });

/** The request context AWS gives a PassRole by this principal (as a user, or a session of the role) to `service`. */
function passRoleContext(p: PassRolePrincipal, role: PassedRole, service: string): Record<string, ContextValue> {
  const context: Record<string, ContextValue> = {
    "iam:PassedToService": service,
    "aws:PrincipalArn": p.arn,
    "aws:PrincipalAccount": p.accountId,
    "aws:PrincipalType": p.kind === "user" ? "User" : "AssumedRole",
    "aws:ResourceAccount": role.accountId,
  };
  if (p.kind === "user") {
    context["aws:username"] = p.name;
    context["aws:userid"] = p.id;
  }
  for (const t of p.tags) context[`aws:PrincipalTag/${t.Key}`] = t.Value;
  for (const t of role.tags) {
    context[`aws:ResourceTag/${t.Key}`] = t.Value;
    context[`iam:ResourceTag/${t.Key}`] = t.Value;
  }
  return context;
}

const asRequestPrincipal = (p: PassRolePrincipal): RequestPrincipal => ({ arn: p.arn, accountId: p.accountId, type: p.kind, id: p.id });

function decidingStatement(d: Decision): DecidingStatement | undefined {
  const allow = d.reasons.find((r): r is StatementReason => r.kind === "statement" && r.policy.type === "identity" && r.effect === "Allow" && r.applies);
  return allow && { policyName: allow.policy.name, policyArn: allow.policy.arn, statementIndex: allow.statementIndex, sid: allow.sid };
}


/**
 * Whether a document has a statement that could apply to iam:PassRole: an Action that matches it, or any
 * NotAction. A principal none of whose documents has one is implicitly denied, so evaluation can skip it; on a
 * busy account most principals are, and a plain JSON.parse costs far less than evaluation. A document that is
 * not JSON is kept for evaluation, which reports it.
 */
function mayConcernPassRole(text: string): boolean {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return true;
  }
  return asList((doc as { Statement?: unknown } | null)?.Statement).some((s) => {
    const st = (s ?? {}) as { Action?: unknown; NotAction?: unknown };
    return st.NotAction !== undefined || asList(st.Action).some((a) => typeof a !== "string" || actionMatches(a, "iam:PassRole"));
  });
}

export function analyzePassRole(role: PassedRole, principals: PassRolePrincipal[]): PassRoleAnalysis {
  const grants: PassRoleGrant[] = [];
  const concerns = new Map<string, boolean>();
  const relevant = (text: string) => concerns.get(text) ?? concerns.set(text, mayConcernPassRole(text)).get(text)!;
  for (const p of principals) {
    if (role.services.length === 0 || !p.identity.some((d) => relevant(d.document))) continue;
    const policies = {
      identity: p.identity,
      boundary: p.boundary ? { arn: p.boundary.arn, document: p.boundary.document ?? EMPTY_POLICY } : undefined,
    };
    // Services inside: a principal's documents are parsed once and reused for each service.
    for (const service of role.services) {
      const d = evaluateRequest(
        { action: "iam:PassRole", resource: role.arn, principal: asRequestPrincipal(p), context: passRoleContext(p, role, service) },
        policies,
      );
      const allowedBy = d.decision === "Allowed" ? decidingStatement(d) : undefined;
      if (allowedBy) grants.push({ principal: { kind: p.kind, name: p.name, arn: p.arn }, service, allowedBy, boundaryArn: p.boundary?.arn });
    }
  }
  return { services: role.services, principalsChecked: principals.length, grants };
}
