import { compactVerify, createLocalJWKSet, errors, type JSONWebKeySet, type JWTPayload } from "jose";
import { accept, epochSeconds, refuse, type Verification } from "./refusal";
import { TOKEN_ALGORITHMS } from "./jwks";

/**
 * Verifying a web identity token (an OpenID Connect ID token, a JWT) the way STS does for
 * AssumeRoleWithWebIdentity: the issuer must be an OIDC provider registered in the role's account (or one of the
 * providers AWS trusts without registration), the signature must verify with that provider's keys using an RSA
 * or ECDSA algorithm, the token must not have expired or be used before its `nbf`, and its audience must be one
 * of the provider's client IDs. The answer is the token's claims and the condition keys STS puts in the request
 * context for the trust policy, or a refusal with AWS's code and words. Pure apart from asking for keys.
 *
 * @see https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif
 */

/** What the verifier trusts for one issuer. */
export interface WebIdentityTrust {
  /** The registered provider's ARN; null for a provider AWS trusts without registration (accounts.google.com, …). */
  providerArn: string | null;
  /** What condition keys start with: the issuer URL without `https://` (`token.actions.githubusercontent.com`). */
  keyPrefix: string;
  /** Client IDs the token's `aud` or `azp` must be one of; null for the well-known providers, whose trust policies check the audience. */
  clientIds: string[] | null;
  /** The issuer's signing keys; null when they cannot be had (nothing uploaded and the issuer cannot be reached). */
  keys: () => Promise<JSONWebKeySet | null>;
}

/** Finds what is trusted for a token's `iss`, or null when the account has no such provider. */
export type FindWebIdentityTrust = (issuer: string) => Promise<WebIdentityTrust | null>;

export interface VerifiedWebIdentity {
  /** The token's `iss`: AssumeRoleWithWebIdentity's `Provider`. */
  issuer: string;
  providerArn: string | null;
  /** The token's `sub`: `SubjectFromWebIdentityToken`. */
  subject: string;
  /** The client ID the token was accepted for: `Audience`. */
  audience: string;
  expiresAt: Date;
  claims: JWTPayload;
  /** Request-context keys for the trust policy: `<prefix>:aud`, `:sub`, `:oaud`, `:azp`, `:amr`, `:email`, `aws:FederatedProvider`. */
  contextKeys: Record<string, string | string[]>;
}

export interface WebIdentityRequest {
  token: string;
  /** AssumeRoleWithWebIdentity's ProviderId: only for OAuth 2.0 access tokens from www.amazon.com and graph.facebook.com. */
  providerId?: string;
  now?: Date;
}

/** How far in the future a token's `nbf` may be, for clocks that disagree a little. Expiry gets no such grace. */
export const NOT_BEFORE_LEEWAY_SECONDS = 300;

/** Providers whose OAuth 2.0 access tokens STS checks by calling them (ProviderId); there is no key to check offline. */
export const OAUTH_PROVIDERS = new Set(["www.amazon.com", "graph.facebook.com"]);

const NOT_A_JWT = "The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)";
export const NO_KEYS = "Couldn't retrieve verification key from your identity provider, please reference AssumeRoleWithWebIdentity documentation for requirements";

interface Decoded {
  alg: string;
  payload: JWTPayload;
}

function decode(token: string): Decoded | null {
  const parts = token.split(".");
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]*$/.test(p))) return null;
  try {
    const header = JSON.parse(Buffer.from(parts[0], "base64url").toString("utf8")) as unknown;
    const payload = JSON.parse(Buffer.from(parts[1], "base64url").toString("utf8")) as unknown;
    if (!isRecord(header) || !isRecord(payload) || typeof header.alg !== "string") return null;
    return { alg: header.alg, payload: payload as JWTPayload };
  } catch {
    return null;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] => (typeof v === "string" ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

export async function verifyWebIdentityJwt(req: WebIdentityRequest, findTrust: FindWebIdentityTrust): Promise<Verification<VerifiedWebIdentity>> {
  const now = req.now ?? new Date();
  if (req.providerId !== undefined)
    return OAUTH_PROVIDERS.has(req.providerId)
      ? refuse("IDPCommunicationError", `${req.providerId} could not be reached to check the access token: Roleplane checks OAuth 2.0 access tokens only where it can call the provider.`)
      : refuse("InvalidIdentityToken", `ProviderId ${req.providerId} is not a provider of OAuth 2.0 access tokens; send OpenID Connect ID tokens without ProviderId.`);

  const decoded = decode(req.token);
  if (!decoded) return refuse("InvalidIdentityToken", NOT_A_JWT);
  const { alg, payload } = decoded;
  if (!(TOKEN_ALGORITHMS as readonly string[]).includes(alg))
    return refuse("InvalidIdentityToken", `The token is signed with ${alg === "none" ? "no algorithm (alg none)" : alg}; web identity tokens must be signed with ${TOKEN_ALGORITHMS.join(", ")}.`);
  if (typeof payload.iss !== "string" || payload.iss === "") return refuse("InvalidIdentityToken", NOT_A_JWT);

  const trust = await findTrust(payload.iss);
  if (!trust) return refuse("InvalidIdentityToken", `No OpenIDConnect provider found in your account for ${payload.iss}`);
  const keys = await trust.keys();
  if (!keys) return refuse("InvalidIdentityToken", NO_KEYS);

  let verifiedPayload: JWTPayload;
  try {
    const { payload: bytes } = await compactVerify(req.token, createLocalJWKSet(keys), { algorithms: [...TOKEN_ALGORITHMS] });
    verifiedPayload = JSON.parse(new TextDecoder().decode(bytes)) as JWTPayload;
  } catch (e) {
    if (e instanceof errors.JWKSNoMatchingKey) return refuse("InvalidIdentityToken", "None of the provider's keys matches the token's key ID (kid) and algorithm.");
    if (e instanceof errors.JWSSignatureVerificationFailed) return refuse("InvalidIdentityToken", "The token's signature does not verify with the provider's keys.");
    return refuse("InvalidIdentityToken", NOT_A_JWT);
  }
  return checkClaims(verifiedPayload, trust, now);
}

function checkClaims(claims: JWTPayload, trust: WebIdentityTrust, now: Date): Verification<VerifiedWebIdentity> {
  const at = epochSeconds(now);
  if (typeof claims.exp !== "number") return refuse("InvalidIdentityToken", "The token has no expiration (exp) claim: web identity tokens must expire.");
  if (at >= claims.exp) return refuse("ExpiredTokenException", `Token expired: current date/time ${at} must be before the expiration date/time ${Math.floor(claims.exp)}`);
  if (claims.nbf !== undefined && (typeof claims.nbf !== "number" || at + NOT_BEFORE_LEEWAY_SECONDS < claims.nbf))
    return refuse("InvalidIdentityToken", `Token is not yet valid: current date/time ${at} must be on or after the not-before date/time ${String(claims.nbf)}`);
  if (typeof claims.sub !== "string" || claims.sub === "") return refuse("InvalidIdentityToken", "The token has no subject (sub) claim.");

  const aud = strings(claims.aud);
  const azp = typeof claims.azp === "string" ? claims.azp : undefined;
  // The audience STS checks and the `:aud` key hold: `azp` when the token names an authorized party (a hybrid app,
  // as Google issues them), otherwise `aud`. The original `aud` stays available as `:oaud`.
  let audience = azp ?? aud[0];
  if (trust.clientIds) {
    const accepted = [azp, ...aud].find((a) => a !== undefined && trust.clientIds!.includes(a));
    if (!accepted) return refuse("InvalidIdentityToken", "Incorrect token audience");
    audience = accepted;
  }
  if (audience === undefined) return refuse("InvalidIdentityToken", "The token has no audience (aud) claim.");

  const p = trust.keyPrefix;
  const keys: Record<string, string | string[]> = { [`${p}:aud`]: audience, [`${p}:sub`]: claims.sub };
  if (aud.length > 0) keys[`${p}:oaud`] = aud.length === 1 ? aud[0] : aud;
  if (azp) keys[`${p}:azp`] = azp;
  const amr = strings(claims.amr);
  if (amr.length > 0) keys[`${p}:amr`] = amr;
  if (typeof claims.email === "string") keys[`${p}:email`] = claims.email;
  keys["aws:FederatedProvider"] = trust.providerArn ?? p;

  return accept({
    issuer: claims.iss!,
    providerArn: trust.providerArn,
    subject: claims.sub,
    audience,
    expiresAt: new Date(claims.exp * 1000),
    claims,
    contextKeys: keys,
  });
}
