/**
 * Whether one principal can assume one role directly, decided as STS decides it (lib/sts/assume-decision: the trust
 * policy with the caller's identity policies, groups' policies, boundary) — and when only a condition stands in the
 * way that the request itself can meet (MFA, an external ID, session tags, a source IP, a token's claims), which
 * conditions: the analysis finds a request that meets them and checks it with the same evaluator, so every
 * "conditional" answer comes with a request STS would grant. Roleplane's own analysis; AWS has no such view.
 *
 * Pure: principals and roles come loaded (lib/db/principal-tables); nothing here reads the store.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
 */
import type { Caller, CallerPolicies } from "@/lib/domain/callers";
import { callerPoliciesOf } from "@/lib/domain/callers";
import type { Tag } from "@/lib/domain/schemas";
import type { PrincipalPolicies } from "@/lib/domain/types";
import { evaluateRequest, type ContextValue, type Decision, type PolicyRef, type StatementReason } from "@/lib/policy";
import { assumeRoleContext, decideAssumeRoleIn, type AssumeRequestKeys, type TrustedRole } from "@/lib/sts/assume-decision";
import { isRequestKey, valueMaking, type AskerKind } from "./request-keys";

/** Who can ask: a user or role in the store, or what a trust policy names beyond it. */
export type AccessPrincipal =
  | { kind: "user" | "role"; arn: string; accountId: string; name: string; id: string }
  /** Any principal of an account outside the store whose own policies allow (the trust names the account). */
  | { kind: "account"; arn: string; accountId: string }
  /** A user or role of an account outside the store, named by ARN. */
  | { kind: "external"; arn: string; accountId: string }
  /** Every AWS principal (`"AWS": "*"`), of any account. */
  | { kind: "anyone"; arn: "*"; accountId: string }
  | { kind: "service"; arn: string }
  | { kind: "federated"; arn: string; action: "sts:AssumeRoleWithSAML" | "sts:AssumeRoleWithWebIdentity" };

/** A role as the analysis needs it: its own policies (it can assume others) and its trust policy. */
export type AnalyzedRole = PrincipalPolicies & { trustPolicy: string };

/** A statement that decided, by the policy it is in. */
export interface DecidingStatement {
  policy: PolicyRef;
  statementIndex: number;
  sid?: string;
  path: string;
  effect: "Allow" | "Deny";
}

/** A condition the request must meet (an Allow's) or must avoid (a Deny's). */
export interface RequiredCondition {
  key: string;
  operator: string;
  values: string[];
  effect: "Allow" | "Deny";
  statement: DecidingStatement;
}

export interface DirectAccess {
  principal: AccessPrincipal;
  roleArn: string;
  action: string;
  /** Empty when the policies alone allow it. */
  conditions: RequiredCondition[];
  /** The request keys of a request STS grants (only the ones the conditions need). */
  example: Record<string, ContextValue>;
  /** The statements that allowed it: the trust policy's, and the identity policies' and boundary's that counted. */
  statements: DecidingStatement[];
}

/** The session name the analysis gives the sessions it imagines; conditions on session names see it. */
export const ANALYSIS_SESSION = "roleplane-access-analysis";

const ASSUME_EVERYTHING: PrincipalPolicies["identity"] = [
  { name: "their own policies (outside Roleplane)", document: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "sts:*", Resource: "*" }] }) },
];

/** The caller STS would see: the user itself, or a session of the role (role chaining). */
export function callerFor(p: PrincipalPolicies, kind: "user" | "role", now: Date): Caller {
  if (kind === "user") return { kind: "user", accountId: p.accountId, arn: p.arn, userId: p.id, userName: p.name };
  const name = p.arn.slice(p.arn.lastIndexOf("/") + 1);
  const arn = `arn:aws:sts::${p.accountId}:assumed-role/${name}/${ANALYSIS_SESSION}`;
  return {
    kind: "session",
    accountId: p.accountId,
    arn,
    accessKeyId: "ASIA-ANALYSIS",
    session: {
      id: "ASIA-ANALYSIS", kind: "AssumeRole", accountId: p.accountId, roleId: p.id, roleArn: p.arn, sessionName: ANALYSIS_SESSION, userId: null, arn,
      callerArn: arn, callerAccountId: p.accountId, sourceIdentity: null, tags: [], transitiveTagKeys: [], policy: null, policyArns: [], packedPolicySize: null,
      mfaAuthenticated: false, mfaAuthenticatedAt: null, chained: true, region: "us-east-1", issuedAt: now, expiresAt: now, revokedAt: null,
    },
  };
}

const statementOf = (r: StatementReason): DecidingStatement => ({ policy: r.policy, statementIndex: r.statementIndex, ...(r.sid ? { sid: r.sid } : {}), path: r.path, effect: r.effect });

const trustType = (t: string) => (t === "trust" || t === "resource" ? "trust" : t);

/**
 * One round of "what would the request need": for an explicit deny, a request key that turns one denying statement
 * off; for an implicit one, request keys that make an allowing statement of the missing policy type apply. Null
 * when nothing the request carries can change the decision.
 */
function nextNeeds(d: Decision, asker: AskerKind, fixed: Set<string>): { key: string; value: ContextValue | undefined; condition: RequiredCondition }[] | null {
  const statements = d.reasons.filter((r): r is StatementReason => r.kind === "statement");
  if (d.decision === "ExplicitlyDenied") {
    const needs = [];
    for (const deny of statements.filter((r) => r.effect === "Deny" && r.applies)) {
      const turnOff = deny.conditions
        .filter((c) => isRequestKey(asker, c.key) && !fixed.has(c.key.toLowerCase()))
        .map((c) => ({ c, value: valueMaking(c, false) }))
        .find((x) => x.value !== null);
      if (!turnOff) return null;
      const { c, value } = turnOff;
      needs.push({ key: c.key, value: value ?? undefined, condition: { key: c.key, operator: c.operator, values: c.policyValues, effect: "Deny" as const, statement: statementOf(deny) } });
    }
    return needs;
  }
  if (d.decision !== "ImplicitlyDenied") return [];
  const missing = d.deniedBy;
  for (const s of statements) {
    if (s.effect !== "Allow" || s.applies || s.failedOn !== "condition" || trustType(s.policy.type) !== trustType(missing)) continue;
    const failing = s.conditions.filter((c) => !c.passed);
    if (!failing.every((c) => isRequestKey(asker, c.key) && !fixed.has(c.key.toLowerCase()))) continue;
    const values = failing.map((c) => valueMaking(c, true));
    if (values.some((v) => v === null)) continue;
    return failing.map((c, i) => ({ key: c.key, value: values[i] ?? undefined, condition: { key: c.key, operator: c.operator, values: c.policyValues, effect: "Allow" as const, statement: statementOf(s) } }));
  }
  return null;
}

/** The request fields STS reads these keys from; the rest go into the context as they are. */
function requestKeysOf(example: Record<string, ContextValue | undefined>): AssumeRequestKeys {
  const req: AssumeRequestKeys = { RoleSessionName: ANALYSIS_SESSION, mfaAt: null };
  const tags: Tag[] = [];
  for (const [key, v] of Object.entries(example)) {
    const lk = key.toLowerCase();
    if (v === undefined) continue;
    if (lk === "sts:externalid") req.ExternalId = String(v);
    else if (lk === "sts:rolesessionname") req.RoleSessionName = String(v);
    else if (lk === "sts:sourceidentity") req.SourceIdentity = req.sourceIdentity = String(v);
    else if (lk.startsWith("aws:requesttag/")) tags.push({ Key: key.slice("aws:RequestTag/".length), Value: String(v) });
  }
  for (const k of [example["aws:TagKeys"]].flat()) if (typeof k === "string" && !tags.some((t) => t.Key.toLowerCase() === k.toLowerCase())) tags.push({ Key: k, Value: "x" });
  if (tags.length) req.Tags = tags;
  return req;
}

const MAX_ROUNDS = 6;

type Evaluate = (example: Record<string, ContextValue | undefined>) => Decision;

/** Searches for a request that is granted, starting from one with no request keys. */
function search(evaluate: Evaluate, asker: AskerKind, principal: AccessPrincipal, roleArn: string, action: string): DirectAccess | null {
  const example: Record<string, ContextValue | undefined> = {};
  const conditions: RequiredCondition[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const d = evaluate(example);
    if (d.decision === "Allowed") {
      const statements = d.reasons.filter((r): r is StatementReason => r.kind === "statement" && r.applies && r.effect === "Allow").map(statementOf);
      const shown = Object.fromEntries(Object.entries(example).filter((e): e is [string, ContextValue] => e[1] !== undefined));
      return { principal, roleArn, action, conditions, example: shown, statements };
    }
    const needs = nextNeeds(d, asker, new Set(Object.keys(example).map((k) => k.toLowerCase())));
    if (!needs || needs.length === 0) return null;
    for (const n of needs) {
      example[n.key] = n.value;
      conditions.push(n.condition);
    }
  }
  return null;
}

/** Whether a user or role (as a session: role chaining) can assume the role, and on which conditions. */
export function decideDirect(principal: AccessPrincipal, p: PrincipalPolicies, kind: "user" | "role" | "outside", role: TrustedRole, now: Date): DirectAccess | null {
  const caller = callerFor(p, kind === "role" ? "role" : "user", now);
  const policies: CallerPolicies = callerPoliciesOf(kind === "outside" ? { ...p, identity: ASSUME_EVERYTHING } : p);
  const env = { now };
  const evaluate: Evaluate = (example) => {
    const req = requestKeysOf(example);
    if (example["aws:MultiFactorAuthPresent"] === true || example["aws:MultiFactorAuthPresent"] === "true") req.mfaAt = now;
    const context = assumeRoleContext(caller, policies, role, req, env);
    for (const [k, v] of Object.entries(example)) {
      const existing = Object.keys(context).find((c) => c.toLowerCase() === k.toLowerCase());
      if (existing) delete context[existing];
      if (v !== undefined) context[k] = v;
    }
    return decideAssumeRoleIn(caller, policies, role, req, context).decision;
  };
  return search(evaluate, kind === "outside" ? "outside" : "iam", principal, role.arn, "sts:AssumeRole");
}

/** Whether a service or identity provider can assume the role: only the trust policy decides for them. */
export function decidePrincipalOutsideIam(principal: Extract<AccessPrincipal, { kind: "service" | "federated" }>, role: TrustedRole): DirectAccess | null {
  const action = principal.kind === "service" ? "sts:AssumeRole" : principal.action;
  const type = principal.kind === "service" ? "service" : "federated";
  const evaluate: Evaluate = (example) => {
    const context: Record<string, ContextValue> = {};
    for (const t of role.tags) context[`aws:ResourceTag/${t.Key}`] = t.Value;
    for (const [k, v] of Object.entries(example)) if (v !== undefined) context[k] = v;
    return evaluateRequest(
      { action, resource: role.arn, principal: { arn: principal.arn, accountId: "", type }, context },
      { identity: [], resource: { document: role.trustPolicy, ownerAccountId: role.accountId, kind: "trust", arn: role.arn } },
    );
  };
  return search(evaluate, type, principal, role.arn, action);
}
