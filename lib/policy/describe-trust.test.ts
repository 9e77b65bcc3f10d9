import { describe, expect, it } from "vitest";
import { describeTrustPolicy } from "@/lib/policy";

const trust = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });

describe("describeTrustPolicy", () => {
  it("describes a third-party account with external ID and MFA", () => {
    const t = trust({
      Effect: "Allow",
      Principal: { AWS: "222222222222" },
      Action: "sts:AssumeRole",
      Condition: { StringEquals: { "sts:ExternalId": "abc" }, Bool: { "aws:MultiFactorAuthPresent": "true" } },
    });
    expect(describeTrustPolicy(t)).toEqual([
      'Users and roles in account 222222222222 can assume this role if they supply external ID "abc" and signed in with MFA.',
    ]);
  });

  it("describes a service principal", () => {
    const t = trust({ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" });
    expect(describeTrustPolicy(t)).toEqual(["The EC2 service (ec2.amazonaws.com) can assume this role."]);
  });

  it("describes a GitHub OIDC trust", () => {
    const t = trust({
      Effect: "Allow",
      Principal: { Federated: "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com" },
      Action: "sts:AssumeRoleWithWebIdentity",
      Condition: {
        StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" },
        StringLike: { "token.actions.githubusercontent.com:sub": "repo:org/repo:*" },
      },
    });
    expect(describeTrustPolicy(t)).toEqual([
      "Identities from the OIDC provider token.actions.githubusercontent.com can assume this role with a web identity token when aud is sts.amazonaws.com and sub matches repo:org/repo:*.",
    ]);
  });

  it("describes SAML, named roles, session tags and denials", () => {
    const t = trust(
      {
        Effect: "Allow",
        Principal: { Federated: "arn:aws:iam::111111111111:saml-provider/Okta" },
        Action: ["sts:AssumeRoleWithSAML", "sts:TagSession"],
        Condition: { StringEquals: { "SAML:aud": "https://signin.aws.amazon.com/saml" } },
      },
      { Effect: "Deny", Principal: { AWS: "arn:aws:iam::111111111111:role/ci/Builder" }, Action: "sts:AssumeRole" },
    );
    expect(describeTrustPolicy(t)).toEqual([
      "Users signed in through the SAML provider Okta (account 111111111111) can assume this role with a SAML assertion when aud is https://signin.aws.amazon.com/saml.",
      "They may also pass session tags when assuming it.",
      "The IAM role Builder in account 111111111111 cannot assume this role.",
    ]);
  });

  it("never throws on garbage", () => {
    expect(describeTrustPolicy("{oops")).toEqual(["This document is not a readable trust policy."]);
    expect(describeTrustPolicy('{"Statement":[]}')).toEqual(["Nobody can assume this role: no statement names a principal."]);
  });
});
