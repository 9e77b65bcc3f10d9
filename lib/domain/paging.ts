import { AwsError } from "./errors";
import { LIMITS } from "./limits";

/**
 * IAM list calls page with an opaque Marker. Ours encodes the offset of the next item; callers must treat it as
 * opaque, as AWS documents. A marker we did not issue is refused rather than silently restarting the list.
 */
export function decodeMarker(marker: string | undefined): number {
  if (!marker) return 0;
  // At most nine digits: a marker we issued never points past a billion rows, and a larger offset (1e21) would
  // reach the store as a number it cannot use.
  const text = Buffer.from(marker, "base64url").toString("utf8");
  const m = /^o:(\d{1,9})$/.exec(text) ?? /^(\d{1,9})$/.exec(text);
  if (!m) throw new AwsError("InvalidInput", "Invalid Marker.");
  return Number(m[1]);
}

export function encodeMarker(offset: number): string {
  return Buffer.from(`o:${offset}`, "utf8").toString("base64url");
}

/** A list call's Marker and MaxItems, as every IAM list takes them. */
export interface PageRequest {
  marker?: string;
  maxItems?: number;
}

/** The rows a page request asks for: from the marker's offset, MaxItems of them (AWS's default when absent). */
export function pageWindow(page: PageRequest): { offset: number; maxItems: number } {
  return { offset: decodeMarker(page.marker), maxItems: page.maxItems ?? LIMITS.maxItems.default };
}

/** One page of a list, with the marker of the next when there is more. */
export interface Page<T> {
  items: T[];
  isTruncated: boolean;
  marker?: string;
}

/** In-memory paging for per-entity lists that IAM caps at small sizes (tags ≤ 50, policies ≤ 20). */
export function slicePage<T>(all: T[], page: PageRequest): Page<T> {
  const { offset, maxItems } = pageWindow(page);
  const isTruncated = offset + maxItems < all.length;
  return {
    items: all.slice(offset, offset + maxItems),
    isTruncated,
    marker: isTruncated ? encodeMarker(offset + maxItems) : undefined,
  };
}
