import { getDb } from "@/lib/db/client";
import {
  loadAuthorizationPage, type AuthorizationKey, type AuthorizationRow, type AuthorizationSection, type GroupDetail, type PolicyDetail, type RoleDetail, type UserDetail,
} from "@/lib/db/authorization-details";
import { AwsError } from "@/lib/domain/errors";
import { LIMITS } from "@/lib/domain/limits";
import type { Page, PageRequest } from "@/lib/domain/paging";
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

const SECTION_OF: Record<AuthorizationEntityType, AuthorizationSection> = {
  User: "user",
  Group: "group",
  Role: "role",
  LocalManagedPolicy: "policy",
  AWSManagedPolicy: "policy",
};

/**
 * The Marker names the last entity given (its section, lowercased name and id), not an offset: an entity created or
 * deleted between two calls does not shift the rest, so every entity that exists throughout the paging is given
 * exactly once, and one created or deleted meanwhile at most once. Opaque to callers, as AWS documents.
 */
const MARKER = /^a:(user|group|role|policy):([\w+=,.@-]{1,128}):([\w+=,.@-]{1,128})$/;

function decodeAuthorizationMarker(marker: string | undefined): AuthorizationKey | undefined {
  if (!marker) return undefined;
  const m = MARKER.exec(Buffer.from(marker, "base64url").toString("utf8"));
  if (!m) throw new AwsError("InvalidInput", "Invalid Marker.");
  return { section: m[1] as AuthorizationSection, id: m[2], nameLower: m[3] };
}

const encodeAuthorizationMarker = (key: AuthorizationKey) => Buffer.from(`a:${key.section}:${key.id}:${key.nameLower}`, "utf8").toString("base64url");

const entryOf = (row: AuthorizationRow): AuthorizationEntry =>
  row.section === "user" ? { type: "User", detail: row.detail }
  : row.section === "group" ? { type: "Group", detail: row.detail }
  : row.section === "role" ? { type: "Role", detail: row.detail }
  : { type: row.detail.policy.awsManaged ? "AWSManagedPolicy" : "LocalManagedPolicy", detail: row.detail };

/**
 * One page of the account's entities in AWS's order (users, groups, roles, then policies, each by name). MaxItems
 * counts entities of every type together, and the Marker continues the same sequence; with a Filter, only the types
 * named. AWS managed policies appear only where one of the account's entities uses them, as in AWS's own output.
 * Only the page's entities are read from the store, so RoleLastUsed and every other field are as of this call.
 */
export async function getAccountAuthorizationDetails(
  ctx: RequestContext,
  request: PageRequest & { filter?: AuthorizationEntityType[] },
): Promise<Page<AuthorizationEntry>> {
  const wanted = new Set<AuthorizationEntityType>(request.filter?.length ? request.filter : AUTHORIZATION_ENTITY_TYPES);
  const { rows, more } = await loadAuthorizationPage(getDb(), ctx.accountId, {
    sections: new Set([...wanted].map((t) => SECTION_OF[t])),
    policies: { local: wanted.has("LocalManagedPolicy"), aws: wanted.has("AWSManagedPolicy") },
    after: decodeAuthorizationMarker(request.marker),
    limit: request.maxItems ?? LIMITS.maxItems.default,
  });
  return { items: rows.map(entryOf), isTruncated: more, marker: more ? encodeAuthorizationMarker(rows[rows.length - 1].key) : undefined };
}
