/**
 * IAM ARN formats (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-arns).
 * Roles, users and groups include their path; assumed-role session ARNs do not.
 */
export const roleArn = (accountId: string, path: string, name: string) => `arn:aws:iam::${accountId}:role${path}${name}`;
export const userArn = (accountId: string, path: string, name: string) => `arn:aws:iam::${accountId}:user${path}${name}`;
export const groupArn = (accountId: string, path: string, name: string) => `arn:aws:iam::${accountId}:group${path}${name}`;
export const instanceProfileArn = (accountId: string, path: string, name: string) => `arn:aws:iam::${accountId}:instance-profile${path}${name}`;
export const accountRootArn = (accountId: string) => `arn:aws:iam::${accountId}:root`;
export const customerPolicyArn = (accountId: string, path: string, name: string) =>
  `arn:aws:iam::${accountId}:policy${path}${name}`;
export const awsManagedPolicyArn = (path: string, name: string) => `arn:aws:iam::aws:policy${path}${name}`;

export interface PolicyArnParts {
  /** "aws" for AWS-managed policies, otherwise the 12-digit account id. */
  scope: string;
  path: string;
  name: string;
}

const POLICY_ARN = /^arn:aws:iam::(aws|\d{12}):policy(\/(?:[\x21-\x7e]*\/)?)([\w+=,.@-]+)$/;

export function parsePolicyArn(arn: string): PolicyArnParts | null {
  const m = POLICY_ARN.exec(arn);
  return m ? { scope: m[1], path: m[2], name: m[3] } : null;
}

const ROLE_ARN = /^arn:aws:iam::(\d{12}):role(\/(?:[\x21-\x7e]*\/)?)([\w+=,.@-]+)$/;

export function parseRoleArn(arn: string): { accountId: string; path: string; name: string } | null {
  const m = ROLE_ARN.exec(arn);
  return m ? { accountId: m[1], path: m[2], name: m[3] } : null;
}
