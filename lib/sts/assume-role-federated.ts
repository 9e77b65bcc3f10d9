import { syncCaches } from "@/lib/db/versioned-cache";
import { AwsError } from "@/lib/domain/errors";
import { LIMITS } from "@/lib/domain/limits";
import type { AssumeRoleWithSamlInput, AssumeRoleWithWebIdentityInput } from "@/lib/domain/sts-schemas";
import type { FederatedCheck } from "@/lib/domain/sts-types";
import type { AuditDetails, Role } from "@/lib/domain/types";
import { refusalError, type Verification } from "@/lib/federation/refusal";
import type { VerifiedSamlAssertion } from "@/lib/federation/saml-response";
import type { VerifiedWebIdentity } from "@/lib/federation/web-identity";
import { requestEnvContext, type RequestEnv } from "@/lib/iam/callers";
import type { RequestContext } from "@/lib/iam/context";
import { verifySamlAssertion, verifyWebIdentityToken } from "@/lib/iam/federation";
import { explainDecision, type Decision, type FastDecision } from "@/lib/policy";
import { checkSourceIdentity, federatedSessionTags, webIdentitySessionClaims, type FederatedSessionClaims } from "./federated-claims";
import type { Issued } from "./issue";
import { assertSessionPolicy, auditRefusedAssume, grantRoleSession } from "./role-session";
import { roleByArn } from "./roles";

/**
 * sts:AssumeRoleWithWebIdentity and sts:AssumeRoleWithSAML: unsigned requests whose identity is a token or an
 * assertion the role's account trusts (lib/iam/federation verifies it against the account's providers). The
 * principal is the provider (`Principal.Federated`), the request context holds the provider's claims
 * (`<provider>:aud`, `:sub`, `:amr`, `SAML:aud`, `SAML:sub`, …), and the session is the same role session
 * AssumeRole issues (lib/sts/role-session). A refusal is a value, as AssumeRole's is, so the console can explain it.
 * @see https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html
 * @see https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithSAML.html
 */


export type FederatedOutcome<F> =
  | { granted: true; issued: Issued; role: Role; packedPolicySize?: number; decision: FastDecision; federation: F; provider: string }
  | { granted: false; check: FederatedCheck; error: AwsError; decision?: Decision; explanation: string[] };

export interface FederatedRequest<I> {
  ctx: RequestContext;
  input: I;
  env: RequestEnv;
}

/** AWS's AccessDenied for a federated assume names only the action ("Not authorized to perform sts:AssumeRoleWithSAML"). */
const notAuthorized = (action: string) => new AwsError("AccessDenied", `Not authorized to perform ${action}`);

const arnAccount = (arn: string) => /^arn:aws:iam::(\d{12}):/.exec(arn)?.[1] ?? null;

interface Verified<F> {
  federation: F;
  provider: string;
  subject: string;
  sessionName: string;
  claims: FederatedSessionClaims;
  contextKeys: Record<string, string | string[]>;
  /** When the provider says the session must end (SAML's SessionNotOnOrAfter): it caps DurationSeconds. */
  sessionEndsAt?: Date;
}

/** What both federated assumes take alike: the request, the role and the session policies and duration. */
interface FederatedSession {
  ctx: RequestContext;
  env: RequestEnv;
  roleArn: string;
  policy?: string;
  policyArns: string[];
  durationSeconds?: number;
}

const federatedSession = (req: FederatedRequest<AssumeRoleWithWebIdentityInput | AssumeRoleWithSamlInput>): FederatedSession => ({
  ctx: req.ctx,
  env: req.env,
  roleArn: req.input.RoleArn,
  policy: req.input.Policy,
  policyArns: (req.input.PolicyArns ?? []).map((p) => p.arn),
  durationSeconds: req.input.DurationSeconds,
});

interface FederatedAssume<F> extends FederatedSession {
  action: "AssumeRoleWithWebIdentity" | "AssumeRoleWithSAML";
  /** The account whose providers were asked: failures are recorded there once the token proved to be its own. */
  verifiedAccount: string | null;
  verify: () => Promise<Verification<Verified<F>>>;
}

/** The requested duration, cut so the session ends no later than the provider allows. */
function cappedDuration(seconds: number, endsAt: Date | undefined, now: Date): number {
  if (!endsAt) return seconds;
  return Math.max(1, Math.min(seconds, Math.floor((endsAt.getTime() - now.getTime()) / 1000)));
}

/** The shared path of both federations: verify, find the role, then the role session's own checks and issue. */
async function assumeFederated<F>(a: FederatedAssume<F>): Promise<FederatedOutcome<F>> {
  const now = a.env.now ?? new Date();
  if (!a.env.cachesSynced) await syncCaches();
  assertSessionPolicy(a.policy);
  const role = await roleByArn(a.roleArn);
  const verification = await a.verify();
  const verified = verification.ok ? verification.value : null;
  // Whose subject it is, as CloudTrail names a federated caller: the provider and the subject it vouched for.
  const ctx = verified ? { ...a.ctx, accountId: role?.accountId ?? a.verifiedAccount ?? "", actor: `${verified.provider}:${verified.subject}` } : a.ctx;
  const details: AuditDetails = verified ? { sessionName: verified.sessionName, provider: verified.provider, subject: verified.subject } : {};

  const refuse = async (check: FederatedCheck, error: AwsError, decision?: Decision): Promise<FederatedOutcome<F>> => {
    // Anyone may send these requests unsigned: a refusal is recorded only in an account it concerns, one whose
    // role was named or whose provider vouched for the token.
    const accountId = role?.accountId ?? (verified ? a.verifiedAccount : null);
    const explanation = accountId
      ? await auditRefusedAssume({ ...ctx, accountId }, { action: a.action, accountId, target: role?.arn ?? a.roleArn, error, decision, details })
      : decision
        ? explainDecision(decision)
        : [error.message];
    return { granted: false, check, error, decision, explanation };
  };

  if (!verification.ok) return refuse("token", refusalError(verification.refusal));
  const v = verification.value;
  if (!role) return refuse("role", notAuthorized(`sts:${a.action}`));

  const result = await grantRoleSession({
    ctx: { ...ctx, accountId: role.accountId },
    env: a.env,
    now,
    action: a.action,
    role,
    principal: { type: "federated", arn: v.provider, accountId: "" },
    callerPolicies: { identity: [] },
    context: { ...requestEnvContext(a.env), ...v.contextKeys },
    sessionName: v.sessionName,
    requestedTags: v.claims.tags,
    tagSet: v.claims.tags,
    sourceIdentity: v.claims.sourceIdentity ?? null,
    setsSourceIdentity: v.claims.sourceIdentity !== undefined,
    policy: a.policy,
    policyArns: a.policyArns,
    durationSeconds: cappedDuration(a.durationSeconds ?? LIMITS.assumeRoleDuration.default, v.sessionEndsAt, now),
    chained: false,
    caller: { arn: v.provider, accountId: null },
    mfaAt: null,
    denied: notAuthorized,
    auditDetails: { ...details, sourceIdentity: v.claims.sourceIdentity },
  });
  if (!result.granted) return refuse(result.check, result.error, result.decision);
  return { granted: true, issued: result.issued, role, packedPolicySize: result.packedPolicySize, decision: result.decision, federation: v.federation, provider: v.provider };
}

export function assumeRoleWithWebIdentity(req: FederatedRequest<AssumeRoleWithWebIdentityInput>): Promise<FederatedOutcome<VerifiedWebIdentity>> {
  const { input } = req;
  // The token is checked against the OIDC providers of the role's account.
  const accountId = arnAccount(input.RoleArn);
  return assumeFederated({
    ...federatedSession(req),
    action: "AssumeRoleWithWebIdentity",
    verifiedAccount: accountId,
    verify: async () => {
      const checked = accountId
        ? await verifyWebIdentityToken({ token: input.WebIdentityToken, accountId, providerId: input.ProviderId, now: req.env.now })
        : { ok: false as const, refusal: { code: "InvalidIdentityToken" as const, message: "No OpenIDConnect provider found in your account for the token's issuer" } };
      if (!checked.ok) return checked;
      const v = checked.value;
      // A registered provider is the principal by its ARN; one AWS trusts unregistered by its domain (accounts.google.com).
      const provider = v.providerArn ?? String(v.contextKeys["aws:FederatedProvider"]);
      return {
        ok: true,
        value: { federation: v, provider, subject: v.subject, sessionName: input.RoleSessionName, claims: webIdentitySessionClaims(v.claims), contextKeys: v.contextKeys },
      };
    },
  });
}

export function assumeRoleWithSaml(req: FederatedRequest<AssumeRoleWithSamlInput>): Promise<FederatedOutcome<VerifiedSamlAssertion>> {
  const { input } = req;
  return assumeFederated({
    ...federatedSession(req),
    action: "AssumeRoleWithSAML",
    verifiedAccount: arnAccount(input.PrincipalArn),
    verify: async () => {
      const checked = await verifySamlAssertion({ samlAssertion: input.SAMLAssertion, roleArn: input.RoleArn, principalArn: input.PrincipalArn, now: req.env.now });
      if (!checked.ok) return checked;
      const v = checked.value;
      const source = "SAML assertion";
      const claims = { tags: federatedSessionTags(v.sessionTags, v.transitiveTagKeys, source), sourceIdentity: checkSourceIdentity(v.sourceIdentity, source) };
      return {
        ok: true,
        value: { federation: v, provider: input.PrincipalArn, subject: v.subject, sessionName: v.roleSessionName, claims, contextKeys: v.contextKeys, sessionEndsAt: v.sessionNotOnOrAfter },
      };
    },
  });
}
