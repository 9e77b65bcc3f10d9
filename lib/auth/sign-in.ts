import { randomBytes } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { insertAuditEvent } from "@/lib/db/audit";
import { findConsoleUserRow } from "@/lib/db/console-users";
import { endConsoleSession, findLiveConsoleSession, insertConsoleSession, pruneConsoleSessions } from "@/lib/db/console-sessions";
import { clearThrottle, findThrottles, saveThrottle } from "@/lib/db/sign-in-throttle";
import { verifyPassword } from "@/lib/crypto/passwords";
import { consoleSessionMaxAgeSeconds } from "@/lib/config";
import {
  accountKey,
  afterAccountFailure,
  afterClientFailure,
  clientKey,
  lockRemainingMs,
  throttledMessage,
} from "./sign-in-throttle";
import { isConsoleRole, type ConsoleRole } from "./permissions";

/**
 * Console sign-in and sessions, as the server enforces them (next-auth only carries the session id in its cookie):
 * - the password check costs the same whether or not the email exists, so timing does not reveal accounts;
 * - failures are throttled per email and per client address (./sign-in-throttle) and every attempt is audited;
 * - each sign-in creates a session row that the server checks on every request, so signing out, expiry and an
 *   admin's "end sessions" apply at once.
 */

/** A scrypt hash of a random password nobody knows: unknown emails are checked against it, at the same cost. */
const UNKNOWN_USER_HASH = "scrypt$/16/LIRJ4VVXtMyZHMQO5Q==$n/N+dEpngkFtNECjI8mKlU0tbZin+SkJgjdYw5u/Gtk=";

export type SignInResult =
  | { outcome: "signed-in"; user: { id: string; email: string; name: string; role: ConsoleRole } }
  | { outcome: "refused" }
  | { outcome: "throttled"; message: string };

async function audit(actor: string, outcome: "Success" | "Failure", errorCode?: string, reason?: string) {
  await insertAuditEvent(getDb(), {
    accountId: null,
    actor,
    action: "ConsoleSignIn",
    target: null,
    outcome,
    errorCode: errorCode ?? null,
    reason: reason ?? null,
    source: "console",
  });
}

export async function signIn(emailInput: string, password: string, clientAddress: string | undefined, now = new Date()): Promise<SignInResult> {
  const email = emailInput.trim().toLowerCase();
  const db = getDb();
  const keys = [accountKey(email), ...(clientAddress ? [clientKey(clientAddress)] : [])];
  const throttles = new Map((await findThrottles(db, keys)).map((t) => [t.key, t]));
  const locked = Math.max(...keys.map((k) => lockRemainingMs(throttles.get(k), now)));
  if (locked > 0) {
    const message = throttledMessage(locked);
    await audit(email, "Failure", "Throttled", `${message} (client ${clientAddress ?? "unknown"})`);
    return { outcome: "throttled", message };
  }

  const user = await findConsoleUserRow(db, email);
  const matches = await verifyPassword(password, user?.passwordHash ?? UNKNOWN_USER_HASH);
  if (user && matches && isConsoleRole(user.role)) {
    await clearThrottle(db, accountKey(email));
    await audit(email, "Success");
    return { outcome: "signed-in", user: { id: user.id, email: user.email, name: user.name, role: user.role } };
  }

  const account = afterAccountFailure(throttles.get(keys[0]), now);
  await saveThrottle(db, { key: keys[0], ...account });
  let lock = lockRemainingMs(account, now);
  if (clientAddress) {
    const client = afterClientFailure(throttles.get(keys[1]), now);
    await saveThrottle(db, { key: keys[1], ...client });
    lock = Math.max(lock, lockRemainingMs(client, now));
  }
  await audit(email, "Failure", "InvalidCredentials", `Wrong email or password (client ${clientAddress ?? "unknown"}).`);
  return lock > 0 ? { outcome: "throttled", message: throttledMessage(lock) } : { outcome: "refused" };
}

export async function startConsoleSession(userId: string, now = new Date()): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  const db = getDb();
  await insertConsoleSession(db, { id, userId, expiresAt: new Date(now.getTime() + consoleSessionMaxAgeSeconds() * 1000) });
  // Ended and expired sessions are kept a day for the admin's view, then dropped.
  await pruneConsoleSessions(db, new Date(now.getTime() - 24 * 60 * 60_000));
  return id;
}

export async function liveConsoleSession(id: string, now = new Date()) {
  return findLiveConsoleSession(getDb(), id, now);
}

export async function endSession(id: string, actor: string, now = new Date()): Promise<void> {
  await endConsoleSession(getDb(), id, now);
  await insertAuditEvent(getDb(), { accountId: null, actor, action: "ConsoleSignOut", target: null, outcome: "Success", source: "console" });
}
