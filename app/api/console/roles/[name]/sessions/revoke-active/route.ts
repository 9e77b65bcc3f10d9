import { z } from "zod";
import { authorize, consoleRoute, noContent, parseJson } from "@/lib/auth/console-route";
import { canMutate } from "@/lib/auth/permissions";
import { revokeOlderSessions } from "@/lib/sts/sessions";

/** The acknowledgement AWS's console asks for travels with the request, so nothing revokes by accident. */
const revokeActiveSchema = z.object({ Acknowledged: z.literal(true, { message: "Member must be true: acknowledge that every active session of the role is revoked" }) });

/** "Revoke active sessions", as AWS does it: the AWSRevokeOlderSessions inline policy (PutRolePolicy). */
export const POST = consoleRoute<{ name: string }>(async (req, { session, ctx, params }) => {
  await parseJson(req, revokeActiveSchema);
  authorize(canMutate(session));
  await revokeOlderSessions(ctx, params.name);
  return noContent();
});
