import type { ConsoleRole } from "./permissions";

declare module "next-auth" {
  interface User {
    role: ConsoleRole;
  }
  interface Session {
    user?: { name?: string | null; email?: string | null; image?: string | null; role?: ConsoleRole };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role?: ConsoleRole;
  }
}
