import type { Tag } from "@/lib/domain/schemas";
import type { StsSession, StsSessionKind } from "@/lib/domain/sts-types";
import type { Tx } from "./client";

/** Temporary-credential sessions (StsSession rows) ↔ the domain's StsSession. */

/** The row: the domain's session, with its kind as free text and its lists as JSON text. */
type Row = Omit<StsSession, "kind" | "tags" | "transitiveTagKeys" | "policyArns"> & { kind: string; tags: string; transitiveTagKeys: string; policyArns: string };

export const toSession = (r: Row): StsSession => ({
  ...r,
  kind: r.kind as StsSessionKind,
  tags: JSON.parse(r.tags) as Tag[],
  transitiveTagKeys: JSON.parse(r.transitiveTagKeys) as string[],
  policyArns: JSON.parse(r.policyArns) as string[],
});

// The sealed secret never leaves the store: a session is authenticated from its token (lib/sts/session-auth).
export const omitSecret = { secretEncrypted: true } as const;

/** A session as its row's columns: the lists are stored as JSON text. */
export function sessionColumns(s: StsSession & { secretEncrypted: string }) {
  return { ...s, tags: JSON.stringify(s.tags), transitiveTagKeys: JSON.stringify(s.transitiveTagKeys), policyArns: JSON.stringify(s.policyArns) };
}

export async function findSession(tx: Tx, id: string): Promise<StsSession | null> {
  const row = await tx.stsSession.findUnique({ where: { id }, omit: omitSecret });
  return row ? toSession(row) : null;
}

/** A role's sessions that have not expired, newest first (revoked ones included, marked). */
export async function listRoleSessions(tx: Tx, roleId: string, now: Date, take = 200): Promise<StsSession[]> {
  const rows = await tx.stsSession.findMany({ where: { roleId, expiresAt: { gt: now } }, orderBy: { issuedAt: "desc" }, take, omit: omitSecret });
  return rows.map(toSession);
}

export async function revokeSession(tx: Tx, id: string, at: Date): Promise<boolean> {
  return (await tx.stsSession.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: at } })).count > 0;
}

/** An account's role sessions that are still usable (not expired, not revoked), newest first. */
export async function listActiveAccountRoleSessions(tx: Tx, accountId: string, now: Date, take = 200): Promise<StsSession[]> {
  const rows = await tx.stsSession.findMany({
    where: { accountId, roleId: { not: null }, expiresAt: { gt: now }, revokedAt: null },
    orderBy: { issuedAt: "desc" },
    take,
    omit: omitSecret,
  });
  return rows.map(toSession);
}

/** The newest usable session with this assumed-role ARN in the account (several sessions may share one ARN). */
export async function findActiveSessionByArn(tx: Tx, accountId: string, arn: string, now: Date): Promise<StsSession | null> {
  const row = await tx.stsSession.findFirst({
    where: { accountId, arn, roleId: { not: null }, expiresAt: { gt: now }, revokedAt: null },
    orderBy: { issuedAt: "desc" },
    omit: omitSecret,
  });
  return row ? toSession(row) : null;
}
