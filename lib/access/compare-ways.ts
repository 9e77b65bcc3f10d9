import type { EvalDecision } from "@/lib/domain/simulation-types";

/**
 * Cross-account access two ways, in plain words: (a) assume a role in the resource's account, (b) a resource-based
 * policy granting the caller directly. The rules are the IAM guide's: through a role the caller gives up its own
 * permissions for the role's; through a resource-based policy it keeps them, and across accounts both its
 * identity policy and the resource policy must allow; both ways work within one partition only. What CloudTrail
 * records follows the IAM guide's CloudTrail table: an IAM user's AssumeRole is logged in the caller's account (its
 * identity) and in the role's account (its account and principal ID), and the session's later calls carry the role
 * identity only, unless a source identity was set. The services named are a few of those with "Yes" in the
 * Resource-based policies column of "AWS services that work with IAM".
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_compare-resource-policies.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/cloudtrail-integration.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_aws-services-that-work-with-iam.html
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html
 */
export interface WaysInput {
  callerArn: string;
  callerAccount: string;
  resourceAccount: string;
  action: string;
  /** Absent when no role was named. */
  viaRole?: { roleArn: string; assume: EvalDecision; act: EvalDecision };
  viaResourcePolicy: EvalDecision;
  /** What the chosen service needs besides the policy (from its template), if known. */
  serviceNote?: string;
}

const WORDS: Record<EvalDecision, string> = { allowed: "allowed", explicitDeny: "explicitly denied", implicitDeny: "implicitly denied (nothing allows it)" };

/** (a)'s decision: the assume first, then the role's own permissions. */
export const roleWayDecision = (assume: EvalDecision, act: EvalDecision): EvalDecision => (assume !== "allowed" ? assume : act);

const roleName = (arn: string) => arn.slice(arn.lastIndexOf("/") + 1);

export function waysDiffer(w: WaysInput): { topic: string; text: string }[] {
  const cross = w.callerAccount !== w.resourceAccount;
  const out: { topic: string; text: string }[] = [];
  const a = w.viaRole;

  const outcome = a
    ? roleWayDecision(a.assume, a.act) === "allowed"
      ? w.viaResourcePolicy === "allowed"
        ? "Both ways allow it."
        : `Only the role allows it: through the resource policy the request is ${WORDS[w.viaResourcePolicy]}.`
      : w.viaResourcePolicy === "allowed"
        ? `Only the resource policy allows it: through the role the request is ${WORDS[roleWayDecision(a.assume, a.act)]}${a.assume === "allowed" ? " by the role's own permissions" : " at sts:AssumeRole"}.`
        : "Neither way allows it."
    : `Through the resource policy the request is ${WORDS[w.viaResourcePolicy]}. Name a role in account ${w.resourceAccount} to compare the role's way.`;
  out.push({ topic: "Outcome", text: outcome });

  out.push({
    topic: "Whose permissions apply",
    text: [
      a
        ? `Through the role, ${w.callerArn} gives up its own permissions for those of ${roleName(a.roleArn)} while it uses the session: its own policies only decide whether it may call sts:AssumeRole (with the trust policy), and then ${roleName(a.roleArn)}'s policies alone decide ${w.action}.`
        : "Through a role, the caller would give up its own permissions for the role's while it uses the session.",
      cross
        ? `Through the resource policy, the caller keeps its own permissions: across accounts (${w.callerAccount} → ${w.resourceAccount}) both its identity policy and the resource policy must allow ${w.action}. It can work in both accounts at once, for example copy data between them.`
        : `Through the resource policy, the caller keeps its own permissions; in one account either its identity policy or the resource policy allowing is usually enough (unless one denies) — a KMS key is the exception: IAM policies count only when its key policy lets the account use them.`,
    ].join(" "),
  });

  out.push({
    topic: "What the audit records",
    text: [
      a
        ? `The role's way leaves an AssumeRole event — in CloudTrail of the caller's account under the caller's identity, and of the role's account with the caller's account and principal ID; in Roleplane, on ${roleName(a.roleArn)}'s Activity tab — and the call itself is recorded under the session, arn:aws:sts::${w.resourceAccount}:assumed-role/${roleName(a.roleArn)}/SESSION-NAME, the role's identity only: who asked shows through the session name, a source identity or the AssumeRole event.`
        : "A role's way records an AssumeRole event, then each call under the role session's ARN.",
      `The resource policy's way records each call with the caller's own identity (${w.callerArn}), no role session in between.`,
    ].join(" "),
  });

  out.push({
    topic: "Which services support it",
    text: [
      "A role works with every service: the role's identity policies apply to any action.",
      "A resource-based policy works only where the service attaches policies to its resources — among them S3 buckets, KMS keys, SQS queues, SNS topics, Lambda functions, Secrets Manager secrets, ECR repositories and Glacier vaults (IAM's table \"AWS services that work with IAM\", column Resource-based policies).",
      "Either way crosses accounts only within one partition: an aws-cn resource cannot grant an aws account's principal.",
      w.serviceNote ?? "",
    ]
      .filter(Boolean)
      .join(" "),
  });
  return out;
}
