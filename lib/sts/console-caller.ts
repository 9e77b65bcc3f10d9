import { getDb } from "@/lib/db/client";
import { listAccountRows } from "@/lib/db/accounts";
import { searchActiveRoleSessions, searchUserCallers } from "@/lib/db/assume-callers";
import { findUserByArn } from "@/lib/db/users";
import { syncCaches } from "@/lib/db/versioned-cache";
import type { AssumeCaller, AssumeCallerOption } from "@/lib/domain/console-assume";
import { AwsError } from "@/lib/domain/errors";
import type { Caller } from "@/lib/iam/callers";
import { loadSession } from "./session-auth";

/**
 * The console's Assume role acts on someone's behalf: an IAM user of any account, or an active role session (role
 * chaining). This builds the same `Caller` a request signed with that principal's credentials authenticates as,
 * so the console goes down the API's code path; the audit event's actor stays the console user.
 */
export async function consoleCaller(ref: AssumeCaller, now = new Date()): Promise<Caller> {
  if (ref.kind === "user") {
    const user = await findUserByArn(getDb(), ref.arn);
    if (!user) throw new AwsError("NoSuchEntity", `The user with ARN ${ref.arn} cannot be found.`);
    return { kind: "user", accountId: user.accountId, arn: user.arn, userId: user.id, userName: user.name };
  }
  await syncCaches();
  const session = await loadSession(ref.accessKeyId);
  if (!session || !session.roleId) throw new AwsError("NoSuchEntity", `The role session ${ref.accessKeyId} cannot be found.`);
  // What the API answers a request signed with these credentials, in words for a person.
  if (session.revokedAt) throw new AwsError("InvalidClientTokenId", `The session ${session.arn} was revoked: its credentials are refused.`);
  if (session.expiresAt.getTime() <= now.getTime())
    throw new AwsError("ExpiredToken", `The session ${session.arn} expired at ${session.expiresAt.toISOString()}: its credentials are refused.`);
  return { kind: "session", accountId: session.accountId, arn: session.arn, accessKeyId: session.id, session };
}

const SEARCH_LIMIT = 25;

/** Users (by name or ARN) or active role sessions (by ARN or key id) of every account, for the caller picker. */
export async function searchAssumeCallers(q: { kind: "user" | "session"; search?: string }, now = new Date()): Promise<AssumeCallerOption[]> {
  const db = getDb();
  const search = q.search?.trim() ?? "";
  const aliases = new Map((await listAccountRows(db)).map((a) => [a.id, a.alias ?? null]));
  if (q.kind === "user")
    return (await searchUserCallers(db, search, SEARCH_LIMIT)).map((u) => ({
      kind: "user",
      arn: u.arn,
      name: u.name,
      accountId: u.accountId,
      accountAlias: aliases.get(u.accountId) ?? null,
      mfaDevices: u.mfaDevices,
    }));
  return (await searchActiveRoleSessions(db, search, now, SEARCH_LIMIT)).map((s) => ({
    kind: "session",
    accessKeyId: s.id,
    arn: s.arn,
    roleArn: s.roleArn ?? "",
    sessionName: s.sessionName ?? "",
    accountId: s.accountId,
    accountAlias: aliases.get(s.accountId) ?? null,
    callerArn: s.callerArn,
    issuedAt: s.issuedAt,
    expiresAt: s.expiresAt,
    sourceIdentity: s.sourceIdentity,
    mfaAuthenticated: s.mfaAuthenticated,
    tags: s.tags,
    transitiveTagKeys: s.transitiveTagKeys,
  }));
}
