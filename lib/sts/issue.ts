import { recordIssuedSession } from "@/lib/db/issued-sessions";
import { sealSecret } from "@/lib/crypto/secrets";
import type { AuditDetails } from "@/lib/domain/types";
import type { StsSession, TemporaryCredentials } from "@/lib/domain/sts-types";
import { newAccessKeyIdFor } from "@/lib/iam/access-key-ids";
import type { RequestContext } from "@/lib/iam/context";
import { newSecretAccessKey } from "@/lib/iam/ids";
import { sealSessionToken } from "./session-token";

/** A session about to be issued: everything but the key id and the times, which issuing decides. */
export type SessionDraft = Omit<StsSession, "id" | "issuedAt" | "expiresAt" | "revokedAt">;

export interface Issued {
  credentials: TemporaryCredentials;
  session: StsSession;
}

/**
 * Mints temporary credentials and records the session with its audit event in one transaction (grouped with
 * other assumes of the same moment, lib/db/issued-sessions): either the client gets credentials that work and the
 * trail says so, or neither happens. The secret is sealed at rest; the
 * session token carries it sealed for the client (./session-token). AWS reports expirations to the second.
 */
export async function issueSession(
  ctx: RequestContext,
  draft: SessionDraft,
  durationSeconds: number,
  audit: { action: string; target: string | null; details: AuditDetails },
  now = new Date(),
): Promise<Issued> {
  const issuedAt = new Date(Math.floor(now.getTime() / 1000) * 1000);
  const expiresAt = new Date(issuedAt.getTime() + durationSeconds * 1000);
  const accessKeyId = newAccessKeyIdFor("ASIA", draft.accountId);
  const secretAccessKey = newSecretAccessKey();
  const session: StsSession = { ...draft, id: accessKeyId, issuedAt, expiresAt, revokedAt: null };
  await recordIssuedSession({
    session: { ...session, secretEncrypted: sealSecret(secretAccessKey) },
    audit: {
      time: now,
      accountId: draft.accountId,
      actor: ctx.actor,
      action: audit.action,
      target: audit.target,
      outcome: "Success",
      source: ctx.source,
      requestId: ctx.requestId,
      details: { ...audit.details, accessKeyId, sessionArn: draft.arn, durationSeconds },
    },
  });
  return {
    session,
    credentials: { accessKeyId, secretAccessKey, sessionToken: sealSessionToken({ accessKeyId, secretAccessKey, expiresAt }), expiration: expiresAt },
  };
}
