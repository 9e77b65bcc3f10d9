import { getDb } from "@/lib/db/client";
import { findSession } from "@/lib/db/sts-sessions";
import { VersionedCache } from "@/lib/db/versioned-cache";
import { AwsError } from "@/lib/domain/errors";
import type { StsSession } from "@/lib/domain/sts-types";
import { openSessionToken } from "./session-token";

/**
 * Authenticating a request signed with temporary credentials (an `ASIA…` key id and `X-Amz-Security-Token`): the
 * token opens only for its own key id and carries the secret the signature is checked with; the session it names
 * must exist and not be revoked. An expired token is AWS's `ExpiredToken`; anything else wrong is
 * `InvalidClientTokenId`, as AWS answers, so a probe learns nothing about which part failed.
 */

export interface SessionSigningKey {
  secretAccessKey: string;
  status: "Active" | "Inactive";
  session: StsSession;
}

// Sessions change only when revoked, which is an audited change: it moves the store version and empties this.
const sessions = new VersionedCache<string, StsSession | null>();

export function loadSession(id: string): Promise<StsSession | null> {
  return sessions.get(id, () => findSession(getDb(), id));
}

export const EXPIRED_TOKEN_MESSAGE = "The security token included in the request is expired";

export async function findSessionSigningKey(accessKeyId: string, sessionToken: string, now = new Date()): Promise<SessionSigningKey | null> {
  const claims = openSessionToken(sessionToken, accessKeyId);
  if (!claims) return null;
  if (claims.expiresAt.getTime() <= now.getTime()) throw new AwsError("ExpiredToken", EXPIRED_TOKEN_MESSAGE);
  const session = await loadSession(accessKeyId);
  if (!session || session.revokedAt) return null;
  return { secretAccessKey: claims.secretAccessKey, status: "Active", session };
}
