/**
 * The fast path (`decideRequest`) and the explained path (`evaluateRequest`) always agree: over generated
 * policies of every type and generated requests, both reach the same decision and name the same policy type.
 * The case files in ./cases/evaluate check the same agreement on AWS's documented examples.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decideRequest, evaluateRequest, LruCache, PolicyCache, type ContextValue, type EvaluationRequest, type PolicySet, type RequestPrincipal } from "@/lib/policy";
import { compilePolicy } from "./compile";

const ACCOUNTS = ["111111111111", "222222222222"];
const actions = ["sts:AssumeRole", "sts:TagSession", "s3:GetObject", "s3:PutObject", "iam:CreateRole", "iam:ListRoles", "ec2:DescribeInstances"];
const resources = [
  "*",
  "arn:aws:iam::111111111111:role/app",
  "arn:aws:iam::222222222222:role/ops/deploy",
  "arn:aws:s3:::bucket/key.txt",
  "arn:aws:s3:::bucket/home/alice/x",
  "arn:aws:s3:::other/x",
];
const principals: RequestPrincipal[] = [
  { arn: "arn:aws:iam::111111111111:user/alice", accountId: "111111111111", type: "user", id: "AIDAALICE00000000000" },
  { arn: "arn:aws:iam::222222222222:user/bob", accountId: "222222222222", type: "user", id: "AIDABOB0000000000000" },
  { arn: "arn:aws:sts::111111111111:assumed-role/app/s1", accountId: "111111111111", type: "assumed-role", id: "AROAAPP0000000000000", roleArn: "arn:aws:iam::111111111111:role/app" },
  { arn: "arn:aws:iam::111111111111:root", accountId: "111111111111", type: "root" },
  { arn: "arn:aws:sts::111111111111:federated-user/fed", accountId: "111111111111", type: "federated-user" },
  { arn: "ec2.amazonaws.com", accountId: "", type: "service" },
  { arn: "arn:aws:iam::111111111111:oidc-provider/token.example.com", accountId: "", type: "federated" },
];

const actionPattern = fc.constantFrom("*", "sts:*", "sts:Assume*", "s3:Get*", "s3:?etObject", "S3:GETOBJECT", "iam:*Role*", ...actions);
const resourcePattern = fc.constantFrom(
  "*",
  "arn:aws:s3:::bucket/*",
  "arn:aws:s3:::bucket/home/${aws:username}/*",
  "arn:aws:iam::*:role/*",
  "arn:aws:iam::111111111111:role/app",
  "arn:aws:*:*:222222222222:*",
  "arn:aws:s3:::*/x",
  ...resources,
);
const principalEntry = fc.oneof(
  fc.constant("*"),
  fc.record({ AWS: fc.constantFrom("*", "111111111111", "arn:aws:iam::222222222222:root", "arn:aws:iam::111111111111:user/alice", "arn:aws:iam::111111111111:role/app", "AIDAALICE00000000000") }),
  fc.record({ Service: fc.constantFrom("ec2.amazonaws.com", "lambda.amazonaws.com") }),
  fc.record({ Federated: fc.constant("arn:aws:iam::111111111111:oidc-provider/token.example.com") }),
);
const condition = fc.dictionary(
  fc.constantFrom("StringEquals", "StringNotEquals", "StringLike", "ForAnyValue:StringEquals", "ForAllValues:StringLike", "Bool", "BoolIfExists", "NumericLessThan", "DateGreaterThan", "IpAddress", "ArnLike", "Null", "StringEqualsIgnoreCase", "Nonsense"),
  fc.dictionary(
    fc.constantFrom("sts:ExternalId", "aws:MultiFactorAuthPresent", "aws:MultiFactorAuthAge", "aws:username", "aws:TagKeys", "aws:SourceIp", "aws:PrincipalArn", "aws:CurrentTime"),
    fc.oneof(fc.constantFrom("abc", "true", "false", "3600", "10.0.0.0/8", "2020-01-01T00:00:00Z", "arn:aws:iam::*:user/*", "${aws:username}", "a*"), fc.array(fc.constantFrom("abc", "x", "team"), { maxLength: 3 })),
    { maxKeys: 2 },
  ),
  { maxKeys: 2 },
);

const statement = (resourcePolicy: boolean) =>
  fc.record(
    {
      Effect: fc.constantFrom("Allow", "Allow", "Deny", "Maybe"),
      [resourcePolicy ? "Principal" : "Sid"]: resourcePolicy ? principalEntry : fc.constant("S"),
      Action: fc.oneof(actionPattern, fc.array(actionPattern, { maxLength: 3 })),
      NotAction: actionPattern,
      Resource: fc.oneof(resourcePattern, fc.array(resourcePattern, { maxLength: 3 })),
      NotResource: resourcePattern,
      Condition: condition,
    },
    { requiredKeys: ["Effect"] },
  );
const policy = (resourcePolicy: boolean) =>
  fc.record({ Version: fc.constantFrom("2012-10-17", "2012-10-17", "2008-10-17"), Statement: fc.array(statement(resourcePolicy), { maxLength: 3 }) });

const policySet: fc.Arbitrary<PolicySet> = fc.record(
  {
    identity: fc.array(policy(false).map((document) => ({ name: "inline", document })), { maxLength: 2 }),
    boundary: policy(false).map((document) => ({ arn: "arn:aws:iam::111111111111:policy/b", document })),
    session: fc.array(policy(false).map((document) => ({ document })), { maxLength: 1 }),
    resource: fc.record({
      document: policy(true),
      ownerAccountId: fc.constantFrom(...ACCOUNTS),
      kind: fc.constantFrom("resource" as const, "trust" as const),
    }),
  },
  { requiredKeys: ["identity"] },
);

const contextValue: fc.Arbitrary<ContextValue> = fc.oneof(fc.constantFrom("abc", "alice", "10.1.2.3", "2021-01-01T00:00:00Z", "120"), fc.boolean(), fc.array(fc.constantFrom("abc", "team"), { maxLength: 2 }));
const request: fc.Arbitrary<EvaluationRequest> = fc.record({
  action: fc.constantFrom(...actions),
  resource: fc.constantFrom(...resources),
  principal: fc.constantFrom(...principals),
  context: fc.dictionary(fc.constantFrom("sts:ExternalId", "aws:MultiFactorAuthPresent", "aws:MultiFactorAuthAge", "aws:username", "aws:TagKeys", "aws:SourceIp", "aws:CurrentTime"), contextValue, { maxKeys: 4 }),
});

const fastOf = (r: EvaluationRequest, p: PolicySet) => {
  const d = evaluateRequest(r, p);
  return d.decision === "Allowed" ? { decision: "Allowed" } : { decision: d.decision, deniedBy: d.deniedBy };
};

describe("decideRequest", () => {
  it("always agrees with evaluateRequest on the decision and the deciding policy type", () => {
    const cache = new PolicyCache<ReturnType<typeof compilePolicy>>(16);
    fc.assert(
      fc.property(request, policySet, fc.boolean(), (r, p, asText) => {
        const docs: PolicySet = asText
          ? {
              identity: p.identity.map((i) => ({ ...i, document: JSON.stringify(i.document) })),
              boundary: p.boundary && { ...p.boundary, document: JSON.stringify(p.boundary.document) },
              session: p.session?.map((s) => ({ ...s, document: JSON.stringify(s.document) })),
              resource: p.resource && { ...p.resource, document: JSON.stringify(p.resource.document) },
            }
          : p;
        expect(decideRequest(r, docs, { cache })).toEqual(fastOf(r, docs));
      }),
      { numRuns: 3000 },
    );
  });

  it("treats unreadable documents as holding no statements, as the explained path does", () => {
    const r: EvaluationRequest = { action: "s3:GetObject", resource: "*", principal: principals[0] };
    for (const document of ["{not json", "[]", '"text"']) {
      const p: PolicySet = { identity: [{ name: "bad", document }] };
      expect(decideRequest(r, p)).toEqual({ decision: "ImplicitlyDenied", deniedBy: "identity" });
      expect(decideRequest(r, p)).toEqual(fastOf(r, p));
    }
  });
});

describe("policy caches", () => {
  it("compile each document once and stay within their bound", () => {
    const cache = new PolicyCache<ReturnType<typeof compilePolicy>>(2);
    let compiled = 0;
    const compile = (t: string) => (compiled++, compilePolicy(t));
    const doc = (i: number) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: `S${i}`, Effect: "Allow", Action: "*", Resource: "*" }] });
    cache.get(doc(1), compile);
    cache.get(doc(1), compile);
    expect(compiled).toBe(1);
    cache.get(doc(2), compile);
    cache.get(doc(1), compile);
    cache.get(doc(3), compile);
    expect(cache.size).toBe(2);
    // doc(2) was used longest ago, so it left; doc(1) stayed.
    cache.get(doc(1), compile);
    expect(compiled).toBe(3);
    cache.get(doc(2), compile);
    expect(compiled).toBe(4);
  });

  it("LruCache refuses a capacity below one", () => {
    expect(() => new LruCache(0)).toThrow(RangeError);
  });
});
