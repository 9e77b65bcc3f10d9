import * as users from "@/lib/iam/users";
import { createUserSchema } from "@/lib/domain/schemas";
import { action, type QueryAction } from "../action";
import { pageTail, userListShape, userShape } from "../shapes";
import * as s from "./schemas";

/** IAM users (CreateUser … DeleteUser); their policies and tags are in ./principal-policies. */
export const userActions: Record<string, QueryAction> = {
  CreateUser: action(createUserSchema, async ({ ctx }, input) => ({ User: userShape(await users.createUser(ctx, input)) })),

  // Without UserName, GetUser describes the caller (https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetUser.html).
  GetUser: action(s.optionalUser, async ({ ctx }, input) => ({ User: userShape(await users.getUser(ctx, input.UserName)) })),

  ListUsers: action(s.usersPage, async ({ ctx }, input) => {
    const page = await users.listUsers(ctx, { pathPrefix: input.PathPrefix, marker: input.Marker, maxItems: input.MaxItems });
    return { Users: page.items.map(userListShape), ...pageTail(page) };
  }),

  DeleteUser: action(s.userOnly, async ({ ctx }, input) => {
    await users.deleteUser(ctx, input.UserName);
    return undefined;
  }),
};
