import { z } from "zod";
import { authorize, consoleRoute, json, parseValue } from "@/lib/auth/console-route";
import { canMutate } from "@/lib/auth/permissions";
import { endConsoleUserSessions } from "@/lib/auth/console-users";

type P = { email: string };

const emailSchema = z.string().min(3).max(320);

/** Ends all of a console user's sessions (admins only); their next request asks them to sign in again. */
export const DELETE = consoleRoute<P>(async (_req, { session, params }) => {
  const email = parseValue(emailSchema, params.email);
  authorize(canMutate(session));
  return json(await endConsoleUserSessions(session.email, email));
}, { anyAccount: true });
