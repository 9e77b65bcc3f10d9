import { withAuth } from "next-auth/middleware";

/**
 * A convenience, not the boundary: unauthenticated page requests go to /login. Every page and console route
 * checks the session again on the server (lib/auth/session.ts, lib/auth/console-route.ts).
 */
export default withAuth({ pages: { signIn: "/login" } });

export const config = {
  // Pages only: the AWS API signs its own requests, next-auth serves its own routes, and the console API
  // answers 401 JSON itself rather than redirecting.
  matcher: ["/((?!api/|login|_next/|favicon|icon|.*\\.(?:png|svg|ico|css|js|woff2?)$).*)"],
};
