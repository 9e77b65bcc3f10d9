import { AwsError } from "@/lib/domain/errors";
import { LIMITS, type Tag } from "@/lib/domain/schemas";

/** Tag keys are unique ignoring case (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_tags.html). */
export function assertUniqueTagKeys(tags: Tag[]): void {
  const seen = new Set<string>();
  for (const t of tags) {
    const k = t.Key.toLowerCase();
    if (seen.has(k)) throw new AwsError("InvalidInput", "Duplicate tag keys found. Please note that Tag keys are case insensitive.");
    seen.add(k);
  }
}

/**
 * TagX overwrites values of existing keys (matched ignoring case) and appends new ones, within the quota;
 * `quotaMessage` is the kind's LimitExceeded wording (TagsPerRole, TagsPerUser).
 */
export function mergeTags(existing: Tag[], added: Tag[], quotaMessage: string): Tag[] {
  assertUniqueTagKeys(added);
  const merged = existing.map((t) => ({ ...t }));
  for (const t of added) {
    const i = merged.findIndex((m) => m.Key.toLowerCase() === t.Key.toLowerCase());
    if (i >= 0) merged[i] = { Key: merged[i].Key, Value: t.Value };
    else merged.push(t);
  }
  if (merged.length > LIMITS.tagsPerEntity) throw new AwsError("LimitExceeded", quotaMessage);
  return merged;
}

export function removeTags(existing: Tag[], keys: string[]): Tag[] {
  const drop = new Set(keys.map((k) => k.toLowerCase()));
  return existing.filter((t) => !drop.has(t.Key.toLowerCase()));
}
