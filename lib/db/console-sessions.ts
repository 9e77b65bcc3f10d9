import type { Tx } from "./client";
import type { ConsoleUserSummary } from "@/lib/domain/types";
import type { ConsoleRole } from "./console-users";

export interface LiveConsoleSession {
  id: string;
  expiresAt: Date;
  user: { id: string; email: string; name: string; role: ConsoleRole };
}

export async function insertConsoleSession(tx: Tx, s: { id: string; userId: string; expiresAt: Date }): Promise<void> {
  await tx.consoleSession.create({ data: s });
}

/** The session with its user when it exists, has not ended and has not expired. */
export async function findLiveConsoleSession(tx: Tx, id: string, now: Date): Promise<LiveConsoleSession | null> {
  const row = await tx.consoleSession.findFirst({
    where: { id, endedAt: null, expiresAt: { gt: now } },
    include: { user: { select: { id: true, email: true, name: true, role: true } } },
  });
  return row ? { id: row.id, expiresAt: row.expiresAt, user: { ...row.user, role: row.user.role as ConsoleRole } } : null;
}

export async function endConsoleSession(tx: Tx, id: string, now: Date): Promise<void> {
  await tx.consoleSession.updateMany({ where: { id, endedAt: null }, data: { endedAt: now } });
}

/** Ends every live session of a console user; returns how many were live. */
export async function endConsoleSessionsOf(tx: Tx, userId: string, now: Date): Promise<number> {
  const res = await tx.consoleSession.updateMany({ where: { userId, endedAt: null, expiresAt: { gt: now } }, data: { endedAt: now } });
  return res.count;
}

/** Drops sessions that ended or expired more than `olderThan` ago, so the table does not grow without bound. */
export async function pruneConsoleSessions(tx: Tx, olderThan: Date): Promise<void> {
  await tx.consoleSession.deleteMany({ where: { OR: [{ endedAt: { lt: olderThan } }, { expiresAt: { lt: olderThan } }] } });
}


export async function listConsoleUsersWithSessions(tx: Tx, now: Date): Promise<ConsoleUserSummary[]> {
  const users = await tx.consoleUser.findMany({
    orderBy: { email: "asc" },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      createdAt: true,
      sessions: { select: { createdAt: true, endedAt: true, expiresAt: true }, orderBy: { createdAt: "desc" } },
    },
  });
  return users.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role as ConsoleRole,
    createdAt: u.createdAt,
    activeSessions: u.sessions.filter((s) => s.endedAt === null && s.expiresAt > now).length,
    lastSignInAt: u.sessions[0]?.createdAt ?? null,
  }));
}
