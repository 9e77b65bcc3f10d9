import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { dataDir } from "@/lib/config";
import { randomBytesPooled } from "./random";
import fs from "node:fs";
import path from "node:path";

/**
 * Secrets at rest (access-key secrets, later session secrets) are sealed with AES-256-GCM. The key comes from
 * ROLEPLANE_ENCRYPTION_KEY (base64, 32 bytes) or, for the embedded default, a key file created once under the
 * data directory with owner-only permissions. The format is versioned so the scheme can change without a rewrite.
 */
const FORMAT = "v1";

let cachedKey: Buffer | undefined;

function encryptionKey(): Buffer {
  if (cachedKey) return cachedKey;
  const fromEnv = process.env.ROLEPLANE_ENCRYPTION_KEY;
  if (fromEnv) {
    const key = Buffer.from(fromEnv, "base64");
    if (key.length !== 32) throw new Error("ROLEPLANE_ENCRYPTION_KEY must be 32 bytes, base64-encoded");
    return (cachedKey = key);
  }
  const file = path.join(dataDir(), "encryption.key");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600, flag: "wx" });
  }
  return (cachedKey = Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64"));
}

export function sealSecret(plaintext: string): string {
  const iv = randomBytesPooled(12);
  const cipher = createCipheriv("aes-256-gcm", encryptionKey(), iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [FORMAT, iv.toString("base64"), cipher.getAuthTag().toString("base64"), body.toString("base64")].join(":");
}

export function openSecret(sealed: string): string {
  const [format, iv, tag, body] = sealed.split(":");
  if (format !== FORMAT || !iv || !tag || body === undefined) throw new Error("Unrecognised sealed secret");
  const decipher = createDecipheriv("aes-256-gcm", encryptionKey(), Buffer.from(iv, "base64"));
  decipher.setAuthTag(Buffer.from(tag, "base64"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64")), decipher.final()]).toString("utf8");
}

/**
 * A key for one purpose, derived from the at-rest key with HKDF (RFC 5869), so each use (session tokens, …) has
 * its own key and no operator setting is added. `label` names the purpose and its format version.
 */
export function derivedKey(label: string): Buffer {
  return Buffer.from(hkdfSync("sha256", encryptionKey(), Buffer.alloc(0), `roleplane/${label}`, 32));
}
