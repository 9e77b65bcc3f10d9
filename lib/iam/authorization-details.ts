import { getDb } from "@/lib/db/client";
import { loadAccountAuthorizationRows, type GroupDetail, type PolicyDetail, type RoleDetail, type UserDetail } from "@/lib/db/authorization-details";
import { slicePage, type Page, type PageRequest } from "@/lib/domain/paging";
import type { RequestContext } from "./context";

/**
 * GetAccountAuthorizationDetails: a snapshot of an account's users, groups, roles and managed policies with their
 * relationships — what PMapper, cloudsplaining and similar tools collect from AWS, so they can read Roleplane too.
 */

export const AUTHORIZATION_ENTITY_TYPES = ["User", "Role", "Group", "LocalManagedPolicy", "AWSManagedPolicy"] as const;
export type AuthorizationEntityType = (typeof AUTHORIZATION_ENTITY_TYPES)[number];

export type AuthorizationEntry =
  | { type: "User"; detail: UserDetail }
  | { type: "Group"; detail: GroupDetail }
  | { type: "Role"; detail: RoleDetail }
  | { type: "LocalManagedPolicy" | "AWSManagedPolicy"; detail: PolicyDetail };

/**
 * One page of the account's entities in AWS's order (users, groups, roles, then policies, each by name). MaxItems
 * counts entities of every type together, and the Marker continues the same sequence; with a Filter, only the types
 * named. AWS managed policies appear only where one of the account's entities uses them, as in AWS's own output.
 */
export async function getAccountAuthorizationDetails(
  ctx: RequestContext,
  request: PageRequest & { filter?: AuthorizationEntityType[] },
): Promise<Page<AuthorizationEntry>> {
  const rows = await loadAccountAuthorizationRows(getDb(), ctx.accountId);
  const wanted = new Set<AuthorizationEntityType>(request.filter?.length ? request.filter : AUTHORIZATION_ENTITY_TYPES);
  const entries: AuthorizationEntry[] = [
    ...rows.users.map((detail) => ({ type: "User" as const, detail })),
    ...rows.groups.map((detail) => ({ type: "Group" as const, detail })),
    ...rows.roles.map((detail) => ({ type: "Role" as const, detail })),
    ...rows.policies.map((detail) => ({ type: detail.policy.awsManaged ? ("AWSManagedPolicy" as const) : ("LocalManagedPolicy" as const), detail })),
  ];
  return slicePage(
    entries.filter((e) => wanted.has(e.type)),
    request,
  );
}
