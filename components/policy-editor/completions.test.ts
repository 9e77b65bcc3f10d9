import { describe, expect, it } from "vitest";
import type { CatalogueData } from "@/lib/policy";
import type { PrincipalSuggestion } from "@/lib/domain/types";
import { policyContextAt } from "./completion-context";
import { conditionOperators, oidcHostsIn, policyCompletions, type CompletionData } from "./completions";

const catalogue: CatalogueData = {
  version: "test",
  services: {
    s3: {
      actions: ["GetObject", "ListBucket", "PutObject"],
      conditionKeys: { "s3:ExistingObjectTag/<key>": "String", "s3:prefix": "String", "s3:x-amz-acl": "String" },
      // GetObject: object tags; ListBucket: prefix; PutObject: object tags and ACL.
      actionKeys: [[0], [1], [0, 2]],
    },
    sts: { actions: ["AssumeRole", "AssumeRoleWithSAML", "AssumeRoleWithWebIdentity", "TagSession", "GetCallerIdentity"], conditionKeys: { "sts:ExternalId": "String" } },
  },
  globalConditionKeys: { "aws:SourceAccount": "String", "aws:RequestTag/tag-key": "String" },
};
const principals: PrincipalSuggestion[] = [
  { principalKey: "AWS", kind: "role", value: "arn:aws:iam::111111111111:role/deployer", label: "deployer", accountId: "111111111111" },
  { principalKey: "Service", kind: "service", value: "ec2.amazonaws.com", label: "Amazon EC2" },
  { principalKey: "Federated", kind: "saml-provider", value: "arn:aws:iam::111111111111:saml-provider/okta", label: "okta", accountId: "111111111111" },
];
const data = (kind: CompletionData["kind"], extra: Partial<CompletionData> = {}): CompletionData => ({ kind, catalogue, principals, oidcHosts: [], ...extra });
const labels = (s: string, d: CompletionData) => policyCompletions(policyContextAt(s.replace("|", ""), s.indexOf("|"))!, d).map((c) => c.label);

describe("policyCompletions", () => {
  it("offers the statement keys a kind allows", () => {
    expect(labels('{"Statement": [{"|"}]}', data("trust"))).toEqual(["Sid", "Effect", "Principal", "Action", "NotAction", "Condition"]);
    expect(labels('{"Statement": [{"|"}]}', data("identity"))).toContain("Resource");
    expect(labels('{"Statement": [{"|"}]}', data("identity"))).not.toContain("Principal");
    expect(labels('{"Version": "2012-10-17", "|"}', data("trust"))).toEqual(["Id", "Statement"]);
  });

  it("inserts quotes and a colon when the cursor is outside a string", () => {
    const cx = policyContextAt('{"Statement": [{Eff}]}', 19)!;
    expect(policyCompletions(cx, data("trust")).find((c) => c.label === "Effect")?.insert).toBe('"Effect": ');
  });

  it("offers only sts: actions in a trust policy", () => {
    expect(labels('{"Statement": [{"Action": "|"}]}', data("trust"))).toEqual([
      "sts:AssumeRole",
      "sts:AssumeRoleWithSAML",
      "sts:AssumeRoleWithWebIdentity",
      "sts:TagSession",
    ]);
  });

  it("offers service prefixes, then that service's actions, in identity policies", () => {
    expect(labels('{"Statement": [{"Action": ["|"]}]}', data("identity"))).toEqual(["*", "s3:", "sts:"]);
    expect(labels('{"Statement": [{"Action": ["s3:G|"]}]}', data("identity"))).toEqual(["s3:*", "s3:GetObject", "s3:ListBucket", "s3:PutObject"]);
  });

  it("offers principals from the store under the matching key", () => {
    expect(labels('{"Statement": [{"Principal": {"AWS": "|"}}]}', data("trust"))).toEqual(["arn:aws:iam::111111111111:role/deployer", "*"]);
    expect(labels('{"Statement": [{"Principal": {"Service": ["|"]}}]}', data("trust"))).toEqual(["ec2.amazonaws.com"]);
    expect(labels('{"Statement": [{"Principal": {"Federated": "|"}}]}', data("trust"))).toContain("arn:aws:iam::111111111111:saml-provider/okta");
  });

  it("offers condition operators with IfExists and set qualifiers", () => {
    const ops = labels('{"Statement": [{"Condition": {"|"}}]}', data("trust"));
    expect(ops).toEqual(expect.arrayContaining(["StringEquals", "StringEqualsIfExists", "ForAnyValue:StringLike", "ForAllValues:StringEquals", "Null"]));
    expect(ops).not.toContain("NullIfExists");
    expect(conditionOperators().length).toBe(ops.length);
  });

  it("offers global keys and the keys of the statement's services", () => {
    const keys = labels('{"Statement": [{"Action": "s3:ListBucket", "Condition": {"StringEquals": {"|"}}}]}', data("identity"));
    expect(keys).toEqual(expect.arrayContaining(["s3:prefix", "aws:SourceAccount", "aws:RequestTag/${TagKey}"]));
    expect(keys).not.toContain("sts:ExternalId");
    const trustKeys = labels('{"Statement": [{"Condition": {"StringEquals": {"|"}}}]}', data("trust", { oidcHosts: ["token.actions.githubusercontent.com"] }));
    expect(trustKeys).toEqual(expect.arrayContaining(["sts:ExternalId", "token.actions.githubusercontent.com:sub"]));
  });

  it("ranks the service keys every action of the statement carries first, and leaves out those none carry", () => {
    const offered = (actions: string) => {
      const doc = `{"Statement": [{"Action": ${actions}, "Condition": {"StringEquals": {"|"}}}]}`;
      return policyCompletions(policyContextAt(doc.replace("|", ""), doc.indexOf("|"))!, data("identity"));
    };
    const both = offered('["s3:GetObject", "s3:PutObject"]');
    expect(both.find((c) => c.label === "s3:ExistingObjectTag/<key>")?.detail).toBe("String · every action here");
    expect(both.find((c) => c.label === "s3:x-amz-acl")?.detail).toBe("String · some actions here");
    expect(both.map((c) => c.label)).not.toContain("s3:prefix");
    expect(offered('"s3:Get*"').map((c) => c.label)).toContain("s3:prefix");
  });

  it("offers Allow/Deny, the version and booleans", () => {
    expect(labels('{"Statement": [{"Effect": "|"}]}', data("trust"))).toEqual(["Allow", "Deny"]);
    expect(labels('{"Version": "|"}', data("trust"))[0]).toBe("2012-10-17");
    expect(labels('{"Statement": [{"Condition": {"Bool": {"aws:MultiFactorAuthPresent": "|"}}}]}', data("trust"))).toEqual(["true", "false"]);
  });

  it("works before the catalogue arrives", () => {
    expect(labels('{"Statement": [{"Action": "|"}]}', data("trust", { catalogue: undefined }))).toContain("sts:AssumeRoleWithWebIdentity");
    expect(labels('{"Statement": [{"Condition": {"Bool": {"|"}}}]}', data("trust", { catalogue: undefined }))).toContain("aws:MultiFactorAuthPresent");
  });

  it("finds OIDC provider hosts in a document", () => {
    expect(oidcHostsIn('"arn:aws:iam::1:oidc-provider/token.actions.githubusercontent.com"')).toEqual(["token.actions.githubusercontent.com"]);
  });
});
