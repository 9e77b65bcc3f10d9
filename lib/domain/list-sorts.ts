/**
 * The columns each console list can be ordered by, first the default. IAM's own List* calls take no sort; these
 * are the console's. Every list breaks ties by name, so rows that tie keep one order from page to page.
 *
 * A column is sortable only when the store can order by it directly: a user's "key last used" (the latest of its
 * access keys) and a policy's attachment count (role plus user attachments) are aggregates over other tables,
 * so they are shown but not sortable.
 */
export const SORT_ORDERS = ["asc", "desc"] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

export const ROLE_SORTS = ["name", "createdAt", "lastUsedAt"] as const;
export type RoleSort = (typeof ROLE_SORTS)[number];

export const USER_SORTS = ["name", "createdAt"] as const;
export type UserSort = (typeof USER_SORTS)[number];

export const GROUP_SORTS = ["name", "createdAt"] as const;
export type GroupSort = (typeof GROUP_SORTS)[number];
export const INSTANCE_PROFILE_SORTS = ["name", "createdAt"] as const;
export type InstanceProfileSort = (typeof INSTANCE_PROFILE_SORTS)[number];

/** `type` ascending lists AWS managed policies before customer managed ones, as their labels sort. */
export const POLICY_SORTS = ["name", "type"] as const;
export type PolicySort = (typeof POLICY_SORTS)[number];
