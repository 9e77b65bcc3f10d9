import type { Tx } from "./client";

export type ConsoleRole = "admin" | "viewer";

export interface ConsoleUser {
  id: string;
  email: string;
  name: string;
  role: ConsoleRole;
  passwordHash: string;
}

export async function findConsoleUserRow(tx: Tx, email: string): Promise<ConsoleUser | null> {
  const row = await tx.consoleUser.findUnique({ where: { email: email.toLowerCase() } });
  return row ? { ...row, role: row.role as ConsoleRole } : null;
}

export async function countConsoleUsers(tx: Tx): Promise<number> {
  return tx.consoleUser.count();
}

export async function upsertConsoleUser(
  tx: Tx,
  u: { id: string; email: string; name: string; role: ConsoleRole; passwordHash: string },
): Promise<void> {
  const email = u.email.toLowerCase();
  await tx.consoleUser.upsert({
    where: { email },
    create: { ...u, email },
    update: { role: u.role, passwordHash: u.passwordHash },
  });
}
