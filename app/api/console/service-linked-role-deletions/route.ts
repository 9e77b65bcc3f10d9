import { z } from "zod";
import { consoleRoute, json, parseValue } from "@/lib/auth/console-route";
import { deletionTaskIdSchema } from "@/lib/domain/schemas";
import { getServiceLinkedRoleDeletionStatus } from "@/lib/iam/service-linked-roles";

const query = z.object({ taskId: deletionTaskIdSchema });

/** GetServiceLinkedRoleDeletionStatus, which the console's deletion progress polls (`?taskId=`). */
export const GET = consoleRoute(async (req, { ctx }) => {
  const { taskId } = parseValue(query, { taskId: req.nextUrl.searchParams.get("taskId") ?? undefined });
  return json(await getServiceLinkedRoleDeletionStatus(ctx, taskId));
});
