import { decodeMarker, encodeMarker, DEFAULT_MAX_ITEMS } from "@/lib/db/pagination";

/** In-memory paging for per-entity lists that IAM caps at small sizes (tags ≤ 50, policies ≤ 20). */
export function slicePage<T>(all: T[], page: { marker?: string; maxItems?: number }) {
  const offset = decodeMarker(page.marker);
  const max = page.maxItems ?? DEFAULT_MAX_ITEMS;
  const items = all.slice(offset, offset + max);
  const isTruncated = offset + max < all.length;
  return {
    items,
    isTruncated,
    marker: isTruncated ? encodeMarker(offset + max) : undefined,
  };
}
