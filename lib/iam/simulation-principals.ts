import { getDb } from "@/lib/db/client";
import { loadPrincipalPolicies } from "@/lib/db/principal-tables";
import { findActiveSessionByArn, findSession } from "@/lib/db/sts-sessions";
import { AwsError, clip, noSuchEntity } from "@/lib/domain/errors";
import { PRINCIPAL_KINDS, type PrincipalKind } from "@/lib/domain/principal-kinds";
import type { PolicySourceType } from "@/lib/domain/simulation-types";
import type { ContextValue, PolicySet, RequestPrincipal } from "@/lib/policy";
import { callerContext, loadCallerPolicies, requestPrincipal, type Caller } from "./callers";

/**
 * Whose policies a simulation evaluates. The API names an IAM user, group or role by ARN (PolicySourceArn); the
 * console can also pick one of a role's live sessions by its access key id, or a principal of another account
 * (held by the store, with its own policies; or not, see `external`), which AWS's simulator cannot.
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulatePrincipalPolicy.html
 */
export type SimulationSource =
  | { kind: "arn"; arn: string; accountId?: string }
  | { kind: "session"; accessKeyId: string; accountId?: string }
  | { kind: "external"; arn: string; supposeAllowed?: boolean };

/** How a result names a policy: AWS's SourcePolicyId and SourcePolicyType. */
export interface PolicySourceRef {
  id: string;
  type: PolicySourceType;
}

/** The principal a simulation runs as, with its policies and how results name them. */
export interface SimulatedPrincipal {
  principal: RequestPrincipal;
  /** `kind` of the source: a user, role or group by ARN, or a role session. */
  kind: PrincipalKind | "group" | "session" | "external";
  name: string;
  policies: PolicySet;
  /** Per identity policy (same order as `policies.identity`), and the boundary's. */
  identitySources: PolicySourceRef[];
  boundarySource?: PolicySourceRef;
  /** Condition keys the principal carries by itself (a session's tags, source identity, …); empty for ARNs, as in AWS. */
  context: Record<string, ContextValue>;
}

const EMPTY_POLICY = JSON.stringify({ Version: "2012-10-17", Statement: [] });
const SOURCE_ARN = /^arn:aws:iam::(\d{12}):(user|role|group)(\/(?:[\u0021-\u007E]*\/)?)([\w+=,.@-]+)$/;

export const managedSourceType = (arn: string): PolicySourceType => (arn.startsWith("arn:aws:iam::aws:policy/") ? "aws-managed" : "user-managed");
const sourceOf = (kind: PolicySourceType, p: { name: string; arn?: string }): PolicySourceRef => ({ id: p.name, type: p.arn ? managedSourceType(p.arn) : kind });

const isKind = (k: string): k is PrincipalKind => (PRINCIPAL_KINDS as readonly string[]).includes(k);

/** The user, group or role a PolicySourceArn names, in `accountId`; NoSuchEntity as IAM words it otherwise. */
async function byArn(accountId: string, arn: string): Promise<SimulatedPrincipal> {
  const m = SOURCE_ARN.exec(arn);
  if (!m) throw new AwsError("InvalidInput", `PolicySourceArn ${clip(arn)} is not the ARN of an IAM user, group or role.`);
  const [, account, kind, , name] = m;
  const found = account === accountId && isKind(kind) ? await loadPrincipalPolicies(getDb(), kind, { arn }) : null;
  if (!found) throw noSuchEntity(`The ${kind} with name ${name} cannot be found.`);
  const type = kind as PolicySourceType;
  return {
    principal: { arn: found.arn, accountId: found.accountId, type: kind === "role" ? "role" : "user", id: found.id },
    kind: kind as PrincipalKind,
    name: found.name,
    policies: {
      identity: found.identity,
      boundary: found.boundary ? { arn: found.boundary.arn, document: found.boundary.document ?? EMPTY_POLICY } : undefined,
    },
    identitySources: found.identity.map((p) => sourceOf(p.group ? "group" : type, p)),
    boundarySource: found.boundary ? { id: found.boundary.arn.slice(found.boundary.arn.lastIndexOf("/") + 1), type: managedSourceType(found.boundary.arn) } : undefined,
    context: {},
  };
}

/** A live session of a role in `accountId`: the role's policies, its session policies, and the keys it carries. */
async function bySession(accountId: string, accessKeyId: string): Promise<SimulatedPrincipal> {
  const session = await findSession(getDb(), accessKeyId);
  if (!session || session.accountId !== accountId || !session.roleId) throw noSuchEntity(`The session ${clip(accessKeyId, 64)} cannot be found.`);
  const caller: Caller = { kind: "session", accountId, arn: session.arn, accessKeyId, session };
  const loaded = await loadCallerPolicies(caller);
  const role = loaded.principal;
  return {
    principal: requestPrincipal(caller),
    kind: "session",
    name: session.arn.slice(session.arn.indexOf("/") + 1),
    policies: loaded.policies,
    identitySources: loaded.policies.identity.map((p) => sourceOf("role", p)),
    boundarySource: role?.boundary ? { id: role.boundary.arn.slice(role.boundary.arn.lastIndexOf("/") + 1), type: managedSourceType(role.boundary.arn) } : undefined,
    context: callerContext(caller, loaded, {}),
  };
}

const EXTERNAL_ARN = /^arn:aws:(iam|sts)::(\d{12}):(user|role|assumed-role|root)(?:\/[\u0021-\u007E]*)?$/;

/** The identity policy a principal of an account Roleplane does not hold is supposed to have, when asked to. */
const SUPPOSED_POLICY_NAME = "SupposedByItsAccount";
const SUPPOSED_ALLOW = JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "SupposedByItsAccount", Effect: "Allow", Action: "*", Resource: "*" }] }, null, 2);

/**
 * A principal of another account, which this store does not hold: its own policies are unknown here. Without
 * `supposeAllowed` it has none (so across accounts it is implicitly denied); with it, its account is supposed to
 * allow everything, so that the other side (a trust or resource policy) decides, and the result names the supposition.
 */
function external(arn: string, supposeAllowed = false): SimulatedPrincipal {
  const m = EXTERNAL_ARN.exec(arn);
  if (!m) throw new AwsError("InvalidInput", `${clip(arn)} is not the ARN of a user, role, role session or account root.`);
  const [, , account, type] = m;
  const identity = supposeAllowed ? [{ name: SUPPOSED_POLICY_NAME, document: SUPPOSED_ALLOW }] : [];
  return {
    principal: { arn, accountId: account, type: type as "user" | "role" | "assumed-role" | "root" },
    kind: "external",
    name: arn,
    policies: { identity },
    identitySources: identity.map((p) => ({ id: p.name, type: "none" as const })),
    context: {},
  };
}

export function loadSimulatedPrincipal(accountId: string, source: SimulationSource): Promise<SimulatedPrincipal> {
  if (source.kind === "external") return Promise.resolve(external(source.arn, source.supposeAllowed));
  return source.kind === "arn" ? byArn(source.accountId ?? accountId, source.arn) : bySession(source.accountId ?? accountId, source.accessKeyId);
}

/**
 * The console's principal field: a user, group or role of this account by ARN; a role session by its assumed-role
 * ARN (the newest usable session of that name, as several may share it); or a principal of another account, which
 * the store does not hold. AWS's simulator takes the first kind only.
 */
export async function consoleSimulationSource(accountId: string, arn: string, supposeAllowed = false, now = new Date()): Promise<SimulationSource> {
  const account = arn.split(":")[4] ?? "";
  const own = account === accountId;
  if (/^arn:aws:sts::\d{12}:assumed-role\//.test(arn)) {
    const session = await findActiveSessionByArn(getDb(), account, arn, now);
    if (session) return { kind: "session", accessKeyId: session.id, accountId: account };
    if (own) throw noSuchEntity(`No usable session ${clip(arn)} is active: it expired, was revoked or never existed.`);
    return { kind: "external", arn, supposeAllowed };
  }
  const m = SOURCE_ARN.exec(arn);
  if (own || !EXTERNAL_ARN.test(arn)) return { kind: "arn", arn };
  // Another account's user or role: simulated with its own policies when the store holds that account.
  const held = m && isKind(m[2]) ? await loadPrincipalPolicies(getDb(), m[2], { arn }) : null;
  return held ? { kind: "arn", arn, accountId: account } : { kind: "external", arn, supposeAllowed };
}
