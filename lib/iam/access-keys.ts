import { getDb } from "@/lib/db/client";
import { VersionedCache } from "@/lib/db/versioned-cache";
import * as repo from "@/lib/db/access-keys";
import { openSecret, sealSecret } from "@/lib/crypto/secrets";
import { auditedChange } from "./audit";
import type { RequestContext } from "./context";
import { AwsError } from "@/lib/domain/errors";
import { newSecretAccessKey } from "./ids";
import { newAccessKeyIdFor } from "./access-key-ids";
import { LIMITS } from "@/lib/domain/schemas";
import { requireUser, userTarget } from "./users";
import type { AccessKeyMetadata, NewAccessKey } from "@/lib/domain/types";

/**
 * Long-term access keys (AKIA…). The secret is sealed at rest and returned once, at creation, as IAM does;
 * at most two per user (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html).
 */

export async function createAccessKey(ctx: RequestContext, userName: string): Promise<NewAccessKey> {
  return auditedChange(ctx, "CreateAccessKey", userTarget(ctx, userName), async (tx) => {
    const user = await requireUser(tx, ctx.accountId, userName);
    const existing = await repo.listKeys(tx, user.id, user.name);
    if (existing.length >= LIMITS.accessKeysPerUser)
      throw new AwsError("LimitExceeded", `Cannot exceed quota for AccessKeysPerUser: ${LIMITS.accessKeysPerUser}`);
    const secretAccessKey = newSecretAccessKey();
    const meta = await repo.insertKey(
      tx,
      { id: newAccessKeyIdFor("AKIA", ctx.accountId), userId: user.id, secretEncrypted: sealSecret(secretAccessKey) },
      user.name,
    );
    return { ...meta, secretAccessKey, userArn: user.arn };
  }, (k) => k.userArn).then(({ userArn: _ignored, ...key }) => key);
}

/** For operators: install a known key pair (used at start-up for ROLEPLANE_ADMIN_ACCESS_KEY_ID). */
export async function importAccessKey(ctx: RequestContext, userName: string, accessKeyId: string, secret: string) {
  if (!/^AKIA[A-Z0-9]{12,124}$/.test(accessKeyId))
    throw new AwsError("InvalidInput", "Access key id must start with AKIA followed by upper-case letters and digits.");
  return auditedChange(ctx, "CreateAccessKey", userTarget(ctx, userName), async (tx) => {
    const user = await requireUser(tx, ctx.accountId, userName);
    const found = await repo.findKeyWithOwner(tx, accessKeyId);
    if (found && found.userId !== user.id) throw new AwsError("EntityAlreadyExists", `Access key ${accessKeyId} belongs to another user.`);
    if (found) await repo.deleteKey(tx, user.id, accessKeyId);
    await repo.insertKey(tx, { id: accessKeyId, userId: user.id, secretEncrypted: sealSecret(secret) }, user.name);
    return user;
  }, (u) => u.arn);
}

export async function listAccessKeys(ctx: RequestContext, userName: string): Promise<AccessKeyMetadata[]> {
  const db = getDb();
  const user = await requireUser(db, ctx.accountId, userName);
  return repo.listKeys(db, user.id, user.name);
}

const keyNotFound = (id: string) => new AwsError("NoSuchEntity", `The Access Key with id ${id} cannot be found.`);

export async function updateAccessKey(ctx: RequestContext, userName: string, accessKeyId: string, status: "Active" | "Inactive") {
  await auditedChange(ctx, "UpdateAccessKey", userTarget(ctx, userName), async (tx) => {
    const user = await requireUser(tx, ctx.accountId, userName);
    if (!(await repo.setKeyStatus(tx, user.id, accessKeyId, status))) throw keyNotFound(accessKeyId);
    return user;
  }, (u) => u.arn);
}

export async function deleteAccessKey(ctx: RequestContext, userName: string, accessKeyId: string) {
  await auditedChange(ctx, "DeleteAccessKey", userTarget(ctx, userName), async (tx) => {
    const user = await requireUser(tx, ctx.accountId, userName);
    if (!(await repo.deleteKey(tx, user.id, accessKeyId))) throw keyNotFound(accessKeyId);
    return user;
  }, (u) => u.arn);
}

export interface SigningKey {
  accessKeyId: string;
  secretAccessKey: string;
  status: "Active" | "Inactive";
  accountId: string;
  userId: string;
  userName: string;
  userArn: string;
  /** The last recorded use, if any (see `recordAccessKeyUse`). */
  lastUsed?: { at: Date; service: string; region: string };
}

// Every API call looks its key up; a key's change (status, deletion, its user's deletion) is an audited change,
// which moves the store version and empties this before the next request.
const signingKeys = new VersionedCache<string, SigningKey | null>();

/** The key a SigV4 request names, with its secret opened, or null when no such key exists. */
export function findSigningKey(accessKeyId: string): Promise<SigningKey | null> {
  return signingKeys.get(accessKeyId, () => loadSigningKey(accessKeyId));
}

async function loadSigningKey(accessKeyId: string): Promise<SigningKey | null> {
  const k = await repo.findKeyWithOwner(getDb(), accessKeyId);
  if (!k) return null;
  return {
    accessKeyId: k.id,
    secretAccessKey: openSecret(k.secretEncrypted),
    status: k.status as SigningKey["status"],
    accountId: k.user.accountId,
    userId: k.user.id,
    userName: k.user.name,
    userArn: k.user.arn,
    lastUsed: k.lastUsedAt ? { at: k.lastUsedAt, service: k.lastUsedService ?? "", region: k.lastUsedRegion ?? "" } : undefined,
  };
}

/** How stale a key's last-used date may get before a request refreshes it. */
export const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Whether a use of `key` now should be written down: the first use, a use of another service or Region, or a
 * use more than a minute after the recorded one. Writing on every call would make every read request a write
 * (and, on SQLite, a turn at the single writer lock) for a date AWS itself reports only approximately.
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_AccessKeyLastUsed.html
 */
export function lastUseIsWorthRecording(key: Pick<SigningKey, "lastUsed">, service: string, region: string, now = new Date()): boolean {
  const last = key.lastUsed;
  return !last || last.service !== service || last.region !== region || now.getTime() - last.at.getTime() >= LAST_USED_RESOLUTION_MS;
}

export async function recordAccessKeyUse(key: SigningKey, service: string, region: string, now = new Date()) {
  if (!lastUseIsWorthRecording(key, service, region, now)) return;
  // The cached key learns of its own use, so the next minute's requests do not write again.
  key.lastUsed = { at: now, service, region };
  await repo.touchKey(getDb(), key.accessKeyId, service, region, now);
}
