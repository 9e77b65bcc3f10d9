import { authorize, consoleRoute, json, parseJson } from "@/lib/auth/console-route";
import { canMutate } from "@/lib/auth/permissions";
import { createServiceLinkedRoleSchema } from "@/lib/domain/schemas";
import { createServiceLinkedRole } from "@/lib/iam/service-linked-roles";

/** CreateServiceLinkedRole from the console: the service, an optional suffix where it takes one, a description. */
export const POST = consoleRoute(async (req, { session, ctx }) => {
  const input = await parseJson(req, createServiceLinkedRoleSchema);
  authorize(canMutate(session));
  return json(await createServiceLinkedRole(ctx, input), 201);
});
