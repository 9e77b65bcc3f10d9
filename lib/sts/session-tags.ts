import { deflateRawSync } from "node:zlib";
import { AwsError } from "@/lib/domain/errors";
import type { Tag } from "@/lib/domain/schemas";

/**
 * Session tags as STS applies them (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html):
 * keys ignore case; tags a calling session passed on as transitive carry into the new session and cannot be
 * changed there; transitive keys must name tags of the session.
 */
export interface SessionTagSet {
  tags: Tag[];
  transitiveTagKeys: string[];
}

const lower = (k: string) => k.toLowerCase();

export function sessionTagsFor(requested: SessionTagSet, inherited: SessionTagSet | null): SessionTagSet {
  const seen = new Set<string>();
  for (const t of requested.tags) {
    if (seen.has(lower(t.Key))) throw new AwsError("InvalidParameterValue", "Duplicate tag keys found. Please note that Tag keys are case insensitive.");
    seen.add(lower(t.Key));
  }
  for (const k of requested.transitiveTagKeys)
    if (!seen.has(lower(k))) throw new AwsError("InvalidParameterValue", `TransitiveTagKeys may name only tags passed in the request; '${k}' is not one.`);
  const carried = inherited ? inherited.tags.filter((t) => inherited.transitiveTagKeys.some((k) => lower(k) === lower(t.Key))) : [];
  for (const t of carried)
    if (seen.has(lower(t.Key)))
      throw new AwsError("InvalidParameterValue", `The session tag '${t.Key}' was passed on as transitive by the calling session and cannot be set again.`);
  return {
    tags: [...carried, ...requested.tags],
    transitiveTagKeys: [...carried.map((t) => t.Key), ...requested.transitiveTagKeys],
  };
}

/**
 * The PackedPolicySize percentage. AWS packs the session policy, policy ARNs and session tags into a compressed
 * binary form with its own limit and publishes neither; Roleplane compresses the same three with DEFLATE and
 * counts them against 2,048 bytes, which gives small requests a few percent and refuses what AWS refuses in
 * practice (e.g. 50 long tags). Roleplane's own measure, named as AWS names it.
 */
export const PACKED_POLICY_BUDGET_BYTES = 2048;

export function packedPolicySize(policy: string | undefined, policyArns: string[], tags: Tag[]): number {
  const packed = deflateRawSync(Buffer.from(JSON.stringify([policy ?? "", policyArns, tags.map((t) => [t.Key, t.Value])]), "utf8"));
  return Math.ceil((packed.length * 100) / PACKED_POLICY_BUDGET_BYTES);
}

export function assertPackedSizeFits(percent: number): void {
  if (percent > 100)
    throw new AwsError("PackedPolicyTooLarge", `Packed policy consumes ${percent}% of allotted space, please use smaller policy.`);
}
