import type { Tx } from "@/lib/db/client";
import { findPolicyByArn } from "@/lib/db/policies";
import { parsePolicyArn } from "./arn";
import { AwsError } from "@/lib/domain/errors";
import { SERVICE_ROLE_POLICY_PATH, serviceLinkedMessages } from "@/lib/domain/service-linked-roles";

/**
 * A permissions boundary is one managed policy, named by ARN, that must exist in the caller's account or be
 * AWS-managed (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html).
 */
export async function resolveBoundary(tx: Tx, accountId: string, arn: string): Promise<string> {
  const parts = parsePolicyArn(arn);
  if (!parts) throw new AwsError("InvalidParameterValue", `Value (${arn}) for parameter PermissionsBoundary is invalid.`);
  const policy = await findPolicyByArn(tx, arn);
  if (!policy || (policy.scope !== "aws" && policy.scope !== accountId))
    throw new AwsError("NoSuchEntity", `Scope ARN: ${arn} does not exist or is not attachable.`);
  return arn;
}

/** The managed policy to attach, refused as IAM does when the ARN is malformed or names nothing attachable. */
export async function resolveAttachablePolicy(tx: Tx, accountId: string, arn: string) {
  if (!parsePolicyArn(arn)) throw new AwsError("InvalidInput", `ARN ${arn} is not valid.`);
  const policy = await findPolicyByArn(tx, arn);
  if (!policy || (policy.scope !== "aws" && policy.scope !== accountId))
    throw new AwsError("NoSuchEntity", `Policy ${arn} does not exist or is not attachable.`);
  if (!policy.isAttachable) throw new AwsError("PolicyNotAttachable", `Policy ${arn} is not attachable.`);
  // The policies under /aws-service-role/ are for service-linked roles only; their service attaches them.
  if (policy.scope === "aws" && policy.path === SERVICE_ROLE_POLICY_PATH) throw new AwsError("PolicyNotAttachable", serviceLinkedMessages.serviceRolePolicy);
  return policy;
}
