/**
 * Starting points for the trust policy, one per scenario in the AWS IAM User Guide ("Creating IAM roles").
 * Placeholders in angle brackets are for the user to replace; the server validates whatever is saved.
 */
export interface TrustTemplate {
  id: string;
  label: string;
  description: string;
  document: (accountId: string) => object;
}

const assume = (Principal: object, extra: object = {}) => ({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal, Action: "sts:AssumeRole", ...extra }],
});

export const TRUST_TEMPLATES: TrustTemplate[] = [
  { id: "ec2", label: "EC2 instances", description: "Applications on EC2 instances call AWS with this role.", document: () => assume({ Service: "ec2.amazonaws.com" }) },
  { id: "lambda", label: "Lambda function", description: "A Lambda function runs with this role.", document: () => assume({ Service: "lambda.amazonaws.com" }) },
  { id: "ecs-task", label: "ECS task", description: "Containers in an ECS task call AWS with this role.", document: () => assume({ Service: "ecs-tasks.amazonaws.com" }) },
  {
    id: "this-account",
    label: "This account",
    description: "Users and roles in this account whose own policies allow sts:AssumeRole on this role.",
    document: (acct) => assume({ AWS: `arn:aws:iam::${acct}:root` }),
  },
  {
    id: "other-account-mfa",
    label: "Another account (MFA)",
    description: "Principals of another account, only when they signed in with MFA.",
    document: () => assume({ AWS: "arn:aws:iam::222222222222:root" }, { Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } }),
  },
  {
    id: "third-party",
    label: "Third party (external ID)",
    description: "A vendor's account, with the external ID they gave you to prevent the confused-deputy problem.",
    document: () => assume({ AWS: "arn:aws:iam::<THIRD-PARTY-ACCOUNT-ID>:root" }, { Condition: { StringEquals: { "sts:ExternalId": "<EXTERNAL-ID>" } } }),
  },
  {
    id: "github-oidc",
    label: "GitHub Actions (OIDC)",
    description: "Workflows of one repository, through the account's token.actions.githubusercontent.com provider.",
    document: (acct) => ({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: { Federated: `arn:aws:iam::${acct}:oidc-provider/token.actions.githubusercontent.com` },
          Action: "sts:AssumeRoleWithWebIdentity",
          Condition: {
            StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" },
            StringLike: { "token.actions.githubusercontent.com:sub": "repo:<OWNER>/<REPO>:*" },
          },
        },
      ],
    }),
  },
  {
    id: "saml",
    label: "SAML 2.0 federation",
    description: "Users of your identity provider, through the account's SAML provider.",
    document: (acct) => ({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: { Federated: `arn:aws:iam::${acct}:saml-provider/<PROVIDER-NAME>` },
          Action: "sts:AssumeRoleWithSAML",
          Condition: { StringEquals: { "SAML:aud": "https://signin.aws.amazon.com/saml" } },
        },
      ],
    }),
  },
];

export const renderTemplate = (t: TrustTemplate, accountId: string) => JSON.stringify(t.document(accountId), null, 2);
