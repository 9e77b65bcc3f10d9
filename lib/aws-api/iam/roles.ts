import * as roles from "@/lib/iam/roles";
import { createRoleSchema, listRolesSchema, updateRoleSchema } from "@/lib/domain/schemas";
import { action, type QueryAction } from "../action";
import { pageTail, roleListShape, roleShape } from "../shapes";
import * as s from "./schemas";

/** Role lifecycle (IAM API reference, "Actions": CreateRole … DeleteRole); policies and tags are in ./principal-policies. */
export const roleActions: Record<string, QueryAction> = {
  CreateRole: action(createRoleSchema, async ({ ctx }, input) => {
    const role = await roles.createRole(ctx, input);
    // CreateRole's Role carries no RoleLastUsed: the role has never been used.
    return { Role: { ...roleShape(role), RoleLastUsed: undefined } };
  }),

  GetRole: action(s.roleOnly, async ({ ctx }, input) => ({ Role: roleShape(await roles.getRole(ctx, input.RoleName)) })),

  ListRoles: action(listRolesSchema, async ({ ctx }, input) => {
    const page = await roles.listRoles(ctx, { pathPrefix: input.PathPrefix, marker: input.Marker, maxItems: input.MaxItems });
    return { Roles: page.items.map(roleListShape), ...pageTail(page) };
  }),

  UpdateRole: action(updateRoleSchema, async ({ ctx }, input) => {
    await roles.updateRole(ctx, input);
    return {};
  }),

  UpdateRoleDescription: action(s.roleDescription, async ({ ctx }, input) => {
    const role = await roles.updateRoleDescription(ctx, input.RoleName, input.Description);
    return { Role: roleShape(role) };
  }),

  UpdateAssumeRolePolicy: action(s.roleTrust, async ({ ctx }, input) => {
    await roles.updateAssumeRolePolicy(ctx, input.RoleName, input.PolicyDocument);
    return undefined;
  }),

  DeleteRole: action(s.roleOnly, async ({ ctx }, input) => {
    await roles.deleteRole(ctx, input.RoleName);
    return undefined;
  }),
};
