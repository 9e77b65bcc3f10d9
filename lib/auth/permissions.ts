/** Console users are admins (change anything) or viewers (see everything, change nothing). */
export type ConsoleRole = "admin" | "viewer";

export interface ConsoleSession {
  email: string;
  name: string;
  role: ConsoleRole;
}

export const isConsoleRole = (r: unknown): r is ConsoleRole => r === "admin" || r === "viewer";

/** Every mutating route handler and server action asks this before calling a service. */
export const canMutate = (session: ConsoleSession | null): boolean => session?.role === "admin";
