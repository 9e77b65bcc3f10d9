import { randomBytes } from "node:crypto";

/**
 * IAM unique ids are a four-letter prefix plus uppercase letters and digits: AROA role, AIDA user, ANPA managed
 * policy, AIPA instance profile (21 chars); access keys AKIA (long-term) and ASIA (temporary) are 20 chars.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids
 */
export type IdPrefix = "AROA" | "AIDA" | "ANPA" | "AIPA" | "AKIA" | "ASIA";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

function randomChars(count: number, alphabet = ALPHABET): string {
  const bytes = randomBytes(count);
  let out = "";
  for (let i = 0; i < count; i++) out += alphabet[bytes[i] % alphabet.length];
  return out;
}

export function newUniqueId(prefix: Exclude<IdPrefix, "AKIA" | "ASIA">): string {
  return prefix + randomChars(17);
}

/** 40 characters of base64-like text, the shape of an AWS secret access key. */
export function newSecretAccessKey(): string {
  return randomBytes(30).toString("base64").replace(/\+/g, "A").replace(/\//g, "B");
}

export function newRequestId(): string {
  const h = randomBytes(16).toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
