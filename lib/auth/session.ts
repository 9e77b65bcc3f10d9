import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { authOptions } from "./options";
import { isConsoleRole, type ConsoleSession } from "./permissions";
import { liveConsoleSession } from "./sign-in";

/**
 * The session as the server trusts it: the JWT only names a session; the session row must still be live (not
 * signed out, not ended by an admin, not expired), and the role is re-read from the store, so a demoted or
 * removed console user loses access at once rather than when the cookie expires.
 */
export async function getConsoleSession(): Promise<ConsoleSession | null> {
  const session = await getServerSession(authOptions);
  if (!session?.sid) return null;
  const live = await liveConsoleSession(session.sid);
  if (!live || !isConsoleRole(live.user.role)) return null;
  return { email: live.user.email, name: live.user.name, role: live.user.role };
}

/** For server components and pages: no session → the sign-in page. */
export async function requireConsoleSession(): Promise<ConsoleSession> {
  const session = await getConsoleSession();
  if (!session) redirect("/login");
  return session;
}
