import { randomBytes } from "node:crypto";

/**
 * Access key ids in AWS's own layout: a four-letter prefix (AKIA long-term, ASIA temporary) and 16 base32
 * characters encoding ten bytes, the first six of which carry the owning account id in bits 7–46. AWS documents
 * that `sts:GetAccessKeyInfo` reads the account from the id itself; laying ours out the same way means that works
 * for any key Roleplane issued, and that tools which decode key ids (as security teams do) read the right account.
 * @see https://docs.aws.amazon.com/STS/latest/APIReference/API_GetAccessKeyInfo.html
 */
const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const ACCOUNT_MASK = 0x7fffffffff80n;

function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

function unbase32(text: string): Uint8Array | null {
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const c of text) {
    const v = BASE32.indexOf(c);
    if (v < 0) return null;
    value = (value << 5) | v;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Uint8Array.from(out);
}

export function newAccessKeyIdFor(prefix: "AKIA" | "ASIA", accountId: string): string {
  const bytes = randomBytes(10);
  let head = 0n;
  for (let i = 0; i < 6; i++) head = (head << 8n) | BigInt(bytes[i]);
  head = (head & ~ACCOUNT_MASK) | ((BigInt(accountId) << 7n) & ACCOUNT_MASK);
  for (let i = 5; i >= 0; i--) {
    bytes[i] = Number(head & 0xffn);
    head >>= 8n;
  }
  return prefix + base32(bytes);
}

/** The account an access key id names, as AWS decodes it; null for an id not in AWS's layout. */
export function accountOfAccessKeyId(id: string): string | null {
  if (!/^(AKIA|ASIA)[A-Z2-7]{16}$/.test(id)) return null;
  const bytes = unbase32(id.slice(4));
  if (!bytes || bytes.length < 6) return null;
  let head = 0n;
  for (let i = 0; i < 6; i++) head = (head << 8n) | BigInt(bytes[i]);
  return ((head & ACCOUNT_MASK) >> 7n).toString().padStart(12, "0");
}
