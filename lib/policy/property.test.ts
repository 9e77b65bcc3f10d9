/**
 * Property tests: whatever the text, validation never throws and every span lies inside the text with
 * line/column consistent with its offset.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { checkPolicyForIam, collectPrincipalArns, describeTrustPolicy, positionAt, validatePolicy, type PolicyKind } from "@/lib/policy";
import { loadCatalogue } from "@/lib/policy/catalogue-loader";

const kinds: PolicyKind[] = ["trust", "identity", "boundary", "session"];
const ctx = { isHeldAccount: (id: string) => id === "111111111111", principalExists: () => false, ownAccountId: "111111111111" };

const SEED = JSON.stringify({
  Version: "2012-10-17",
  Statement: [
    {
      Sid: "A1",
      Effect: "Allow",
      Principal: { AWS: ["111111111111", "arn:aws:iam::222222222222:role/x"], Service: "ec2.amazonaws.com" },
      Action: ["sts:AssumeRole", "sts:TagSession"],
      Condition: { StringEquals: { "sts:ExternalId": "abc" }, DateLessThan: { "aws:CurrentTime": "2030-01-01T00:00:00Z" } },
    },
    { Effect: "Deny", Action: "s3:*", Resource: ["arn:aws:s3:::b/*", "*"], Condition: { IpAddress: { "aws:SourceIp": "10.0.0.0/8" } } },
  ],
}, null, 2);

// Policy-shaped JSON values: the same vocabulary as real documents, arranged at random.
const keyArb = fc.constantFrom("Version", "Statement", "Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction",
  "Resource", "NotResource", "Condition", "AWS", "Service", "Federated", "StringEquals", "ForAnyValue:StringLike", "Bool",
  "DateGreaterThan", "IpAddress", "aws:SourceIp", "sts:ExternalId", "Null", "x");
const leafArb = fc.oneof(
  fc.constantFrom("2012-10-17", "Allow", "Deny", "*", "sts:AssumeRole", "s3:GetObject", "ec2.amazonaws.com", "111111111111",
    "arn:aws:iam::111111111111:role/r", "arn:aws:iam::111111111111:saml-provider/p", "accounts.google.com", "true", "10.0.0.0/8",
    "2020-01-01", "${aws:username}", "arn:aws:s3:::b", "a:b:c"),
  fc.string(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
);
const valueArb = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: "small" }, leafArb, fc.array(tie("node"), { maxLength: 4 }), fc.dictionary(keyArb, tie("node"), { maxKeys: 5 })),
})).node;

function assertSpans(text: string, kind: PolicyKind): void {
  const findings = validatePolicy(text, kind, ctx);
  for (const f of findings) {
    const { start, end } = f.span;
    expect(start.offset).toBeGreaterThanOrEqual(0);
    expect(end.offset).toBeLessThanOrEqual(text.length);
    expect(start.offset).toBeLessThanOrEqual(end.offset);
    expect(positionAt(text, start.offset)).toEqual(start);
    expect(positionAt(text, end.offset)).toEqual(end);
    expect(["ERROR", "SECURITY_WARNING", "WARNING", "SUGGESTION"]).toContain(f.severity);
  }
  const rejection = checkPolicyForIam(text, kind, ctx);
  if (rejection) expect(findings.some((f) => f.severity === "ERROR")).toBe(true);
  collectPrincipalArns(text);
  describeTrustPolicy(text);
}

beforeAll(async () => {
  await loadCatalogue();
}, 60_000);

describe("policy validation properties", () => {
  it("line/column agree with offsets on all line-break styles", () => {
    const t = "a\nb\r\nc\rd";
    expect(positionAt(t, 0)).toEqual({ line: 1, column: 1, offset: 0 });
    expect(positionAt(t, 2)).toEqual({ line: 2, column: 1, offset: 2 });
    expect(positionAt(t, 5)).toEqual({ line: 3, column: 1, offset: 5 });
    expect(positionAt(t, 7)).toEqual({ line: 4, column: 1, offset: 7 });
  });

  it("random text never throws", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 200 }), fc.constantFrom(...kinds), (t, k) => assertSpans(t, k)), { numRuns: 300 });
  });

  it("random policy-shaped JSON never throws and spans are valid", () => {
    fc.assert(
      fc.property(valueArb, fc.constantFrom(...kinds), fc.integer({ min: 0, max: 3 }), (v, k, indent) =>
        assertSpans(JSON.stringify(v, null, indent), k),
      ),
      { numRuns: 400 },
    );
  });

  it("mutations of a real trust policy never throw and spans are valid", () => {
    const mutation = fc.record({
      at: fc.nat({ max: SEED.length }),
      del: fc.nat({ max: 6 }),
      ins: fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom("{", "}", "[", "]", ",", ":", '"', "\r\n", "\r", "\u2028", "\\")),
    });
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.constantFrom(...kinds), (ms, k) => {
        let t = SEED;
        for (const m of ms) {
          const at = Math.min(m.at, t.length);
          t = t.slice(0, at) + m.ins + t.slice(at + m.del);
        }
        assertSpans(t, k);
      }),
      { numRuns: 400 },
    );
  });
});
