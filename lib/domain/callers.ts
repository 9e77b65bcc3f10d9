import type { ContextValue, PolicySet, RequestPrincipal } from "@/lib/policy";
import type { Tag } from "./schemas";
import type { StsSession } from "./sts-types";
import type { PrincipalPolicies } from "./types";

/**
 * Who makes a request, as authorization sees it: an IAM user signing with a long-term key, or a session STS issued
 * (a role session, or a user's GetSessionToken session). API authorization, STS and the console's Assume role all
 * start from a Caller; its policies and request context are built here, once, for every door.
 */
export type Caller =
  | { kind: "user"; accountId: string; arn: string; userId: string; userName: string; accessKeyId?: string }
  | { kind: "session"; accountId: string; arn: string; accessKeyId: string; session: StsSession };

/** The transport's part of a request's context. */
export interface RequestEnv {
  region?: string;
  sourceIp?: string;
  /** Whether the request came over TLS; Roleplane's default listener is plain HTTP. */
  secureTransport?: boolean;
  now?: Date;
  /**
   * Set by the API handler, which compares the store version with the caches when a request arrives; core entry
   * points compare it themselves otherwise (the console calls them directly).
   */
  cachesSynced?: boolean;
}

export const isRoleSession = (c: Caller): c is Extract<Caller, { kind: "session" }> & { session: StsSession & { roleId: string } } =>
  c.kind === "session" && c.session.roleId !== null;

/** The IAM user a caller acts as (a user's own key or its GetSessionToken session), or undefined for a role session. */
export function callerUserName(c: Caller): string | undefined {
  if (c.kind === "user") return c.userName;
  return c.session.userId ? c.arn.slice(c.arn.lastIndexOf("/") + 1) : undefined;
}

/** The principal as the evaluator matches it against Principal elements. */
export function requestPrincipal(c: Caller): RequestPrincipal {
  if (c.kind === "user") return { arn: c.arn, accountId: c.accountId, type: "user", id: c.userId };
  const s = c.session;
  if (s.roleId) return { arn: s.arn, accountId: s.accountId, type: "assumed-role", id: s.roleId, roleArn: s.roleArn ?? undefined };
  return { arn: s.arn, accountId: s.accountId, type: "user", id: s.userId ?? undefined };
}

/** What a caller's requests are evaluated with: its identity-based policies, boundary and session policies. */
export interface CallerPolicies {
  /** The user or role behind the caller, or null when it no longer exists (then nothing is allowed). */
  principal: PrincipalPolicies | null;
  policies: PolicySet;
  /** Principal tags: the user's or role's tags, with a session's tags taking precedence (keys ignore case). */
  tags: Tag[];
}

const EMPTY_POLICY = { Version: "2012-10-17", Statement: [] };

export function mergeTags(base: Tag[], over: Tag[]): Tag[] {
  const keys = new Set(over.map((t) => t.Key.toLowerCase()));
  return [...base.filter((t) => !keys.has(t.Key.toLowerCase())), ...over];
}

/**
 * A caller's policies from its principal's: identity-based policies, the boundary (one whose policy no longer exists
 * allows nothing, failing closed) and the session's policies, with the session's tags over the principal's.
 */
export function callerPoliciesOf(principal: PrincipalPolicies | null, session?: PolicySet["session"], sessionTags: Tag[] = []): CallerPolicies {
  const identity = principal?.identity ?? [];
  const boundary = principal?.boundary ? { arn: principal.boundary.arn, document: principal.boundary.document ?? EMPTY_POLICY } : undefined;
  return { principal, policies: { identity, boundary, session }, tags: mergeTags(principal?.tags ?? [], sessionTags) };
}

// The same instant is formatted once: an access build evaluates thousands of requests at one `now`.
let lastInstant = NaN;
let lastIso = "";
function isoSeconds(d: Date): string {
  if (d.getTime() !== lastInstant) [lastInstant, lastIso] = [d.getTime(), d.toISOString().replace(/\.\d{3}Z$/, "Z")];
  return lastIso;
}

/**
 * The global keys every request carries whoever sends it: time, transport, Region, source address. A federated
 * principal (AssumeRoleWithWebIdentity / WithSAML) has these and its provider's claims, nothing of a caller's.
 */
export function requestEnvContext(env: RequestEnv): Record<string, ContextValue> {
  const now = env.now ?? new Date();
  const out: Record<string, ContextValue> = {
    "aws:CurrentTime": isoSeconds(now),
    "aws:EpochTime": String(Math.floor(now.getTime() / 1000)),
    "aws:SecureTransport": env.secureTransport ?? false,
    "aws:RequestedRegion": env.region ?? "us-east-1",
    "aws:ViaAWSService": false,
    "aws:PrincipalIsAWSService": false,
  };
  if (env.sourceIp) out["aws:SourceIp"] = env.sourceIp;
  return out;
}

/**
 * The global condition keys a request from this caller carries.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
 */
export function callerContext(c: Caller, p: CallerPolicies, env: RequestEnv): Record<string, ContextValue> {
  const now = env.now ?? new Date();
  const s = c.kind === "session" ? c.session : undefined;
  const out: Record<string, ContextValue> = {
    "aws:PrincipalArn": s?.roleArn ?? (s ? s.arn : c.arn),
    "aws:PrincipalAccount": c.accountId,
    "aws:PrincipalType": s?.roleId ? "AssumedRole" : "User",
    ...requestEnvContext(env),
  };
  if (s?.roleId) out["aws:userid"] = `${s.roleId}:${s.sessionName}`;
  else if (p.principal) {
    out["aws:userid"] = p.principal.id;
    out["aws:username"] = p.principal.name;
  }
  for (const t of p.tags) out[`aws:PrincipalTag/${t.Key}`] = t.Value;
  if (s) {
    // Temporary credentials always say whether MFA was used; long-term keys leave the key out (hence BoolIfExists).
    out["aws:TokenIssueTime"] = isoSeconds(s.issuedAt);
    out["aws:MultiFactorAuthPresent"] = s.mfaAuthenticated;
    if (s.mfaAuthenticated && s.mfaAuthenticatedAt)
      out["aws:MultiFactorAuthAge"] = String(Math.max(0, Math.floor((now.getTime() - s.mfaAuthenticatedAt.getTime()) / 1000)));
    if (s.sourceIdentity) out["aws:SourceIdentity"] = s.sourceIdentity;
  }
  return out;
}
