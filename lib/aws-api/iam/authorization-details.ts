import { z } from "zod";
import { AUTHORIZATION_ENTITY_TYPES, getAccountAuthorizationDetails, type AuthorizationEntry } from "@/lib/iam/authorization-details";
import { paginationSchema } from "@/lib/domain/schemas";
import type { AttachedPolicy, InlinePolicy } from "@/lib/domain/types";
import { action, type QueryAction } from "../action";
import { attachedPolicyShape, groupShape, instanceProfileShape, pageTail, policyShape, policyVersionShape, roleShape, userShape } from "../shapes";
import { encodePolicyDocument, type XmlObject } from "../xml";

const schema = paginationSchema.extend({ Filter: z.array(z.enum(AUTHORIZATION_ENTITY_TYPES)).max(5).optional() });

const inlineShape = (p: InlinePolicy): XmlObject => ({ PolicyName: p.name, PolicyDocument: encodePolicyDocument(p.document) });
const attachedShape = (list: AttachedPolicy[]) => list.map(attachedPolicyShape);

/** The botocore detail shapes: UserDetail, GroupDetail, RoleDetail and ManagedPolicyDetail, members in model order. */
export function detailShape(entry: AuthorizationEntry): XmlObject {
  switch (entry.type) {
    case "User": {
      const { user, inline, attached, groups } = entry.detail;
      const u = userShape(user);
      return {
        Path: u.Path,
        UserName: u.UserName,
        UserId: u.UserId,
        Arn: u.Arn,
        CreateDate: u.CreateDate,
        UserPolicyList: inline.map(inlineShape),
        GroupList: groups,
        AttachedManagedPolicies: attachedShape(attached),
        PermissionsBoundary: u.PermissionsBoundary,
        Tags: u.Tags,
      };
    }
    case "Group": {
      const { group, inline, attached } = entry.detail;
      return { ...groupShape(group), GroupPolicyList: inline.map(inlineShape), AttachedManagedPolicies: attachedShape(attached) };
    }
    case "Role": {
      const { role, inline, attached, instanceProfiles } = entry.detail;
      const r = roleShape(role);
      return {
        Path: r.Path,
        RoleName: r.RoleName,
        RoleId: r.RoleId,
        Arn: r.Arn,
        CreateDate: r.CreateDate,
        AssumeRolePolicyDocument: r.AssumeRolePolicyDocument,
        InstanceProfileList: instanceProfiles.map(instanceProfileShape),
        RolePolicyList: inline.map(inlineShape),
        AttachedManagedPolicies: attachedShape(attached),
        PermissionsBoundary: r.PermissionsBoundary,
        Tags: r.Tags,
        RoleLastUsed: r.RoleLastUsed,
      };
    }
    default: {
      const { policy, versions } = entry.detail;
      return { ...policyShape(policy), Tags: undefined, PolicyVersionList: versions.map((v) => policyVersionShape(v, true)) };
    }
  }
}

const LISTS = { User: "UserDetailList", Group: "GroupDetailList", Role: "RoleDetailList", LocalManagedPolicy: "Policies", AWSManagedPolicy: "Policies" } as const;

export const authorizationDetailsActions: Record<string, QueryAction> = {
  GetAccountAuthorizationDetails: action(schema, async ({ ctx }, input) => {
    const page = await getAccountAuthorizationDetails(ctx, { filter: input.Filter, marker: input.Marker, maxItems: input.MaxItems });
    const lists: Record<(typeof LISTS)[keyof typeof LISTS], XmlObject[]> = { UserDetailList: [], GroupDetailList: [], RoleDetailList: [], Policies: [] };
    for (const entry of page.items) lists[LISTS[entry.type]].push(detailShape(entry));
    return { ...lists, ...pageTail(page) };
  }),
};
