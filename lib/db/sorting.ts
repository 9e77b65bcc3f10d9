import type { SortOrder } from "@/lib/domain/list-sorts";

/**
 * A list's ORDER BY: the chosen column, then the name ascending so rows that tie keep one order across pages;
 * ordering by name alone follows the chosen order.
 */
export function thenByName<T extends object>(order: SortOrder, column?: T) {
  return column ? [column, { nameLower: "asc" as const }] : [{ nameLower: order }];
}

/** For a nullable column: empty values ("never", "none") come first when ascending and last when descending. */
export const nullsFirstAscending = (order: SortOrder) => ({ sort: order, nulls: order === "asc" ? ("first" as const) : ("last" as const) });

/** A list's WHERE for the filters ListRoles, ListUsers and ListGroups share: the account, a path prefix, a name search. */
export const nameAndPathFilter = (accountId: string, q: { pathPrefix?: string; search?: string }) => ({
  accountId,
  ...(q.pathPrefix ? { path: { startsWith: q.pathPrefix } } : {}),
  ...(q.search ? { nameLower: { contains: q.search.toLowerCase() } } : {}),
});
