import { authorize, consoleRoute, noContent, parseValue } from "@/lib/auth/console-route";
import { canMutate } from "@/lib/auth/permissions";
import { assumeCallerSchema } from "@/lib/domain/console-assume";
import { revokeSession } from "@/lib/sts/sessions";

const sessionIdSchema = assumeCallerSchema.options[1].shape.accessKeyId;

/** Revoke one session: Roleplane's own (AWS can only revoke every session issued before a moment). */
export const DELETE = consoleRoute<{ name: string; sessionId: string }>(async (_req, { session, ctx, params }) => {
  const accessKeyId = parseValue(sessionIdSchema, params.sessionId);
  authorize(canMutate(session));
  await revokeSession(ctx, params.name, accessKeyId);
  return noContent();
});
