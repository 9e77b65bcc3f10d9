import * as groups from "@/lib/iam/groups";
import { createGroupSchema, updateGroupSchema } from "@/lib/domain/schemas";
import { action, type QueryAction } from "../action";
import { groupShape, pageTail, userListShape } from "../shapes";
import * as s from "./schemas";

const done = () => undefined;

/** IAM groups and their members (CreateGroup … ListGroupsForUser); their policies are in ./principal-policies. */
export const groupActions: Record<string, QueryAction> = {
  CreateGroup: action(createGroupSchema, async ({ ctx }, i) => ({ Group: groupShape(await groups.createGroup(ctx, i)) })),

  GetGroup: action(s.groupPage, async ({ ctx }, i) => {
    const { group, users } = await groups.getGroup(ctx, i.GroupName, { marker: i.Marker, maxItems: i.MaxItems });
    return { Group: groupShape(group), Users: users.items.map(userListShape), ...pageTail(users) };
  }),

  ListGroups: action(s.groupsPage, async ({ ctx }, i) => {
    const page = await groups.listGroups(ctx, { pathPrefix: i.PathPrefix, marker: i.Marker, maxItems: i.MaxItems });
    return { Groups: page.items.map(groupShape), ...pageTail(page) };
  }),

  // IAM authorizes a rename on the group's new name as well as its old one (see the UpdateGroup API reference).
  UpdateGroup: action(updateGroupSchema, async ({ ctx, authorize }, i) => {
    if (i.NewGroupName || i.NewPath) {
      const current = await groups.findGroupNamed(ctx, i.GroupName);
      await authorize?.({ GroupName: i.NewGroupName ?? current.name, Path: i.NewPath ?? current.path });
    }
    return groups.updateGroup(ctx, i).then(done);
  }),

  DeleteGroup: action(s.groupOnly, ({ ctx }, i) => groups.deleteGroup(ctx, i.GroupName).then(done)),

  AddUserToGroup: action(s.groupMember, ({ ctx }, i) => groups.addUserToGroup(ctx, i.GroupName, i.UserName).then(done)),

  RemoveUserFromGroup: action(s.groupMember, ({ ctx }, i) => groups.removeUserFromGroup(ctx, i.GroupName, i.UserName).then(done)),

  ListGroupsForUser: action(s.groupsForUserPage, async ({ ctx }, i) => {
    const page = await groups.listGroupsForUser(ctx, i.UserName, { marker: i.Marker, maxItems: i.MaxItems });
    return { Groups: page.items.map(groupShape), ...pageTail(page) };
  }),
};
