import type { DenialAdvice } from "@/lib/domain/console-assume";
import { REVOKE_POLICY_NAME, type AssumeRoleCheck } from "@/lib/domain/sts-types";
import { decidingStatements, describePolicy, describeTrustPolicy, type ConditionCheck, type Decision, type PolicyRef, type StatementReason } from "@/lib/policy";

/**
 * What would have to change for a refused AssumeRole to be granted, in plain words: Roleplane's own reading of the
 * evaluator's decision (AWS's AccessDenied names only the caller, the action and the role). Pure: the facts come
 * in, sentences come out, so every rule here is a unit test.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_revoke-sessions.html
 */

export interface DenialFacts {
  check: AssumeRoleCheck;
  decision: Decision | null;
  caller: {
    arn: string;
    accountId: string;
    kind: "user" | "role-session";
    /** The user's ARN, or the ARN of the role behind the calling session. */
    principalArn: string;
    /** A calling session's source identity, which the chain keeps. */
    sourceIdentity: string | null;
  };
  /** Null when the role does not exist. */
  role: { arn: string; accountId: string; trustPolicy: string; serviceLinked: boolean } | null;
  request: { roleArn: string; mfa: boolean; mfaSerialNumber?: string; sourceIdentity?: string };
}

const WHAT: Record<string, string> = {
  "sts:assumerole": "assume the role",
  "sts:tagsession": "pass session tags",
  "sts:setsourceidentity": "set a source identity",
};

const quoteAll = (values: string[]) => values.map((v) => `"${v}"`);
const oneOf = (values: string[]) => (values.length === 1 ? `"${values[0]}"` : `one of ${quoteAll(values).join(", ")}`);
const has = (c: ConditionCheck) => (c.missing ? "none" : oneOf(c.requestValues));

/** "the role's trust policy", "the inline policy deploy", "the managed policy ReadOnlyAccess (arn:…)". */
export const policyTitle = (ref: PolicyRef) => (ref.type === "trust" ? "the role's trust policy" : describePolicy(ref));

function statementLabel(s: StatementReason): string {
  return `Statement #${s.statementIndex + 1}${s.sid ? ` (Sid "${s.sid}")` : ""} of ${policyTitle(s.policy)}`;
}

/** The change that makes one failed condition hold, worded for the keys trust policies use most. */
export function conditionChange(c: ConditionCheck, f: DenialFacts): string {
  const key = c.key.toLowerCase();
  const base = c.operator.replace(/^For(Any|All)Values?:/, "").replace(/IfExists$/, "");
  const expects = oneOf(c.policyValues);
  const negated = /Not/.test(base) || base === "Null";
  const session = f.caller.kind === "role-session";
  if (!negated) {
    if (key === "sts:externalid")
      return c.missing ? `Pass External ID ${expects}: the trust policy requires it.` : `Pass External ID ${expects}, not ${has(c)}.`;
    if (key === "aws:multifactorauthpresent" && base === "Bool" && c.policyValues.every((v) => v.toLowerCase() === "true"))
      return session
        ? "The calling session was issued without MFA, and a role session cannot add it: assume the first role of the chain with an MFA code, then chain from that session."
        : "Authenticate with MFA: choose one of the user's MFA devices and enter the code it shows now.";
    if (key === "aws:multifactorauthage" && base.startsWith("NumericLessThan"))
      return session
        ? `The calling session's MFA authentication is ${c.missing ? "absent" : `${c.requestValues[0]} seconds old`}, and the trust policy accepts at most ${c.policyValues[0]} seconds: assume the first role again with a fresh MFA code.`
        : `Authenticate with MFA: the trust policy accepts an MFA authentication at most ${c.policyValues[0]} seconds old, so enter a fresh code.`;
    if (key === "sts:rolesessionname") return `Use a role session name matching ${expects} (${c.operator}), not ${has(c)}.`;
    if (key === "sts:sourceidentity")
      return f.caller.sourceIdentity
        ? `The calling session's source identity "${f.caller.sourceIdentity}" carries over and cannot change, but the trust policy expects ${expects}: chain from a session with that source identity.`
        : `Pass a source identity matching ${expects}${c.missing ? "" : `, not ${has(c)}`}.`;
    if (key.startsWith("aws:requesttag/")) return `Pass the session tag ${c.key.slice("aws:RequestTag/".length)} with a value matching ${expects}${c.missing ? "" : `, not ${has(c)}`}.`;
    if (key.startsWith("aws:principaltag/")) {
      const tag = c.key.slice("aws:PrincipalTag/".length);
      const holder = session ? `the calling role (or its session's tags)` : "the user";
      return `${cap(holder)} must carry the tag ${tag} with a value matching ${expects} (it has ${has(c)}): tag ${session ? f.caller.principalArn : f.caller.arn}.`;
    }
    if (key === "aws:tagkeys" || key === "sts:transitivetagkeys")
      return `The session tag keys must satisfy ${c.operator} ${expects}; this request has ${has(c)}.`;
    if (key === "aws:sourceip") return `The request must come from ${expects}; it came from ${has(c)}.`;
  }
  if (negated) return `${c.operator} on ${c.key} excludes ${has(c)}: the request must carry a value other than ${expects}, or the condition must change.`;
  return `Make ${c.operator} on ${c.key} hold: the policy expects ${expects}, the request has ${has(c)}.`;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The changes one near-miss statement points at: the element that did not match. */
function statementChanges(s: StatementReason, f: DenialFacts, roleArn: string): string[] {
  const label = statementLabel(s);
  switch (s.failedOn) {
    case "condition":
      return s.conditions.filter((c) => !c.passed).map((c) => `${label}: ${lowerFirst(conditionChange(c, f))}`);
    case "principal":
      return [`${label} names other principals: add ${principalToName(f)} to its Principal.`];
    case "resource":
      return [`${label} allows ${s.action.value}, but not on ${roleArn}: add the role's ARN to its Resource.`];
    default:
      return [];
  }
}

const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);

function principalToName(f: DenialFacts): string {
  return f.caller.kind === "role-session"
    ? `the calling role "${f.caller.principalArn}"`
    : `"${f.caller.principalArn}" (or its account, "arn:aws:iam::${f.caller.accountId}:root")`;
}

function identityHolder(f: DenialFacts): string {
  return f.caller.kind === "role-session" ? `the role ${f.caller.principalArn}` : `the user ${f.caller.arn}`;
}

/** An implicit deny by the trust policy: which statement came closest and what it lacks, or that none names the caller. */
function trustAdvice(d: Decision, f: DenialFacts, deciding: StatementReason[]): DenialAdvice {
  const who = f.caller.arn;
  const action = d.action;
  const what = WHAT[action.toLowerCase()] ?? `call ${action}`;
  const role = f.role!;
  // Statements that name the caller and failed on a condition say more than those naming someone else.
  const naming = deciding.filter((s) => s.failedOn !== "principal");
  if (action.toLowerCase() !== "sts:assumerole" && naming.length === 0)
    return {
      summary: `The trust policy lets ${who} assume the role, but not ${what}.`,
      changes: [`Add "${action}" to the Action of the trust policy statement that lets ${who} assume the role: to ${what} needs it.`],
    };
  if (naming.length === 0) {
    const changes = role.serviceLinked
      ? ["This is a service-linked role: only its service can assume it, and its trust policy cannot be changed."]
      : [`Add ${principalToName(f)} as an "AWS" principal of a statement that allows ${action}.`];
    return { summary: `No statement of the role's trust policy names ${who}. It says: ${describeTrustPolicy(role.trustPolicy).join(" ")}`, changes };
  }
  return {
    summary: `The role's trust policy names ${who}, but does not let it ${what} as this request stands.`,
    changes: naming.flatMap((s) => statementChanges(s, f, role.arn)),
  };
}

export function adviseDenial(f: DenialFacts): DenialAdvice {
  const who = f.caller.arn;
  const roleArn = f.role?.arn ?? f.request.roleArn;
  if (f.check === "role" || !f.role)
    return {
      summary: `The role ${roleArn} does not exist. AWS answers a missing role with the same AccessDenied as a refusal, so the answer does not tell who may see which roles.`,
      changes: ["Check the role's name and path in the ARN."],
    };
  if (f.check === "mfa")
    return !f.request.mfa
      ? { summary: "An MFA serial number was sent without a code, or a code without a serial number.", changes: ["Send both: choose the MFA device and enter the code it shows now."] }
      : {
          summary: `The MFA code was not accepted${f.request.mfaSerialNumber ? ` for ${f.request.mfaSerialNumber}` : ""}.`,
          changes: [
            "Enter the code the device shows now. Each code is accepted once, so after using one wait for the next (every 30 seconds).",
            `The device must be enabled for ${who}; a role session cannot pass an MFA code.`,
          ],
        };
  if (!f.decision) {
    const kept = f.caller.sourceIdentity ?? "";
    return {
      summary: `The calling session carries the source identity "${kept}", and a source identity cannot change along a chain of roles.`,
      changes: [`Leave Source identity empty (the session's "${kept}" carries over), or pass "${kept}".`],
    };
  }

  const d = f.decision;
  const action = d.action;
  const deciding = decidingStatements(d);
  const fromStatements = deciding.flatMap((s) => statementChanges(s, f, roleArn));

  if (d.decision === "ExplicitlyDenied") {
    const revoked = deciding.find((s) => s.policy.type === "identity" && s.policy.name === REVOKE_POLICY_NAME);
    if (revoked && f.caller.kind === "role-session")
      return {
        summary: `The calling session was revoked: the inline policy ${REVOKE_POLICY_NAME} of ${f.caller.principalArn} denies every action to sessions issued before the revocation.`,
        changes: [`Assume ${f.caller.principalArn} again for a new session, and chain from that one.`],
      };
    return {
      summary: `${cap(policyTitle(d.deniedByPolicy))} denies ${action} with an explicit Deny, which overrides every Allow.`,
      changes: deciding.map((s) => `Remove or narrow ${statementLabel(s)}, or make its condition not match this request.`),
    };
  }
  if (d.decision === "Allowed") return { summary: `Nothing refused ${action}.`, changes: [] };

  const crossAccount = f.caller.accountId !== f.role.accountId;
  const trustRefuses = d.reasons.some((r) => r.kind === "gate" && r.type === "trust" && r.result === "no-allow");
  switch (d.deniedBy) {
    case "trust":
      return trustAdvice(d, f, deciding);
    case "identity": {
      const summary = crossAccount
        ? `${who} is in account ${f.caller.accountId} and the role in ${f.role.accountId}: across accounts, ${who}'s own identity-based policies must allow ${action} on the role as well as the trust policy, and none does.`
        : `The trust policy names only the account ${f.role.accountId}, not ${who} itself, so ${who}'s identity-based policies must allow ${action} on the role, and none does.`;
      const changes = [...fromStatements, `Attach a policy to ${identityHolder(f)} that allows "${action}" on "${roleArn}".`];
      if (!crossAccount) changes.push(`Or name ${principalToName(f)} in the trust policy itself: then no identity-based policy is needed.`);
      // Across accounts both sides must allow; say what the trust policy lacks too, so one round of changes is enough.
      if (crossAccount && trustRefuses) {
        const trust = trustAdvice(d, f, d.reasons.filter((r): r is StatementReason => r.kind === "statement" && r.policy.type === "trust" && r.effect === "Allow" && !r.applies));
        changes.push(`The trust policy does not allow it either: ${lowerFirst(trust.summary)}`, ...trust.changes);
      }
      return { summary, changes };
    }
    case "boundary": {
      const boundary = d.reasons.find((r) => r.kind === "statement" && r.policy.type === "boundary");
      const arn = boundary?.kind === "statement" ? ` ${boundary.policy.arn ?? ""}`.trimEnd() : "";
      return {
        summary: `The permissions boundary${arn} of ${identityHolder(f)} does not allow ${action}: a boundary caps what identity-based policies can grant.`,
        changes: [...fromStatements, `Allow ${action} on ${roleArn} in the boundary, or remove the boundary from ${identityHolder(f)}.`],
      };
    }
    case "session":
      return {
        summary: `The calling session was issued with session policies, and none of them allows ${action}: a session can do only what its session policies also allow.`,
        changes: [...fromStatements, `Assume ${f.caller.principalArn} again without session policies, or with one that allows ${action} on ${roleArn}, and chain from that session.`],
      };
    default:
      return { summary: `No ${d.deniedBy} policy allows ${action}.`, changes: fromStatements };
  }
}
