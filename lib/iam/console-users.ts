import { getDb } from "@/lib/db/client";
import { findConsoleUserRow, type ConsoleUser, type ConsoleRole } from "@/lib/db/console-users";
import { verifyPassword } from "@/lib/crypto/passwords";

export type { ConsoleUser, ConsoleRole };

export async function findConsoleUserByEmail(email: string): Promise<ConsoleUser | null> {
  return findConsoleUserRow(getDb(), email);
}

/** The console's sign-in check: the user when the password matches, otherwise null (no hint which part failed). */
export async function authenticateConsoleUser(email: string, password: string) {
  const user = await findConsoleUserRow(getDb(), email);
  if (!user || !(await verifyPassword(password, user.passwordHash))) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
