import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { findConsoleUserByEmail } from "@/lib/iam/console-users";
import { authOptions } from "./options";
import { isConsoleRole, type ConsoleSession } from "./permissions";

/**
 * The session as the server trusts it: the JWT only names the user; the role is re-read from the store, so a
 * demoted or removed console user loses access at once rather than when the token expires.
 */
export async function getConsoleSession(): Promise<ConsoleSession | null> {
  const session = await getServerSession(authOptions);
  const email = session?.user?.email;
  if (!email) return null;
  const user = await findConsoleUserByEmail(email);
  if (!user || !isConsoleRole(user.role)) return null;
  return { email: user.email, name: user.name, role: user.role };
}

/** For server components and pages: no session → the sign-in page. */
export async function requireConsoleSession(): Promise<ConsoleSession> {
  const session = await getConsoleSession();
  if (!session) redirect("/login");
  return session;
}
