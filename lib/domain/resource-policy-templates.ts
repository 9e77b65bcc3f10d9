/**
 * Resource-based policies to try the comparison of roles with resource-based policies: one per service kind the IAM
 * guide names, each granting a caller of another account one action on the resource. Checked against each service's
 * documentation (2026-11-29):
 * - S3: the bucket policy names the bucket's objects as `arn:aws:s3:::bucket/*` for object actions; S3 ARNs hold no
 *   Region or account.
 * - KMS: every key has exactly one key policy; its statements say `"Resource": "*"` (the key itself), the default
 *   policy's "Enable IAM User Permissions" statement lets the key's account use IAM policies, and across accounts
 *   both the key policy and the caller's IAM policy must allow (neither alone is enough).
 * - SQS: the queue policy's Resource is the queue's ARN.
 * - Lambda: a function policy statement names the function's ARN, as AddPermission writes it.
 * - Secrets Manager: secret policies say `"Resource": "*"`; across accounts the secret must be encrypted with a
 *   customer managed KMS key whose key policy lets the caller decrypt (aws/secretsmanager cannot be shared).
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_compare-resource-policies.html
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies.html
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-modifying-external-accounts.html
 * @see https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-basic-examples-of-sqs-policies.html
 * @see https://docs.aws.amazon.com/lambda/latest/dg/permissions-function-cross-account.html
 * @see https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_examples_cross.html
 */

export type ResourcePolicyTemplateId = "s3-bucket" | "kms-key" | "sqs-queue" | "lambda-function" | "secrets-manager-secret";

export interface ResourcePolicyTemplate {
  id: ResourcePolicyTemplateId;
  label: string;
  /** The action the template grants, which the comparison evaluates. */
  action: string;
  /** An example resource in `account`. */
  resource(account: string): string;
  /** The policy granting `caller` the action on `resource` (owned by `account`). */
  policy(caller: string, resource: string, account: string): string;
  /** What else the service needs across accounts, in plain words. */
  note: string;
}

const REGION = "us-east-1";
const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement }, null, 2);

export const RESOURCE_POLICY_TEMPLATES: readonly ResourcePolicyTemplate[] = [
  {
    id: "s3-bucket",
    label: "S3 bucket policy",
    action: "s3:GetObject",
    resource: () => "arn:aws:s3:::shared-reports/2026/summary.csv",
    policy: (caller, resource) =>
      doc({ Sid: "CrossAccountRead", Effect: "Allow", Principal: { AWS: caller }, Action: "s3:GetObject", Resource: `${resource.split("/")[0]}/*` }),
    note: "The policy is attached to the bucket and covers its objects. S3 ARNs name no account: the bucket's owner is the resource's account.",
  },
  {
    id: "kms-key",
    label: "KMS key policy",
    action: "kms:Decrypt",
    resource: (account) => `arn:aws:kms:${REGION}:${account}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
    policy: (caller, _resource, account) =>
      doc(
        { Sid: "Enable IAM User Permissions", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: "kms:*", Resource: "*" },
        { Sid: "Allow use of the key", Effect: "Allow", Principal: { AWS: caller }, Action: ["kms:Decrypt", "kms:DescribeKey"], Resource: "*" },
      ),
    note: "Every KMS key has exactly one key policy. Across accounts the key policy must name the caller (or its account) and the caller's IAM policy must allow too: neither alone is enough, and only the cryptographic and Describe operations work across accounts.",
  },
  {
    id: "sqs-queue",
    label: "SQS queue policy",
    action: "sqs:SendMessage",
    resource: (account) => `arn:aws:sqs:${REGION}:${account}:orders`,
    policy: (caller, resource) => doc({ Sid: "CrossAccountSend", Effect: "Allow", Principal: { AWS: caller }, Action: "sqs:SendMessage", Resource: resource }),
    note: "A queue policy can grant other accounts, and AWS services such as SNS, the right to send.",
  },
  {
    id: "lambda-function",
    label: "Lambda function policy",
    action: "lambda:InvokeFunction",
    resource: (account) => `arn:aws:lambda:${REGION}:${account}:function:resize-images`,
    policy: (caller, resource) => doc({ Sid: "CrossAccountInvoke", Effect: "Allow", Principal: { AWS: caller }, Action: "lambda:InvokeFunction", Resource: resource }),
    note: "Lambda keeps this policy on the function (or a version or alias): AddPermission adds one statement and RemovePermission takes one away; PutResourcePolicy replaces the whole policy.",
  },
  {
    id: "secrets-manager-secret",
    label: "Secrets Manager secret policy",
    action: "secretsmanager:GetSecretValue",
    resource: (account) => `arn:aws:secretsmanager:${REGION}:${account}:secret:prod/db-password-AbCdEf`,
    policy: (caller) => doc({ Sid: "CrossAccountRead", Effect: "Allow", Principal: { AWS: caller }, Action: "secretsmanager:GetSecretValue", Resource: "*" }),
    note: "Across accounts the secret must be encrypted with a customer managed KMS key whose key policy also lets the caller decrypt (the AWS managed key cannot be shared).",
  },
];

export const templateOf = (id: string) => RESOURCE_POLICY_TEMPLATES.find((t) => t.id === id);
