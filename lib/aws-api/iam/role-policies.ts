import * as roles from "@/lib/iam/roles";
import { action, type QueryAction } from "../action";
import { attachedPolicyShape, pageTail } from "../shapes";
import { encodePolicyDocument } from "../xml";
import * as s from "./schemas";

/** A role's permissions: inline policies, attached managed policies and the permissions boundary. */
export const rolePolicyActions: Record<string, QueryAction> = {
  PutRolePolicy: action(s.rolePolicyPut, async ({ ctx }, input) => {
    await roles.putRolePolicy(ctx, input.RoleName, input.PolicyName, input.PolicyDocument);
    return undefined;
  }),

  GetRolePolicy: action(s.rolePolicyName, async ({ ctx }, input) => {
    const p = await roles.getRolePolicy(ctx, input.RoleName, input.PolicyName);
    return { RoleName: p.roleName, PolicyName: p.name, PolicyDocument: encodePolicyDocument(p.document) };
  }),

  ListRolePolicies: action(s.rolePage, async ({ ctx }, input) => {
    const page = await roles.listRolePolicies(ctx, input.RoleName, { marker: input.Marker, maxItems: input.MaxItems });
    return { PolicyNames: page.items, ...pageTail(page) };
  }),

  DeleteRolePolicy: action(s.rolePolicyName, async ({ ctx }, input) => {
    await roles.deleteRolePolicy(ctx, input.RoleName, input.PolicyName);
    return undefined;
  }),

  AttachRolePolicy: action(s.rolePolicyArn, async ({ ctx }, input) => {
    await roles.attachRolePolicy(ctx, input.RoleName, input.PolicyArn);
    return undefined;
  }),

  DetachRolePolicy: action(s.rolePolicyArn, async ({ ctx }, input) => {
    await roles.detachRolePolicy(ctx, input.RoleName, input.PolicyArn);
    return undefined;
  }),

  ListAttachedRolePolicies: action(s.roleAttachedPage, async ({ ctx }, input) => {
    const page = await roles.listAttachedRolePolicies(ctx, input.RoleName, {
      pathPrefix: input.PathPrefix,
      marker: input.Marker,
      maxItems: input.MaxItems,
    });
    return { AttachedPolicies: page.items.map(attachedPolicyShape), ...pageTail(page) };
  }),

  PutRolePermissionsBoundary: action(s.roleBoundary, async ({ ctx }, input) => {
    await roles.putRolePermissionsBoundary(ctx, input.RoleName, input.PermissionsBoundary);
    return undefined;
  }),

  DeleteRolePermissionsBoundary: action(s.roleOnly, async ({ ctx }, input) => {
    await roles.deleteRolePermissionsBoundary(ctx, input.RoleName);
    return undefined;
  }),
};
