import * as profiles from "@/lib/iam/instance-profiles";
import { createInstanceProfileSchema } from "@/lib/domain/schemas";
import { action, type QueryAction } from "../action";
import { instanceProfileShape, pageTail } from "../shapes";
import * as s from "./schemas";

const done = () => undefined;

/** Instance profiles (CreateInstanceProfile … ListInstanceProfileTags). */
export const instanceProfileActions: Record<string, QueryAction> = {
  CreateInstanceProfile: action(createInstanceProfileSchema, async ({ ctx }, input) => ({
    InstanceProfile: instanceProfileShape(await profiles.createInstanceProfile(ctx, input)),
  })),

  GetInstanceProfile: action(s.instanceProfileOnly, async ({ ctx }, input) => ({
    InstanceProfile: instanceProfileShape(await profiles.getInstanceProfile(ctx, input.InstanceProfileName)),
  })),

  ListInstanceProfiles: action(s.instanceProfilesPage, async ({ ctx }, input) => {
    const page = await profiles.listInstanceProfiles(ctx, { pathPrefix: input.PathPrefix, marker: input.Marker, maxItems: input.MaxItems });
    // ListInstanceProfiles items omit Tags (see the ListInstanceProfiles API reference).
    return { InstanceProfiles: page.items.map((p) => ({ ...instanceProfileShape(p), Tags: undefined })), ...pageTail(page) };
  }),

  ListInstanceProfilesForRole: action(s.rolePage, async ({ ctx }, input) => {
    const page = await profiles.listInstanceProfilesForRole(ctx, input.RoleName, { marker: input.Marker, maxItems: input.MaxItems });
    return { InstanceProfiles: page.items.map((p) => ({ ...instanceProfileShape(p), Tags: undefined })), ...pageTail(page) };
  }),

  AddRoleToInstanceProfile: action(s.instanceProfileRole, async ({ ctx, authorizeAlso }, input) => {
    // "The caller of this operation must be granted the PassRole permission on the IAM role"; the role goes to EC2,
    // and iam:AssociatedResourceArn can only be "arn:aws:ec2:*:<caller's account>:instance/*" (the API reference).
    await authorizeAlso?.("PassRole", {
      RoleName: input.RoleName,
      PassedToService: "ec2.amazonaws.com",
      AssociatedResourceArn: `arn:aws:ec2:*:${ctx.accountId}:instance/*`,
    });
    return profiles.addRoleToInstanceProfile(ctx, input.InstanceProfileName, input.RoleName).then(done);
  }),

  RemoveRoleFromInstanceProfile: action(s.instanceProfileRole, ({ ctx }, input) =>
    profiles.removeRoleFromInstanceProfile(ctx, input.InstanceProfileName, input.RoleName).then(done),
  ),

  DeleteInstanceProfile: action(s.instanceProfileOnly, ({ ctx }, input) => profiles.deleteInstanceProfile(ctx, input.InstanceProfileName).then(done)),

  TagInstanceProfile: action(s.instanceProfileTags, ({ ctx }, input) => profiles.tagInstanceProfile(ctx, input.InstanceProfileName, input.Tags).then(done)),

  UntagInstanceProfile: action(s.instanceProfileTagKeys, ({ ctx }, input) =>
    profiles.untagInstanceProfile(ctx, input.InstanceProfileName, input.TagKeys).then(done),
  ),

  ListInstanceProfileTags: action(s.instanceProfilePage, async ({ ctx }, input) => {
    const page = await profiles.listInstanceProfileTags(ctx, input.InstanceProfileName, { marker: input.Marker, maxItems: input.MaxItems });
    return { Tags: page.items.map((t) => ({ Key: t.Key, Value: t.Value })), ...pageTail(page) };
  }),
};
