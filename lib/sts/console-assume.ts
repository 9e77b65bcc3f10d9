import type { ConsoleAssumeOutcome, ConsoleAssumeRoleInput, ExplainedPolicy } from "@/lib/domain/console-assume";
import type { Role } from "@/lib/domain/types";
import { loadCallerPolicies, type Caller, type RequestEnv } from "@/lib/iam/callers";
import type { RequestContext } from "@/lib/iam/context";
import { getRole } from "@/lib/iam/roles";
import type { Decision, PolicyDocument, PolicyRef } from "@/lib/policy";
import { assumeRole } from "./assume-role";
import { consoleCaller } from "./console-caller";
import { adviseDenial, policyTitle } from "./denial-advice";

/**
 * The console's Assume role: the role page's role, assumed as the IAM user or role session the admin chose, through
 * STS's own `assumeRole` (the same checks, session, audit event and RoleLastUsed as the API; the event's actor is
 * the console user, its details name the caller). A refusal comes back with Roleplane's explanation: the
 * evaluator's decision, the texts of the policies it points into, and what would have to change.
 */
export async function assumeRoleFromConsole(req: {
  ctx: RequestContext;
  roleName: string;
  input: ConsoleAssumeRoleInput;
  env: RequestEnv;
}): Promise<ConsoleAssumeOutcome> {
  const { ctx, env } = req;
  const role = await getRole(ctx, req.roleName);
  const { Caller: ref, ...input } = req.input;
  const caller = await consoleCaller(ref, env.now);
  const outcome = await assumeRole({ ctx, caller, input: { ...input, RoleArn: role.arn }, env });
  if (outcome.granted) {
    const { session, credentials } = outcome.issued;
    return {
      granted: true,
      callerArn: caller.arn,
      credentials,
      assumedRoleUser: { assumedRoleId: `${session.roleId}:${session.sessionName}`, arn: session.arn },
      sourceIdentity: session.sourceIdentity,
      packedPolicySize: outcome.packedPolicySize ?? null,
      issuedAt: session.issuedAt,
    };
  }
  const decision = outcome.decision ?? null;
  const session = caller.kind === "session" ? caller.session : null;
  return {
    granted: false,
    callerArn: caller.arn,
    check: outcome.check,
    error: { code: outcome.error.code, message: outcome.error.message },
    decision,
    explanation: outcome.explanation,
    advice: adviseDenial({
      check: outcome.check,
      decision,
      caller: {
        arn: caller.arn,
        accountId: caller.accountId,
        kind: session?.roleId ? "role-session" : "user",
        principalArn: session?.roleArn ?? caller.arn,
        sourceIdentity: session?.sourceIdentity ?? null,
      },
      role: outcome.check === "role" ? null : { arn: role.arn, accountId: role.accountId, trustPolicy: role.trustPolicy, serviceLinked: role.serviceLinkedService !== null },
      request: { roleArn: role.arn, mfa: input.SerialNumber !== undefined && input.TokenCode !== undefined, mfaSerialNumber: input.SerialNumber, sourceIdentity: input.SourceIdentity },
    }),
    policies: decision ? await explainedPolicies(decision, caller, role) : [],
  };
}

const refKey = (r: PolicyRef) => `${r.type}:${r.index}`;

function pretty(document: PolicyDocument): string {
  if (typeof document !== "string") return JSON.stringify(document, null, 2);
  try {
    return JSON.stringify(JSON.parse(document), null, 2);
  } catch {
    return document;
  }
}

/** The text of every policy a statement of the decision belongs to, as evaluated (the caller's, the role's trust policy). */
async function explainedPolicies(decision: Decision, caller: Caller, role: Role): Promise<ExplainedPolicy[]> {
  const refs = new Map<string, PolicyRef>();
  for (const r of decision.reasons) if (r.kind === "statement" && !refs.has(refKey(r.policy))) refs.set(refKey(r.policy), r.policy);
  if (refs.size === 0) return [];
  const { policies } = await loadCallerPolicies(caller);
  const documentOf = (ref: PolicyRef): PolicyDocument | undefined => {
    switch (ref.type) {
      case "trust":
        return role.trustPolicy;
      case "identity":
        return policies.identity[ref.index]?.document;
      case "boundary":
        return policies.boundary?.document;
      case "session":
        return policies.session?.[ref.index]?.document;
      default:
        return undefined;
    }
  };
  return [...refs.values()].flatMap((ref) => {
    const document = documentOf(ref);
    return document === undefined ? [] : [{ ref, title: policyTitle(ref), document: pretty(document) }];
  });
}
