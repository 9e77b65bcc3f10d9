import * as policies from "@/lib/iam/policies";
import { slicePage } from "@/lib/domain/paging";
import { createPolicySchema } from "@/lib/domain/schemas";
import { action, type QueryAction } from "../action";
import { pageTail, policyShape, policyVersionShape } from "../shapes";
import * as s from "./schemas";

/** Managed policies and their versions (CreatePolicy … ListEntitiesForPolicy). */
export const policyActions: Record<string, QueryAction> = {
  CreatePolicy: action(createPolicySchema, async ({ ctx }, input) => ({
    Policy: policyShape(await policies.createPolicy(ctx, input)),
  })),

  GetPolicy: action(s.policyOnly, async ({ ctx }, input) => ({
    Policy: policyShape(await policies.getPolicy(ctx, input.PolicyArn)),
  })),

  GetPolicyVersion: action(s.policyVersion, async ({ ctx }, input) => ({
    PolicyVersion: policyVersionShape(await policies.getPolicyVersion(ctx, input.PolicyArn, input.VersionId), true),
  })),

  ListPolicies: action(s.policiesPage, async ({ ctx }, input) => {
    const page = await policies.listPolicies(ctx, {
      scope: input.Scope,
      onlyAttached: input.OnlyAttached,
      pathPrefix: input.PathPrefix,
      marker: input.Marker,
      maxItems: input.MaxItems,
    });
    // ListPolicies items omit Description and Tags (see the ListPolicies API reference).
    const items = page.items.map((p) => ({ ...policyShape(p), Description: undefined, Tags: undefined }));
    return { Policies: items, ...pageTail(page) };
  }),

  DeletePolicy: action(s.policyOnly, async ({ ctx }, input) => {
    await policies.deletePolicy(ctx, input.PolicyArn);
    return undefined;
  }),

  CreatePolicyVersion: action(s.policyVersionCreate, async ({ ctx }, input) => {
    const v = await policies.createPolicyVersion(ctx, input.PolicyArn, input.PolicyDocument, input.SetAsDefault ?? false);
    return { PolicyVersion: policyVersionShape(v, false) };
  }),

  ListPolicyVersions: action(s.policyPage, async ({ ctx }, input) => {
    const page = slicePage(await policies.listPolicyVersions(ctx, input.PolicyArn), {
      marker: input.Marker,
      maxItems: input.MaxItems,
    });
    return { Versions: page.items.map((v) => policyVersionShape(v, false)), ...pageTail(page) };
  }),

  DeletePolicyVersion: action(s.policyVersion, async ({ ctx }, input) => {
    await policies.deletePolicyVersion(ctx, input.PolicyArn, input.VersionId);
    return undefined;
  }),

  SetDefaultPolicyVersion: action(s.policyVersion, async ({ ctx }, input) => {
    await policies.setDefaultPolicyVersion(ctx, input.PolicyArn, input.VersionId);
    return undefined;
  }),

  ListEntitiesForPolicy: action(s.policyEntitiesPage, async ({ ctx }, input) => {
    const entities = await policies.listEntitiesForPolicy(ctx, input.PolicyArn);
    const want = (kind: "Role" | "User" | "Group") => !input.EntityFilter || input.EntityFilter === kind;
    return {
      PolicyGroups: want("Group") ? entities.groups.map((g) => ({ GroupName: g.name, GroupId: g.id })) : [],
      PolicyUsers: want("User") ? entities.users.map((u) => ({ UserName: u.name, UserId: u.id })) : [],
      PolicyRoles: want("Role") ? entities.roles.map((r) => ({ RoleName: r.name, RoleId: r.id })) : [],
      IsTruncated: false,
    };
  }),
};
