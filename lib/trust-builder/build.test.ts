import { describe, expect, it } from "vitest";
import { validatePolicy } from "@/lib/policy";
import {
  buildTrustPolicy,
  createsInstanceProfile,
  defaultTrustChoice,
  generateExternalId,
  githubSubject,
  githubSubjectWarning,
  renderTrustPolicy,
  trustChoiceErrors,
  type TrustChoice,
} from "./build";
import { SERVICE_USE_CASES, searchServiceUseCases } from "./services";

const ACCOUNT = "111122223333";
const GITHUB_ARN = `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`;
const SAML_ARN = `arn:aws:iam::${ACCOUNT}:saml-provider/Okta`;

const choice = (patch: (c: TrustChoice) => void): TrustChoice => {
  const c = defaultTrustChoice();
  patch(c);
  return c;
};
const statementOf = (c: TrustChoice) => buildTrustPolicy(c, ACCOUNT)!.Statement[0];
/** The account holds the providers these tests name, as the store-aware check the console runs would see. */
const VALIDATION = { ownAccountId: ACCOUNT, isHeldAccount: (a: string) => a === ACCOUNT, principalExists: (arn: string) => [GITHUB_ARN, SAML_ARN].includes(arn) };
const errorsOf = (c: TrustChoice) => validatePolicy(renderTrustPolicy(buildTrustPolicy(c, ACCOUNT)!), "trust", VALIDATION).filter((f) => f.severity === "ERROR");

describe("AWS service", () => {
  it("trusts the service principal, guarded by aws:SourceAccount", () => {
    expect(statementOf(choice((c) => (c.service = "lambda")))).toEqual({
      Effect: "Allow",
      Principal: { Service: "lambda.amazonaws.com" },
      Action: "sts:AssumeRole",
      Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT } },
    });
  });

  it("adds aws:SourceArn for services that send one", () => {
    expect(statementOf(choice((c) => (c.service = "step-functions"))).Condition).toEqual({
      StringEquals: { "aws:SourceAccount": ACCOUNT },
      ArnLike: { "aws:SourceArn": `arn:aws:states:*:${ACCOUNT}:stateMachine:*` },
    });
  });

  it("gives EKS Pod Identity sts:TagSession too", () => {
    expect(statementOf(choice((c) => (c.service = "eks-pod-identity")))).toMatchObject({ Principal: { Service: "pods.eks.amazonaws.com" }, Action: ["sts:AssumeRole", "sts:TagSession"] });
  });

  it("marks only EC2 as needing an instance profile", () => {
    expect(SERVICE_USE_CASES.filter((s) => createsInstanceProfile(choice((c) => (c.service = s.id)))).map((s) => s.id)).toEqual(["ec2"]);
    expect(createsInstanceProfile(choice((c) => ((c.entity = "account"), (c.service = "ec2"))))).toBe(false);
  });

  it("covers the services people ask for, each with a policy IAM accepts and no service-source warning", () => {
    const principals = SERVICE_USE_CASES.map((s) => s.principal);
    for (const p of ["ec2", "lambda", "ecs-tasks", "eks", "glue", "cloudformation", "codebuild", "states", "apigateway", "sagemaker", "batch", "redshift"])
      expect(principals).toContain(`${p}.amazonaws.com`);
    for (const s of SERVICE_USE_CASES) {
      const c = choice((x) => (x.service = s.id));
      const findings = validatePolicy(renderTrustPolicy(buildTrustPolicy(c, ACCOUNT)!), "trust", VALIDATION);
      expect(findings.filter((f) => f.severity === "ERROR" || f.code === "RESTRICT_ACCESS_TO_SERVICE_PRINCIPAL"), s.id).toEqual([]);
    }
  });

  it("searches services by name, use case and principal", () => {
    expect(searchServiceUseCases("step").map((s) => s.id)).toEqual(["step-functions"]);
    expect(searchServiceUseCases("EKS pod").map((s) => s.id)).toEqual(["eks-pod-identity"]);
    expect(searchServiceUseCases("states.amazonaws").map((s) => s.id)).toEqual(["step-functions"]);
    expect(searchServiceUseCases("")).toHaveLength(SERVICE_USE_CASES.length);
    expect(searchServiceUseCases("no such service")).toEqual([]);
  });

  it("refuses an unknown service", () => {
    expect(trustChoiceErrors(choice((c) => (c.service = "nope")))).toEqual({ service: "Choose a service and use case." });
  });
});

describe("AWS account", () => {
  it("trusts this account's root by default, with no conditions", () => {
    expect(statementOf(choice((c) => (c.entity = "account")))).toEqual({ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: "sts:AssumeRole" });
  });

  it("trusts another account with an external ID and MFA", () => {
    const c = choice((x) => {
      x.entity = "account";
      x.account = { which: "other", accountId: " 444455556666 ", requireExternalId: true, externalId: "vendor-7f3a", requireMfa: true };
    });
    expect(statementOf(c)).toEqual({
      Effect: "Allow",
      Principal: { AWS: "arn:aws:iam::444455556666:root" },
      Action: "sts:AssumeRole",
      Condition: { StringEquals: { "sts:ExternalId": "vendor-7f3a" }, Bool: { "aws:MultiFactorAuthPresent": "true" } },
    });
    expect(trustChoiceErrors(c)).toEqual({});
    expect(errorsOf(c)).toEqual([]);
  });

  it("validates the account ID and the external ID", () => {
    const c = choice((x) => {
      x.entity = "account";
      x.account = { which: "other", accountId: "12345", requireExternalId: true, externalId: "", requireMfa: false };
    });
    expect(trustChoiceErrors(c)).toEqual({ accountId: "An account ID is 12 digits, e.g. 123456789012.", externalId: "Enter the external ID, or generate one." });
    expect(statementOf(c)).toMatchObject({ Principal: { AWS: "arn:aws:iam::12345:root" }, Condition: { StringEquals: { "sts:ExternalId": "<EXTERNAL-ID>" } } });
    c.account.externalId = "has space";
    expect(trustChoiceErrors(c).externalId).toMatch(/^External ID: must satisfy regular expression pattern/);
    c.account.externalId = "x";
    expect(trustChoiceErrors(c).externalId).toMatch(/length greater than or equal to 2/);
  });

  it("generates external IDs AssumeRole accepts, different each time", () => {
    const [a, b] = [generateExternalId(), generateExternalId()];
    expect(a).not.toBe(b);
    expect(trustChoiceErrors(choice((x) => ((x.entity = "account"), (x.account.requireExternalId = true), (x.account.externalId = a))))).toEqual({});
  });
});

describe("Web identity", () => {
  it("trusts a public provider by host with its audience key", () => {
    const google = choice((x) => ((x.entity = "web-identity"), (x.webIdentity.provider = "google"), (x.webIdentity.audience = "123.apps.googleusercontent.com")));
    expect(statementOf(google)).toEqual({
      Effect: "Allow",
      Principal: { Federated: "accounts.google.com" },
      Action: "sts:AssumeRoleWithWebIdentity",
      Condition: { StringEquals: { "accounts.google.com:aud": "123.apps.googleusercontent.com" } },
    });
    const facebook = choice((x) => ((x.entity = "web-identity"), (x.webIdentity.provider = "facebook"), (x.webIdentity.audience = "42")));
    expect(statementOf(facebook).Condition).toEqual({ StringEquals: { "graph.facebook.com:app_id": "42" } });
  });

  it("narrows to one user with the provider's subject key: sub for OIDC, id for Facebook, user_id for Login with Amazon", () => {
    const oidc = "arn:aws:iam::123456789012:oidc-provider/idp.example.com/tenant";
    const registered = choice((x) => ((x.entity = "web-identity"), (x.webIdentity.provider = oidc), (x.webIdentity.audience = "app"), (x.webIdentity.subject = " alice ")));
    expect(statementOf(registered).Condition).toEqual({ StringEquals: { "idp.example.com/tenant:aud": "app", "idp.example.com/tenant:sub": "alice" } });
    const facebook = choice((x) => ((x.entity = "web-identity"), (x.webIdentity.provider = "facebook"), (x.webIdentity.audience = "42"), (x.webIdentity.subject = "1001")));
    expect(statementOf(facebook).Condition).toEqual({ StringEquals: { "graph.facebook.com:app_id": "42", "graph.facebook.com:id": "1001" } });
    const amazon = choice((x) => ((x.entity = "web-identity"), (x.webIdentity.provider = "amazon"), (x.webIdentity.audience = "amzn1.app"), (x.webIdentity.subject = "amzn1.account.X")));
    expect(statementOf(amazon).Condition).toEqual({ StringEquals: { "www.amazon.com:app_id": "amzn1.app", "www.amazon.com:user_id": "amzn1.account.X" } });
  });

  it("trusts only authenticated Cognito identities of one pool", () => {
    const pool = "us-east-1:0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    const c = choice((x) => ((x.entity = "web-identity"), (x.webIdentity.provider = "cognito"), (x.webIdentity.audience = ` ${pool} `)));
    expect(statementOf(c)).toEqual({
      Effect: "Allow",
      Principal: { Federated: "cognito-identity.amazonaws.com" },
      Action: "sts:AssumeRoleWithWebIdentity",
      Condition: {
        StringEquals: { "cognito-identity.amazonaws.com:aud": pool },
        "ForAnyValue:StringLike": { "cognito-identity.amazonaws.com:amr": "authenticated" },
      },
    });
    expect(trustChoiceErrors(c)).toEqual({});
    expect(errorsOf(c)).toEqual([]);
  });

  it("takes an identity pool ID only as <region>:<uuid>", () => {
    const cognito = (audience: string) => trustChoiceErrors(choice((x) => ((x.entity = "web-identity"), (x.webIdentity.provider = "cognito"), (x.webIdentity.audience = audience))));
    for (const ok of ["us-east-1:0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "ap-southeast-2:00000000-0000-0000-0000-000000000000", "us-gov-west-1:0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"]) {
      expect(cognito(ok), ok).toEqual({});
    }
    expect(cognito("")).toEqual({ audience: "Enter the identity pool ID." });
    for (const bad of ["0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "us-east-1:0000-pool", "us-east-1:0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D", "useast1:0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "us-east-1:0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d:x"]) {
      expect(cognito(bad).audience, bad).toMatch(/^An identity pool ID is <region>:<uuid>/);
    }
  });

  it("builds GitHub's sub from organization, repository and branch", () => {
    const c = choice((x) => {
      x.entity = "web-identity";
      x.webIdentity = { provider: GITHUB_ARN, audience: "sts.amazonaws.com", subject: "", githubOrg: "acme", githubRepo: "infra", githubBranch: "main" };
    });
    expect(statementOf(c)).toEqual({
      Effect: "Allow",
      Principal: { Federated: GITHUB_ARN },
      Action: "sts:AssumeRoleWithWebIdentity",
      Condition: {
        StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" },
        StringLike: { "token.actions.githubusercontent.com:sub": "repo:acme/infra:ref:refs/heads/main" },
      },
    });
    expect(githubSubjectWarning(c.webIdentity)).toBeNull();
    expect(errorsOf(c)).toEqual([]);
  });

  it("warns when GitHub's sub is missing or broad", () => {
    const w = { provider: GITHUB_ARN, audience: "sts.amazonaws.com", subject: "", githubOrg: "", githubRepo: "", githubBranch: "" };
    expect(githubSubjectWarning(w)).toMatch(/any GitHub repository/);
    expect(trustChoiceErrors(choice((x) => ((x.entity = "web-identity"), (x.webIdentity = w)))).githubOrg).toBeDefined();
    expect(githubSubjectWarning({ ...w, githubOrg: "acme" })).toMatch(/Every repository of acme/);
    expect(githubSubject({ ...w, githubOrg: "acme" })).toBe("repo:acme/*:*");
    expect(githubSubjectWarning({ ...w, githubOrg: "acme", githubRepo: "infra" })).toMatch(/Every branch/);
    expect(githubSubject({ ...w, githubOrg: "acme", githubRepo: "infra" })).toBe("repo:acme/infra:*");
    expect(githubSubjectWarning({ ...w, provider: "google" })).toBeNull();
  });

  it("asks for a provider and an audience, and marks them missing in the policy", () => {
    const c = choice((x) => (x.entity = "web-identity"));
    expect(trustChoiceErrors(c)).toEqual({ provider: "Choose an identity provider.", audience: "Enter the audience the provider puts in its tokens." });
    expect(statementOf(c)).toMatchObject({ Principal: { Federated: "<PROVIDER>" }, Condition: { StringEquals: { "<PROVIDER>:aud": "<AUDIENCE>" } } });
    expect(errorsOf(c).length).toBeGreaterThan(0);
  });
});

describe("SAML 2.0 federation", () => {
  it("adds SAML:aud for console access", () => {
    const c = choice((x) => ((x.entity = "saml"), (x.saml.providerArn = SAML_ARN), (x.saml.access = "console")));
    expect(statementOf(c)).toEqual({
      Effect: "Allow",
      Principal: { Federated: SAML_ARN },
      Action: "sts:AssumeRoleWithSAML",
      Condition: { StringEquals: { "SAML:aud": "https://signin.aws.amazon.com/saml" } },
    });
    expect(errorsOf(c)).toEqual([]);
  });

  it("tests the chosen attribute for programmatic access only", () => {
    const c = choice((x) => {
      x.entity = "saml";
      x.saml = { providerArn: SAML_ARN, access: "programmatic", attribute: "SAML:sub_type", value: "persistent" };
    });
    expect(statementOf(c).Condition).toEqual({ StringEquals: { "SAML:sub_type": "persistent" } });
    expect(trustChoiceErrors({ ...c, saml: { ...c.saml, value: " ", providerArn: "" } })).toEqual({ samlProvider: "Choose a SAML provider.", samlValue: "Enter the value the attribute must have." });
  });
});

it("builds nothing for a custom trust policy", () => {
  expect(buildTrustPolicy(choice((x) => (x.entity = "custom")), ACCOUNT)).toBeNull();
  expect(trustChoiceErrors(choice((x) => (x.entity = "custom")))).toEqual({});
});
