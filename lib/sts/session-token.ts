import { createCipheriv, createDecipheriv } from "node:crypto";
import { randomBytesPooled } from "@/lib/crypto/random";
import { derivedKey } from "@/lib/crypto/secrets";

/**
 * Session tokens, the third part of temporary credentials (with the `ASIA…` access key id and the secret). Like
 * AWS's, a token is opaque to the client and carries what the server needs to authenticate the request without a
 * lookup: it is the access key id's secret and expiry, sealed with AES-256-GCM under a key derived for this
 * purpose, and bound to its access key id as additional authenticated data. A token changed in one bit, or sent
 * with another key id, does not open.
 *
 * The session's record (who, which role, tags, session policies, revocation) lives in the store; the token only
 * proves possession and carries the secret to verify the SigV4 signature with.
 */

const FORMAT = 1;
const LABEL = "sts/session-token/v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface SessionTokenClaims {
  accessKeyId: string;
  secretAccessKey: string;
  expiresAt: Date;
}

let key: Buffer | undefined;
const tokenKey = () => (key ??= derivedKey(LABEL));

const aad = (accessKeyId: string) => Buffer.from(`roleplane-session:${accessKeyId}`, "utf8");

export function sealSessionToken(c: SessionTokenClaims): string {
  const iv = randomBytesPooled(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", tokenKey(), iv);
  cipher.setAAD(aad(c.accessKeyId));
  const body = Buffer.concat([
    cipher.update(JSON.stringify({ s: c.secretAccessKey, x: Math.floor(c.expiresAt.getTime() / 1000) }), "utf8"),
    cipher.final(),
  ]);
  return Buffer.concat([Buffer.from([FORMAT]), iv, cipher.getAuthTag(), body]).toString("base64");
}

/** The claims, or null when the token is malformed, tampered with, or belongs to another access key id. */
export function openSessionToken(token: string, accessKeyId: string): SessionTokenClaims | null {
  if (token.length > 4096) return null;
  const raw = Buffer.from(token, "base64");
  if (raw.length < 1 + IV_BYTES + TAG_BYTES + 2 || raw[0] !== FORMAT) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", tokenKey(), raw.subarray(1, 1 + IV_BYTES));
    decipher.setAAD(aad(accessKeyId));
    decipher.setAuthTag(raw.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES));
    const text = Buffer.concat([decipher.update(raw.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
    const { s, x } = JSON.parse(text) as { s?: unknown; x?: unknown };
    if (typeof s !== "string" || typeof x !== "number") return null;
    return { accessKeyId, secretAccessKey: s, expiresAt: new Date(x * 1000) };
  } catch {
    return null;
  }
}
