/**
 * Server-side list sorting, kept in the URL (`?sort=…&order=…`) so a sorted view can be linked and reloaded.
 * A list names its sortable columns, its default first; the default column ascending is left out of URLs.
 */
export type SortOrder = "asc" | "desc";

export interface ListSort<S extends string = string> {
  sort: S;
  order: SortOrder;
}

type Sorts<S extends string> = readonly [S, ...S[]];

/** Reads the sort from the URL; a column the list does not have falls back to its default. */
export function readListSort<S extends string>(params: URLSearchParams, sorts: Sorts<S>): ListSort<S> {
  const sort = params.get("sort");
  return { sort: sorts.find((s) => s === sort) ?? sorts[0], order: params.get("order") === "desc" ? "desc" : "asc" };
}

export function writeListSort<S extends string>(q: URLSearchParams, s: Partial<ListSort<S>>, sorts: Sorts<S>): void {
  if (s.sort && s.sort !== sorts[0]) q.set("sort", s.sort);
  if (s.order && s.order !== "asc") q.set("order", s.order);
}

/**
 * Props for a list's sortable headers (`<SortTh {...sortBy("createdAt")} />`): the sorted column flips its
 * order, another column starts ascending, and either way the list goes back to page 1.
 */
export function sortHeaders<S extends string>(current: ListSort<S>, toHref: (next: ListSort<S> & { page: 1 }) => string) {
  return (sort: S) => ({
    href: toHref({ sort, order: current.sort === sort && current.order === "asc" ? "desc" : "asc", page: 1 }),
    direction: current.sort === sort ? current.order : undefined,
  });
}
