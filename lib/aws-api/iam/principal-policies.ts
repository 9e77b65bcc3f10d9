import type { PrincipalRules } from "@/lib/domain/principal-kinds";
import { iamAction } from "@/lib/domain/principal-kinds";
import type { PrincipalPermissions } from "@/lib/iam/principal-permissions";
import { PERMISSIONS } from "@/lib/iam/principals";
import { action, type QueryAction } from "../action";
import { attachedPolicyShape, pageTail } from "../shapes";
import { encodePolicyDocument } from "../xml";
import { PRINCIPAL_SCHEMAS, type PrincipalSchemas } from "./schemas";

/**
 * A principal's permissions and tags as the Query API serves them, one table for every kind: PutRolePolicy,
 * PutUserPolicy and PutGroupPolicy, TagRole and TagUser, … differ only in the name member (RoleName, UserName,
 * GroupName), AWS's noun and whether the kind has a boundary and tags.
 */
function principalActions(ops: PrincipalPermissions, s: PrincipalSchemas): Record<string, QueryAction> {
  const rules: PrincipalRules = ops.rules;
  const named = (input: object) => (input as Record<string, string>)[s.member];
  const done = () => undefined;
  return {
    [iamAction(rules, "Put", "Policy")]: action(s.policyPut, ({ ctx }, i) => ops.putPolicy(ctx, named(i), i.PolicyName, i.PolicyDocument).then(done)),

    [iamAction(rules, "Get", "Policy")]: action(s.policyName, async ({ ctx }, i) => {
      const p = await ops.getPolicy(ctx, named(i), i.PolicyName);
      return { [s.member]: p.principalName, PolicyName: p.name, PolicyDocument: encodePolicyDocument(p.document) };
    }),

    [iamAction(rules, "List", "Policies")]: action(s.page, async ({ ctx }, i) => {
      const page = await ops.listPolicyNames(ctx, named(i), { marker: i.Marker, maxItems: i.MaxItems });
      return { PolicyNames: page.items, ...pageTail(page) };
    }),

    [iamAction(rules, "Delete", "Policy")]: action(s.policyName, ({ ctx }, i) => ops.deletePolicy(ctx, named(i), i.PolicyName).then(done)),

    [iamAction(rules, "Attach", "Policy")]: action(s.policyArn, ({ ctx }, i) => ops.attachPolicy(ctx, named(i), i.PolicyArn).then(done)),

    [iamAction(rules, "Detach", "Policy")]: action(s.policyArn, ({ ctx }, i) => ops.detachPolicy(ctx, named(i), i.PolicyArn).then(done)),

    [`ListAttached${rules.noun}Policies`]: action(s.attachedPage, async ({ ctx }, i) => {
      const page = await ops.listAttachedPolicies(ctx, named(i), { pathPrefix: i.PathPrefix, marker: i.Marker, maxItems: i.MaxItems });
      return { AttachedPolicies: page.items.map(attachedPolicyShape), ...pageTail(page) };
    }),

    // Groups take no boundary and no tags: IAM has no PutGroupPermissionsBoundary or TagGroup.
    ...(rules.boundary && {
      [iamAction(rules, "Put", "PermissionsBoundary")]: action(s.boundary, ({ ctx }, i) =>
        ops.putBoundary(ctx, named(i), i.PermissionsBoundary).then(done),
      ),

      [iamAction(rules, "Delete", "PermissionsBoundary")]: action(s.only, ({ ctx }, i) => ops.deleteBoundary(ctx, named(i)).then(done)),
    }),

    ...(rules.tags && {
      [iamAction(rules, "Tag")]: action(s.tags, ({ ctx }, i) => ops.tag(ctx, named(i), i.Tags).then(done)),

      [iamAction(rules, "Untag")]: action(s.tagKeys, ({ ctx }, i) => ops.untag(ctx, named(i), i.TagKeys).then(done)),

      [iamAction(rules, "List", "Tags")]: action(s.page, async ({ ctx }, i) => {
        const page = await ops.listTags(ctx, named(i), { marker: i.Marker, maxItems: i.MaxItems });
        return { Tags: page.items.map((t) => ({ Key: t.Key, Value: t.Value })), ...pageTail(page) };
      }),
    }),
  };
}

export const principalPolicyActions: Record<string, QueryAction> = {
  ...principalActions(PERMISSIONS.role, PRINCIPAL_SCHEMAS.role),
  ...principalActions(PERMISSIONS.user, PRINCIPAL_SCHEMAS.user),
  ...principalActions(PERMISSIONS.group, PRINCIPAL_SCHEMAS.group),
};
