import { describe, expect, it } from "vitest";
import { createRoleSchema, formatValidationIssues } from "./schemas";

const messageFor = (input: unknown) => {
  const r = createRoleSchema.safeParse(input);
  if (r.success) throw new Error("expected a validation error");
  return formatValidationIssues(r.error.issues, input);
};

const trust = '{"Version":"2012-10-17","Statement":[]}';

describe("AWS ValidationError wording", () => {
  it("names the member and the pattern", () => {
    expect(messageFor({ RoleName: "a:b", AssumeRolePolicyDocument: trust })).toBe(
      "1 validation error detected: Value 'a:b' at 'roleName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+",
    );
  });

  it("reports a missing member as null", () => {
    expect(messageFor({ AssumeRolePolicyDocument: trust })).toBe(
      "1 validation error detected: Value null at 'roleName' failed to satisfy constraint: Member must not be null",
    );
  });

  it("numbers list members from 1", () => {
    const msg = messageFor({ RoleName: "r", AssumeRolePolicyDocument: trust, Tags: [{ Key: "k".repeat(129), Value: "" }] });
    expect(msg).toContain("at 'tags.1.member.key' failed to satisfy constraint: Member must have length less than or equal to 128");
  });

  it("counts several errors and reports a bad path once", () => {
    const msg = messageFor({ RoleName: "x".repeat(65), Path: "no-slash", AssumeRolePolicyDocument: trust });
    expect(msg.startsWith("2 validation errors detected: ")).toBe(true);
    expect(msg).toContain("Value 'no-slash' at 'path' failed to satisfy constraint: Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)");
  });

  it("accepts / and /a/b/ paths", () => {
    expect(createRoleSchema.safeParse({ RoleName: "r", Path: "/", AssumeRolePolicyDocument: trust }).success).toBe(true);
    expect(createRoleSchema.safeParse({ RoleName: "r", Path: "/a/b/", AssumeRolePolicyDocument: trust }).success).toBe(true);
  });
});
