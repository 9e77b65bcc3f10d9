import type { ConsoleRole } from "./permissions";

declare module "next-auth" {
  interface User {
    role: ConsoleRole;
  }
  interface Session {
    user?: { name?: string | null; email?: string | null; image?: string | null; role?: ConsoleRole };
    /** The server-side console session this cookie belongs to (lib/auth/sign-in.ts). */
    sid?: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role?: ConsoleRole;
    sid?: string;
  }
}
