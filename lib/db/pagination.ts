import { encodeMarker } from "@/lib/domain/paging";

/** Fetches one more row than asked so truncation is known without a count query. */
export function pageOf<T>(rows: T[], offset: number, maxItems: number) {
  const isTruncated = rows.length > maxItems;
  const items = isTruncated ? rows.slice(0, maxItems) : rows;
  return { items, isTruncated, marker: isTruncated ? encodeMarker(offset + maxItems) : undefined };
}
