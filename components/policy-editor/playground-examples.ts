import type { PolicyKind } from "@/lib/policy";

/** Starting points for the playground, per kind: a sound one first, then one with typical mistakes. */
export interface PlaygroundExample {
  id: string;
  label: string;
  kind: PolicyKind;
  document: (accountId: string) => object;
}

const doc = (...Statement: object[]) => ({ Version: "2012-10-17", Statement });

export const PLAYGROUND_EXAMPLES: PlaygroundExample[] = [
  {
    id: "trust-ec2",
    label: "EC2 instances, scoped to this account",
    kind: "trust",
    document: (acct) =>
      doc({ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole", Condition: { StringEquals: { "aws:SourceAccount": acct } } }),
  },
  {
    id: "trust-third-party",
    label: "Third party with an external ID",
    kind: "trust",
    document: () =>
      doc({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::222222222222:root" }, Action: "sts:AssumeRole", Condition: { StringEquals: { "sts:ExternalId": "vendor-7f3a" } } }),
  },
  {
    id: "trust-github",
    label: "GitHub Actions through OIDC",
    kind: "trust",
    document: (acct) =>
      doc({
        Effect: "Allow",
        Principal: { Federated: `arn:aws:iam::${acct}:oidc-provider/token.actions.githubusercontent.com` },
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: {
          StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" },
          StringLike: { "token.actions.githubusercontent.com:sub": "repo:example-org/example-repo:ref:refs/heads/main" },
        },
      }),
  },
  {
    id: "trust-mistakes",
    label: "A trust policy with mistakes",
    kind: "trust",
    document: (acct) =>
      doc(
        { Sid: "Deploy", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${acct}:role/deployer-that-does-not-exist` }, Action: "sts:AssumeRol" },
        { Sid: "Deploy", Effect: "Allow", Principal: { AWS: "*" }, Action: "sts:AssumeRole", Resource: "*" },
      ),
  },
  {
    id: "identity-s3-read",
    label: "Read one S3 bucket",
    kind: "identity",
    document: () =>
      doc({ Sid: "ReadReports", Effect: "Allow", Action: ["s3:GetObject", "s3:ListBucket"], Resource: ["arn:aws:s3:::reports", "arn:aws:s3:::reports/*"] }),
  },
  {
    id: "identity-mistakes",
    label: "A permissions policy with mistakes",
    kind: "identity",
    document: () =>
      doc(
        { Effect: "Allow", Action: ["s3:GetObjekt", "ec2:DescribeInstances"], Resource: "*", Condition: { StringEqual: { "aws:RequestedRegion": "eu-west-1" } } },
        // s3:prefix is set by ListBucket only: for GetObject the condition is never evaluated.
        {
          Sid: "HomeFolder",
          Effect: "Allow",
          Action: ["s3:ListBucket", "s3:GetObject"],
          Resource: ["arn:aws:s3:::reports", "arn:aws:s3:::reports/*"],
          Condition: { StringLike: { "s3:prefix": "home/${aws:username}/*" } },
        },
      ),
  },
  {
    id: "boundary-data",
    label: "Boundary: S3 and DynamoDB only",
    kind: "boundary",
    document: () => doc({ Effect: "Allow", Action: ["s3:*", "dynamodb:*"], Resource: "*" }, { Effect: "Deny", Action: "iam:*", Resource: "*" }),
  },
  {
    id: "session-read-only",
    label: "Session: read-only S3",
    kind: "session",
    document: () => doc({ Effect: "Allow", Action: ["s3:Get*", "s3:List*"], Resource: "*" }),
  },
];

export const examplesFor = (kind: PolicyKind) => PLAYGROUND_EXAMPLES.filter((e) => e.kind === kind);
export const exampleText = (e: PlaygroundExample, accountId: string) => JSON.stringify(e.document(accountId), null, 2);
