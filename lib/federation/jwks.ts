import type { JSONWebKeySet, JWK } from "jose";
import { LIMITS } from "@/lib/domain/limits";
import type { SigningKeySummary } from "@/lib/domain/types";

export type { SigningKeySummary };

/**
 * An OIDC provider's signing keys as a JSON Web Key Set (RFC 7517, section 5). Roleplane keeps only public
 * asymmetric keys: a private member (`d`, `p`, …) means someone uploaded a secret by mistake, and a symmetric
 * (`oct`) key would let a token signed with HMAC pass as the provider's — the key-confusion attack.
 */

/** Signature algorithms a web identity token may use: RSA and ECDSA, never `none` or HMAC. */
export const TOKEN_ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"] as const;

export type JwksRead = { ok: true; jwks: JSONWebKeySet; keys: SigningKeySummary[] } | { ok: false; reason: string };

const PRIVATE_MEMBERS = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"];
const CURVES = new Set(["P-256", "P-384", "P-521"]);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export function parseJwks(text: string): JwksRead {
  if (text.length > LIMITS.jwksDocument.max) return { ok: false, reason: `the JWKS is longer than ${LIMITS.jwksDocument.max.toLocaleString("en-US")} characters` };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: "the JWKS is not JSON" };
  }
  if (!isRecord(value) || !Array.isArray(value.keys)) return { ok: false, reason: 'the JWKS must be an object with a "keys" array' };
  if (value.keys.length === 0) return { ok: false, reason: "the JWKS holds no key" };
  if (value.keys.length > LIMITS.keysPerJwks) return { ok: false, reason: `the JWKS holds more than ${LIMITS.keysPerJwks} keys` };
  const keys: JWK[] = [];
  const summaries: SigningKeySummary[] = [];
  for (const [i, k] of value.keys.entries()) {
    const where = `key ${i + 1}${isRecord(k) && typeof k.kid === "string" ? ` (kid ${k.kid})` : ""}`;
    if (!isRecord(k)) return { ok: false, reason: `${where} is not an object` };
    if (PRIVATE_MEMBERS.some((m) => m in k)) return { ok: false, reason: `${where} holds private or symmetric key material; upload the public keys only` };
    if (k.use !== undefined && k.use !== "sig") return { ok: false, reason: `${where} is for "${String(k.use)}", not for signatures ("sig")` };
    if (k.alg !== undefined && !(TOKEN_ALGORITHMS as readonly unknown[]).includes(k.alg))
      return { ok: false, reason: `${where} names the algorithm ${String(k.alg)}; tokens may be signed with ${TOKEN_ALGORITHMS.join(", ")}` };
    if (k.kid !== undefined && typeof k.kid !== "string") return { ok: false, reason: `${where} has a kid that is not a string` };
    if (k.kty === "RSA") {
      if (typeof k.n !== "string" || typeof k.e !== "string") return { ok: false, reason: `${where} is an RSA key without n and e` };
      const bits = Buffer.from(k.n, "base64url").length * 8;
      if (bits < 2048) return { ok: false, reason: `${where} is a ${bits}-bit RSA key; at least 2048 bits are required` };
      keys.push({ kty: "RSA", n: k.n, e: k.e, ...(k.kid ? { kid: k.kid as string } : {}), ...(k.alg ? { alg: k.alg as string } : {}), use: "sig" });
      summaries.push({ kid: (k.kid as string) ?? null, kty: "RSA", alg: (k.alg as string) ?? null, size: `${bits} bits` });
    } else if (k.kty === "EC") {
      if (typeof k.crv !== "string" || !CURVES.has(k.crv) || typeof k.x !== "string" || typeof k.y !== "string")
        return { ok: false, reason: `${where} is an EC key without a P-256, P-384 or P-521 curve and its x and y` };
      keys.push({ kty: "EC", crv: k.crv, x: k.x, y: k.y, ...(k.kid ? { kid: k.kid as string } : {}), ...(k.alg ? { alg: k.alg as string } : {}), use: "sig" });
      summaries.push({ kid: (k.kid as string) ?? null, kty: "EC", alg: (k.alg as string) ?? null, size: k.crv });
    } else return { ok: false, reason: `${where} has key type ${String(k.kty)}; only RSA and EC public keys can verify tokens` };
  }
  return { ok: true, jwks: { keys }, keys: summaries };
}
