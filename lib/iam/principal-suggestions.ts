import { getDb } from "@/lib/db/client";
import { listAccountRows } from "@/lib/db/accounts";
import { listPrincipalRows } from "@/lib/db/principal-suggestions";
import type { RequestContext } from "./context";
import type { PrincipalSuggestion } from "@/lib/domain/types";


/**
 * Service principals people trust most often. AWS publishes no complete list (service principals are not in
 * the Service Authorization Reference), so the editor offers the common ones and accepts any well-formed one.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-services
 */
export const COMMON_SERVICE_PRINCIPALS: readonly [string, string][] = [
  ["ec2.amazonaws.com", "Amazon EC2"],
  ["lambda.amazonaws.com", "AWS Lambda"],
  ["ecs-tasks.amazonaws.com", "Amazon ECS tasks"],
  ["ecs.amazonaws.com", "Amazon ECS"],
  ["eks.amazonaws.com", "Amazon EKS"],
  ["pods.eks.amazonaws.com", "EKS Pod Identity"],
  ["states.amazonaws.com", "AWS Step Functions"],
  ["events.amazonaws.com", "Amazon EventBridge"],
  ["scheduler.amazonaws.com", "EventBridge Scheduler"],
  ["apigateway.amazonaws.com", "Amazon API Gateway"],
  ["codebuild.amazonaws.com", "AWS CodeBuild"],
  ["codepipeline.amazonaws.com", "AWS CodePipeline"],
  ["cloudformation.amazonaws.com", "AWS CloudFormation"],
  ["glue.amazonaws.com", "AWS Glue"],
  ["sagemaker.amazonaws.com", "Amazon SageMaker"],
  ["firehose.amazonaws.com", "Kinesis Data Firehose"],
  ["backup.amazonaws.com", "AWS Backup"],
  ["batch.amazonaws.com", "AWS Batch"],
  ["rds.amazonaws.com", "Amazon RDS"],
  ["s3.amazonaws.com", "Amazon S3"],
  ["sns.amazonaws.com", "Amazon SNS"],
  ["logs.amazonaws.com", "CloudWatch Logs"],
  ["edgelambda.amazonaws.com", "Lambda@Edge"],
  ["rolesanywhere.amazonaws.com", "IAM Roles Anywhere"],
];

const PER_KIND_LIMIT = 500;

/**
 * Principals a trust policy in the caller's account can name: the accounts Roleplane holds (the caller's
 * first), their roles, users and identity providers, and common service principals. Read-only.
 */
export async function getPrincipalSuggestions(ctx: RequestContext): Promise<PrincipalSuggestion[]> {
  const db = getDb();
  const ids = (await listAccountRows(db)).map((a) => a.id);
  const rows = await listPrincipalRows(db, ids, PER_KIND_LIMIT);
  const own = (accountId: string) => (accountId === ctx.accountId ? 0 : 1);
  const out: PrincipalSuggestion[] = [];
  for (const a of [...rows.accounts].sort((x, y) => own(x.id) - own(y.id))) {
    const label = a.alias ? `Account ${a.alias}` : "Account";
    out.push({ principalKey: "AWS", kind: "account", value: `arn:aws:iam::${a.id}:root`, label, accountId: a.id });
    out.push({ principalKey: "AWS", kind: "account", value: a.id, label, accountId: a.id });
  }
  for (const r of [...rows.roles].sort((x, y) => own(x.accountId) - own(y.accountId)))
    out.push({ principalKey: "AWS", kind: "role", value: r.arn, label: r.name, accountId: r.accountId });
  for (const u of [...rows.users].sort((x, y) => own(x.accountId) - own(y.accountId)))
    out.push({ principalKey: "AWS", kind: "user", value: u.arn, label: u.name, accountId: u.accountId });
  for (const p of [...rows.providers].sort((x, y) => own(x.accountId) - own(y.accountId)))
    out.push({
      principalKey: "Federated",
      kind: p.type === "SAML" ? "saml-provider" : "oidc-provider",
      value: p.arn,
      label: p.name,
      accountId: p.accountId,
    });
  for (const [value, label] of COMMON_SERVICE_PRINCIPALS) out.push({ principalKey: "Service", kind: "service", value, label });
  return out;
}
