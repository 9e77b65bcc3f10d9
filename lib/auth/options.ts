import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { consoleSessionMaxAgeSeconds } from "@/lib/config";
import { endSession, signIn, startConsoleSession } from "./sign-in";

/** The client's address: the last hop of X-Forwarded-For, which Next's own server appends from the socket. */
function clientAddress(headers: Record<string, unknown> | undefined): string | undefined {
  const forwarded = headers?.["x-forwarded-for"];
  const value = Array.isArray(forwarded) ? forwarded.join(",") : typeof forwarded === "string" ? forwarded : "";
  const hops = value.split(",").map((h) => h.trim()).filter(Boolean);
  return hops.at(-1);
}

/**
 * Console sign-in: email + password against console users (not IAM users). The JWT cookie carries only the
 * session id, email and role for the UI; the server checks the session row on every request (session.ts), so
 * sign-out and an admin ending sessions take effect at once. Failed attempts are throttled (sign-in.ts).
 */
export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: consoleSessionMaxAgeSeconds() },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials, req) {
        const email = credentials?.email ?? "";
        const password = credentials?.password ?? "";
        if (!email.trim() || !password) return null;
        let result: Awaited<ReturnType<typeof signIn>>;
        try {
          result = await signIn(email, password, clientAddress(req?.headers));
        } catch (e) {
          // The thrown message reaches the browser: never let an internal error's text through.
          console.error("console sign-in failed", e instanceof Error ? e.message : e);
          throw new Error("Sign-in failed on the server. Try again.");
        }
        // A thrown error reaches the sign-in form as its message; a plain refusal stays "CredentialsSignin".
        if (result.outcome === "throttled") throw new Error(result.message);
        return result.outcome === "signed-in" ? result.user : null;
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.role = user.role;
        token.sid = await startConsoleSession(user.id);
      }
      return token;
    },
    async session({ session, token }) {
      if (session.user) session.user.role = token.role;
      session.sid = token.sid;
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      if (token?.sid) await endSession(token.sid, token.email ?? "unknown");
    },
  },
};
