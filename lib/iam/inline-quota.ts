import { policySize } from "@/lib/policy";
import { AwsError } from "./errors";

/**
 * Inline policies share one size quota per principal (10,240 characters for a role, 2,048 for a user), counted
 * without whitespace (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html).
 */
export function assertInlineQuota(documents: string[], quota: number, owner: string): void {
  const total = documents.reduce((sum, d) => sum + policySize(d), 0);
  if (total > quota) throw new AwsError("LimitExceeded", `Maximum policy size of ${quota} bytes exceeded for ${owner}`);
}
