import * as roles from "@/lib/iam/roles";
import { createRoleSchema, listRolesSchema, updateRoleSchema } from "@/lib/iam/schemas";
import { action, type QueryAction } from "../action";
import { pageTail, roleListShape, roleShape } from "../shapes";
import * as s from "./schemas";

/** Role lifecycle and tags (IAM API reference, "Actions": CreateRole … ListRoleTags). */
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

  TagRole: action(s.roleTags, async ({ ctx }, input) => {
    await roles.tagRole(ctx, input.RoleName, input.Tags);
    return undefined;
  }),

  UntagRole: action(s.roleTagKeys, async ({ ctx }, input) => {
    await roles.untagRole(ctx, input.RoleName, input.TagKeys);
    return undefined;
  }),

  ListRoleTags: action(s.rolePage, async ({ ctx }, input) => {
    const page = await roles.listRoleTags(ctx, input.RoleName, { marker: input.Marker, maxItems: input.MaxItems });
    return { Tags: page.items.map((t) => ({ Key: t.Key, Value: t.Value })), ...pageTail(page) };
  }),
};
