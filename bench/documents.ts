/** Policy documents of a chosen size for the validation and editor benchmarks. */

/** A small cross-account trust policy with an external ID and MFA (375 B). */
export const smallTrustPolicy = JSON.stringify(
  {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { AWS: "arn:aws:iam::222222222222:root" },
        Action: "sts:AssumeRole",
        Condition: { StringEquals: { "sts:ExternalId": "abc" }, Bool: { "aws:MultiFactorAuthPresent": "true" } },
      },
    ],
  },
  null,
  2,
);

/** Grows a document statement by statement until it reaches `targetBytes`. */
function grow(targetBytes: number, statement: (i: number) => object): string {
  const statements: object[] = [];
  const text = () => JSON.stringify({ Version: "2012-10-17", Statement: statements }, null, 2);
  for (let i = 0; text().length < targetBytes; i++) statements.push(statement(i));
  return text();
}

/** An identity policy of S3, DynamoDB and EC2 statements with conditions. */
export function identityPolicy(targetBytes: number): string {
  return grow(targetBytes, (i) => ({
    Sid: `S${i}`,
    Effect: i % 5 === 0 ? "Deny" : "Allow",
    Action: ["s3:GetObject", "s3:PutObject", "dynamodb:Query", "ec2:Describe*"],
    Resource: [`arn:aws:s3:::bucket-${i}/*`, `arn:aws:dynamodb:us-east-1:111111111111:table/t${i}`],
    Condition: { StringEquals: { "aws:ResourceTag/Team": "core" }, IpAddress: { "aws:SourceIp": "203.0.113.0/24" } },
  }));
}

/** A trust policy mixing cross-account roles (with external ID), a service and an OIDC provider. */
export function trustPolicy(targetBytes: number): string {
  return grow(targetBytes, (i) =>
    i % 3 === 2
      ? {
          Sid: `T${i}`,
          Effect: "Allow",
          Principal: { Federated: "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com" },
          Action: "sts:AssumeRoleWithWebIdentity",
          Condition: {
            StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" },
            StringLike: { "token.actions.githubusercontent.com:sub": `repo:example/app-${i}:ref:refs/heads/main` },
          },
        }
      : {
          Sid: `T${i}`,
          Effect: "Allow",
          Principal: i % 3 === 0 ? { AWS: `arn:aws:iam::222222222222:role/deployer-${i}` } : { Service: "lambda.amazonaws.com" },
          Action: "sts:AssumeRole",
          Condition: i % 3 === 0 ? { StringEquals: { "sts:ExternalId": `ext-${i}` } } : { StringEquals: { "aws:SourceAccount": "111111111111" } },
        },
  );
}
