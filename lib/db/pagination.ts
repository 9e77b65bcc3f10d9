import { AwsError } from "@/lib/iam/errors";

/**
 * IAM list calls page with an opaque Marker. Ours encodes the offset of the next item; callers must treat it as
 * opaque, as AWS documents. A marker we did not issue is refused rather than silently restarting the list.
 */
export function decodeMarker(marker: string | undefined): number {
  if (!marker) return 0;
  const text = Buffer.from(marker, "base64url").toString("utf8");
  const m = /^o:(\d{1,9})$/.exec(text) ?? /^(\d{1,9})$/.exec(text);
  if (!m) throw new AwsError("InvalidInput", "Invalid Marker.");
  return Number(m[1]);
}

export function encodeMarker(offset: number): string {
  return Buffer.from(`o:${offset}`, "utf8").toString("base64url");
}

/** Fetches one more row than asked so truncation is known without a count query. */
export function pageOf<T>(rows: T[], offset: number, maxItems: number) {
  const isTruncated = rows.length > maxItems;
  const items = isTruncated ? rows.slice(0, maxItems) : rows;
  return { items, isTruncated, marker: isTruncated ? encodeMarker(offset + maxItems) : undefined };
}

export const DEFAULT_MAX_ITEMS = 100;
