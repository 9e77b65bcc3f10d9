import { getDb } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/transaction";
import { insertAuditEvent } from "@/lib/db/audit";
import { findConsoleUserRow } from "@/lib/db/console-users";
import { endConsoleSessionsOf, listConsoleUsersWithSessions } from "@/lib/db/console-sessions";
import type { ConsoleUserSummary } from "@/lib/domain/types";
import { AwsError } from "@/lib/domain/errors";

/** Console users (admins and viewers, set by the operator) and their sign-in sessions. */

export async function listConsoleUsers(now = new Date()): Promise<ConsoleUserSummary[]> {
  return listConsoleUsersWithSessions(getDb(), now);
}

/** Ends every live session of a console user: their next request needs a new sign-in. Audited. */
export async function endConsoleUserSessions(actor: string, email: string, now = new Date()): Promise<{ ended: number }> {
  const db = getDb();
  const user = await findConsoleUserRow(db, email);
  if (!user) throw new AwsError("NoSuchEntity", `The console user ${email} cannot be found.`);
  const ended = await inTransaction(db, async (tx) => {
    const n = await endConsoleSessionsOf(tx, user.id, now);
    await insertAuditEvent(tx, {
      accountId: null,
      actor,
      action: "EndConsoleSessions",
      target: `console-user/${user.email}`,
      outcome: "Success",
      reason: `Ended ${n} session${n === 1 ? "" : "s"}.`,
      source: "console",
    });
    return n;
  });
  return { ended };
}
