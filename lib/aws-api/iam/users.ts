import * as users from "@/lib/iam/users";
import { createUserSchema } from "@/lib/iam/schemas";
import { action, type QueryAction } from "../action";
import { attachedPolicyShape, pageTail, userShape } from "../shapes";
import { encodePolicyDocument } from "../xml";
import * as s from "./schemas";

/** IAM users, their tags and their policies (CreateUser … ListAttachedUserPolicies). */
export const userActions: Record<string, QueryAction> = {
  CreateUser: action(createUserSchema, async ({ ctx }, input) => ({ User: userShape(await users.createUser(ctx, input)) })),

  // Without UserName, GetUser describes the caller (https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetUser.html).
  GetUser: action(s.optionalUser, async ({ ctx }, input) => ({ User: userShape(await users.getUser(ctx, input.UserName)) })),

  ListUsers: action(s.usersPage, async ({ ctx }, input) => {
    const page = await users.listUsers(ctx, { pathPrefix: input.PathPrefix, marker: input.Marker, maxItems: input.MaxItems });
    // ListUsers items omit PermissionsBoundary and Tags (see the ListUsers API reference).
    const items = page.items.map((u) => ({ ...userShape(u), PermissionsBoundary: undefined, Tags: undefined }));
    return { Users: items, ...pageTail(page) };
  }),

  DeleteUser: action(s.userOnly, async ({ ctx }, input) => {
    await users.deleteUser(ctx, input.UserName);
    return undefined;
  }),

  TagUser: action(s.userTags, async ({ ctx }, input) => {
    await users.tagUser(ctx, input.UserName, input.Tags);
    return undefined;
  }),

  UntagUser: action(s.userTagKeys, async ({ ctx }, input) => {
    await users.untagUser(ctx, input.UserName, input.TagKeys);
    return undefined;
  }),

  ListUserTags: action(s.userPage, async ({ ctx }, input) => {
    const page = await users.listUserTags(ctx, input.UserName, { marker: input.Marker, maxItems: input.MaxItems });
    return { Tags: page.items.map((t) => ({ Key: t.Key, Value: t.Value })), ...pageTail(page) };
  }),

  PutUserPolicy: action(s.userPolicyPut, async ({ ctx }, input) => {
    await users.putUserPolicy(ctx, input.UserName, input.PolicyName, input.PolicyDocument);
    return undefined;
  }),

  GetUserPolicy: action(s.userPolicyName, async ({ ctx }, input) => {
    const p = await users.getUserPolicy(ctx, input.UserName, input.PolicyName);
    return { UserName: p.userName, PolicyName: p.name, PolicyDocument: encodePolicyDocument(p.document) };
  }),

  ListUserPolicies: action(s.userPage, async ({ ctx }, input) => {
    const page = await users.listUserPolicies(ctx, input.UserName, { marker: input.Marker, maxItems: input.MaxItems });
    return { PolicyNames: page.items, ...pageTail(page) };
  }),

  DeleteUserPolicy: action(s.userPolicyName, async ({ ctx }, input) => {
    await users.deleteUserPolicy(ctx, input.UserName, input.PolicyName);
    return undefined;
  }),

  AttachUserPolicy: action(s.userPolicyArn, async ({ ctx }, input) => {
    await users.attachUserPolicy(ctx, input.UserName, input.PolicyArn);
    return undefined;
  }),

  DetachUserPolicy: action(s.userPolicyArn, async ({ ctx }, input) => {
    await users.detachUserPolicy(ctx, input.UserName, input.PolicyArn);
    return undefined;
  }),

  ListAttachedUserPolicies: action(s.userAttachedPage, async ({ ctx }, input) => {
    const page = await users.listAttachedUserPolicies(ctx, input.UserName, {
      pathPrefix: input.PathPrefix,
      marker: input.Marker,
      maxItems: input.MaxItems,
    });
    return { AttachedPolicies: page.items.map(attachedPolicyShape), ...pageTail(page) };
  }),

  PutUserPermissionsBoundary: action(s.userBoundary, async ({ ctx }, input) => {
    await users.putUserPermissionsBoundary(ctx, input.UserName, input.PermissionsBoundary);
    return undefined;
  }),

  DeleteUserPermissionsBoundary: action(s.userOnly, async ({ ctx }, input) => {
    await users.deleteUserPermissionsBoundary(ctx, input.UserName);
    return undefined;
  }),
};
