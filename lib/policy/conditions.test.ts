import { describe, expect, it } from "vitest";
import { evaluateCondition, toEpochMillis } from "./conditions";
import type { ContextValue } from "./evaluate-types";
import { arnMatch, actionMatches, resolveVariables, wildcardMatch } from "./evaluate-patterns";

type Row = [operator: string, policy: string | string[], request: ContextValue | undefined, expected: boolean];

/** One key, `k:x`, compared under each operator; `undefined` leaves the key out of the request. */
const run = ([op, policy, request]: Row) => evaluateCondition(op, "k:x", policy, request === undefined ? {} : { "k:x": request });

describe("string operators", () => {
  it.each<Row>([
    ["StringEquals", "a", "a", true],
    ["StringEquals", "a", "A", false],
    ["StringEquals", "a*", "ab", false],
    ["StringNotEquals", "a", "b", true],
    ["StringNotEquals", ["a", "b"], "b", false],
    ["StringEqualsIgnoreCase", "Hello", "hELLO", true],
    ["StringNotEqualsIgnoreCase", "Hello", "hELLO", false],
    ["StringLike", "a*c", "abbbc", true],
    ["StringLike", "a?c", "abbc", false],
    ["StringLike", "A*", "abc", false],
    ["StringLike", "*", "", true],
    ["StringNotLike", ["x*", "y*"], "zed", true],
    ["StringNotLike", ["x*", "y*"], "yes", false],
  ])("%s %j vs %j → %s", (...row) => expect(run(row).passed).toBe(row[3]));
});

describe("numeric, date, bool, binary, ip and arn operators", () => {
  it.each<Row>([
    ["NumericEquals", "10", 10, true],
    ["NumericEquals", "10", "10.0", true],
    ["NumericNotEquals", "10", 11, true],
    ["NumericLessThan", "10", 9.5, true],
    ["NumericLessThan", "10", 10, false],
    ["NumericLessThanEquals", "10", 10, true],
    ["NumericGreaterThan", "10", "-1", false],
    ["NumericGreaterThanEquals", "-1", "-1", true],
    ["NumericEquals", "ten", "10", false],
    ["DateEquals", "2024-01-01T00:00:00Z", "2024-01-01T00:00:00.000Z", true],
    ["DateEquals", "1704067200", "2024-01-01T00:00:00Z", true],
    ["DateNotEquals", "2024-01-01", "2024-01-02", true],
    ["DateLessThan", "2024-01-01T00:00:00Z", "2023-12-31T23:59:59Z", true],
    ["DateLessThanEquals", "2024-01-01T00:00:00Z", "2024-01-01T00:00:00Z", true],
    ["DateGreaterThan", "2024-01-01T00:00:00+02:00", "2023-12-31T23:00:00Z", true],
    ["DateGreaterThanEquals", "2024-01-01T00:00:00Z", "not a date", false],
    ["Bool", "true", true, true],
    ["Bool", "true", "TRUE", true],
    ["Bool", "false", true, false],
    ["Bool", "yes", "yes", false],
    ["BinaryEquals", "QmluYXJ5", "QmluYXJ5", true],
    ["BinaryEquals", "QmluYXJ5", "QmluYXJ6", false],
    ["IpAddress", "10.0.0.0/8", "10.200.3.4", true],
    ["IpAddress", "10.0.0.0/8", "11.0.0.1", false],
    ["IpAddress", "203.0.113.5", "203.0.113.5", true],
    ["IpAddress", "2001:db8::/32", "2001:DB8:ffff::1", true],
    ["IpAddress", "2001:db8::/32", "10.0.0.1", false],
    ["IpAddress", "0.0.0.0/0", "2001:db8::1", false],
    ["NotIpAddress", ["10.0.0.0/8", "192.168.0.0/16"], "192.168.1.1", false],
    ["NotIpAddress", ["10.0.0.0/8", "192.168.0.0/16"], "172.16.0.1", true],
    ["ArnEquals", "arn:aws:iam::*:role/a", "arn:aws:iam::111111111111:role/a", true],
    ["ArnLike", "arn:aws:sns:*:111111111111:*", "arn:aws:sns:us-east-1:111111111111:topic", true],
    ["ArnLike", "arn:aws:s*:*:*:x", "arn:aws:sqs:eu:1:2:x", false],
    ["ArnLike", "arn:aws:iam::*:role/a", "not-an-arn", false],
    ["ArnNotLike", "arn:aws:iam::*:role/a*", "arn:aws:iam::1:role/b", true],
  ])("%s %j vs %j → %s", (...row) => expect(run(row).passed).toBe(row[3]));
});

describe("a key absent from the request", () => {
  it.each<Row>([
    ["StringEquals", "a", undefined, false],
    ["StringLike", "*", undefined, false],
    ["NumericLessThan", "5", undefined, false],
    ["Bool", "false", undefined, false],
    ["IpAddress", "0.0.0.0/0", undefined, false],
    // "If the policy condition requires that the key is not matched … and the key is not present, the condition is true."
    ["StringNotEquals", "a", undefined, true],
    ["StringNotLike", "a*", undefined, true],
    ["ArnNotLike", "arn:*", undefined, true],
    ["NotIpAddress", "10.0.0.0/8", undefined, true],
    ["NumericNotEquals", "1", undefined, true],
    ["DateNotEquals", "2024-01-01", undefined, true],
    ["StringEqualsIfExists", "a", undefined, true],
    ["BoolIfExists", "false", undefined, true],
    ["Null", "true", undefined, true],
    ["Null", "false", undefined, false],
    ["Null", "true", "x", false],
    ["Null", "false", "x", true],
    ["ForAnyValue:StringEquals", "a", undefined, false],
    ["ForAnyValue:StringEqualsIfExists", "a", undefined, true],
    ["ForAllValues:StringEquals", "a", undefined, true],
    ["ForAllValues:StringEquals", "a", [], true],
    ["ForAnyValue:StringNotEquals", "a", undefined, false],
  ])("%s %j → %s", (...row) => {
    const c = run(row);
    expect(c.passed).toBe(row[3]);
    expect(c.missing).toBe(row[2] === undefined || (Array.isArray(row[2]) && row[2].length === 0));
  });

  it("explains why the result holds", () => {
    expect(run(["StringNotEquals", "a", undefined, true]).note).toMatch(/negated operator/);
    expect(run(["StringEqualsIfExists", "a", undefined, true]).note).toMatch(/IfExists/);
  });
});

describe("set operators on multivalued keys", () => {
  it.each<Row>([
    ["ForAnyValue:StringEquals", ["a", "b"], ["b", "z"], true],
    ["ForAnyValue:StringEquals", ["a", "b"], ["y", "z"], false],
    ["ForAllValues:StringEquals", ["a", "b"], ["a", "b"], true],
    ["ForAllValues:StringEquals", ["a", "b"], ["a", "z"], false],
    ["ForAllValues:StringLike", ["team-*"], ["team-a", "team-b"], true],
    ["ForAnyValue:StringNotEquals", ["a"], ["a", "b"], true],
    ["ForAnyValue:StringNotEquals", ["a"], ["a"], false],
    ["ForAllValues:StringNotLike", ["key1*"], ["key2"], true],
    ["ForAllValues:StringNotLike", ["key1*"], ["key1a", "key2"], false],
    ["ForAllValues:StringEqualsIgnoreCase", ["A"], ["a", "A"], true],
    // Without a set operator several request values act as one set: any match satisfies, negation needs none.
    ["StringEquals", "a", ["z", "a"], true],
    ["StringNotEquals", "a", ["z", "a"], false],
  ])("%s %j vs %j → %s", (...row) => expect(run(row).passed).toBe(row[3]));
});

describe("request context and policy variables", () => {
  it("looks keys up case-insensitively", () => {
    expect(evaluateCondition("StringEquals", "AWS:PrincipalTag/Team", "x", { "aws:principaltag/team": "x" }).passed).toBe(true);
  });

  it("substitutes variables in string values and reports the resolved value", () => {
    const c = evaluateCondition("StringEquals", "aws:ResourceTag/owner", "${aws:username}", { "aws:username": "bob", "aws:ResourceTag/owner": "bob" });
    expect(c).toMatchObject({ passed: true, policyValues: ["bob"], requestValues: ["bob"] });
  });

  it("keeps substituted text literal under StringLike", () => {
    const ctx = { "aws:username": "b*", "k:x": "bob" };
    expect(evaluateCondition("StringLike", "k:x", "${aws:username}", ctx).passed).toBe(false);
    expect(evaluateCondition("StringLike", "k:x", "${aws:username}", { ...ctx, "k:x": "b*" }).passed).toBe(true);
  });

  it("does not substitute variables for numeric operators or in 2008-10-17 policies", () => {
    expect(evaluateCondition("NumericEquals", "k:x", "${k:y}", { "k:x": "1", "k:y": "1" }).passed).toBe(false);
    expect(evaluateCondition("StringEquals", "k:x", "${k:y}", { "k:x": "1", "k:y": "1" }, false).passed).toBe(false);
    expect(evaluateCondition("StringEquals", "k:x", "${k:y}", { "k:x": "${k:y}", "k:y": "1" }, false).passed).toBe(true);
  });

  it("treats an unknown operator as false", () => {
    expect(evaluateCondition("StringMatches", "k:x", "a", { "k:x": "a" })).toMatchObject({ passed: false, note: expect.stringMatching(/not a condition operator/) });
  });
});

describe("patterns", () => {
  it("matches actions case-insensitively with * and ?", () => {
    expect(actionMatches("IAM:Get*", "iam:GetRole")).toBe(true);
    expect(actionMatches("iam:?etRole", "iam:SetRole")).toBe(true);
    expect(actionMatches("iam:Get", "iam:GetRole")).toBe(false);
    expect(actionMatches("*", "sts:AssumeRole")).toBe(true);
  });

  it("matches ARNs per component; a short pattern as a whole", () => {
    const p = (t: string) => [{ text: t, literal: false }];
    expect(arnMatch(p("arn:aws:iam::*:role/*"), "arn:aws:iam::111111111111:role/a/b")).toBe(true);
    expect(arnMatch(p("arn:aws:iam:*:role/x"), "arn:aws:iam::111111111111:role/x")).toBe(true);
    expect(arnMatch(p("arn:aws:s3:::b/*"), "arn:aws:s3:::b/k:with:colons")).toBe(true);
    expect(arnMatch(p("arn:aws:*:us-east-1:*:*"), "arn:aws:iam::1:role/x")).toBe(false);
    expect(wildcardMatch(p("a*"), "a\nb")).toBe(true);
  });

  it("resolves variables, defaults and special characters", () => {
    const lookup = (k: string) => ({ "aws:username": ["bob"], "aws:tagkeys": ["a", "b"] })[k.toLowerCase()];
    expect(resolveVariables("u/${aws:username}/${*}${?}${$}", lookup)?.map((x) => x.text).join("")).toBe("u/bob/*?$");
    expect(resolveVariables("${aws:PrincipalTag/t, 'dflt'}", lookup)?.map((x) => x.text).join("")).toBe("dflt");
    expect(resolveVariables("${aws:PrincipalTag/t}", lookup)).toBeNull();
    expect(resolveVariables("${aws:TagKeys}", lookup)).toBeNull();
    expect(resolveVariables("${aws:username}", undefined)).toEqual([{ text: "${aws:username}", literal: false }]);
  });

  it("reads ISO 8601 dates and epoch seconds", () => {
    expect(toEpochMillis("1970-01-01T00:00:10Z")).toBe(10_000);
    expect(toEpochMillis("10")).toBe(10_000);
    expect(toEpochMillis("yesterday")).toBeUndefined();
  });
});
