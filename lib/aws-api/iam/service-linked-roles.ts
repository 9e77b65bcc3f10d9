import * as slr from "@/lib/iam/service-linked-roles";
import { createServiceLinkedRoleSchema } from "@/lib/domain/schemas";
import { action, type QueryAction } from "../action";
import { deletionStatusShape, roleShape } from "../shapes";
import * as s from "./schemas";

/** CreateServiceLinkedRole, DeleteServiceLinkedRole and GetServiceLinkedRoleDeletionStatus. */
export const serviceLinkedRoleActions: Record<string, QueryAction> = {
  CreateServiceLinkedRole: action(createServiceLinkedRoleSchema, async ({ ctx }, input) => {
    const role = await slr.createServiceLinkedRole(ctx, input);
    return { Role: { ...roleShape(role), RoleLastUsed: undefined } };
  }),

  DeleteServiceLinkedRole: action(s.roleOnly, async ({ ctx }, input) => ({
    DeletionTaskId: await slr.deleteServiceLinkedRole(ctx, input.RoleName),
  })),

  GetServiceLinkedRoleDeletionStatus: action(s.deletionTask, async ({ ctx }, input) =>
    deletionStatusShape(await slr.getServiceLinkedRoleDeletionStatus(ctx, input.DeletionTaskId)),
  ),
};
