import { randomInt } from "node:crypto";

/**
 * A small account as `aws iam get-account-authorization-details` prints it, with a fresh account id and fresh unique
 * ids each call, so tests can import it into a shared store: alice may assume `deploy` with MFA, `deploy` may assume
 * `admin`, `admin` may assume `audit`; one customer managed policy; one group.
 */
export function smallAccountFile() {
  const account = String(randomInt(100_000_000_000, 999_999_999_999));
  const unique = (prefix: string) => `${prefix}${Array.from({ length: 17 }, () => "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"[randomInt(32)]).join("")}`;
  const doc = (...Statement: object[]) => ({ Version: "2012-10-17", Statement });
  const assumeAny = doc({ Effect: "Allow", Action: "sts:AssumeRole", Resource: "*" });
  const created = "2024-02-03T04:05:06Z";
  const arn = (kind: string, name: string) => `arn:aws:iam::${account}:${kind}/${name}`;
  const role = (name: string, Principal: object, extra: object = {}) => ({
    Path: "/",
    RoleName: name,
    RoleId: unique("AROA"),
    Arn: arn("role", name),
    CreateDate: created,
    AssumeRolePolicyDocument: doc({ Effect: "Allow", Principal, Action: "sts:AssumeRole", ...extra }),
    RolePolicyList: [{ PolicyName: "assume", PolicyDocument: assumeAny }],
    AttachedManagedPolicies: [],
    InstanceProfileList: [],
    Tags: [],
  });
  return {
    account,
    file: {
      UserDetailList: [
        {
          Path: "/",
          UserName: "alice",
          UserId: unique("AIDA"),
          Arn: arn("user", "alice"),
          CreateDate: created,
          UserPolicyList: [{ PolicyName: "assume", PolicyDocument: assumeAny }],
          GroupList: ["ops"],
          AttachedManagedPolicies: [],
          Tags: [],
        },
      ],
      GroupDetailList: [{ Path: "/", GroupName: "ops", GroupId: unique("AGPA"), Arn: arn("group", "ops"), CreateDate: created, GroupPolicyList: [], AttachedManagedPolicies: [{ PolicyName: "read", PolicyArn: arn("policy", "read") }] }],
      RoleDetailList: [
        role("deploy", { AWS: arn("user", "alice") }, { Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } }),
        role("admin", { AWS: arn("role", "deploy") }),
        role("audit", { AWS: arn("role", "admin") }),
      ],
      Policies: [
        {
          PolicyName: "read",
          PolicyId: unique("ANPA"),
          Arn: arn("policy", "read"),
          Path: "/",
          DefaultVersionId: "v1",
          AttachmentCount: 1,
          IsAttachable: true,
          CreateDate: created,
          UpdateDate: created,
          PolicyVersionList: [{ Document: doc({ Effect: "Allow", Action: "iam:Get*", Resource: "*" }), VersionId: "v1", IsDefaultVersion: true, CreateDate: created }],
        },
      ],
    },
  };
}
