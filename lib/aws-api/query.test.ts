import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AwsError } from "@/lib/domain/errors";
import { createRoleSchema, tagListSchema } from "@/lib/domain/schemas";
import { parseInput, parseQueryParams } from "./query";
import { formatValidationIssues as formatIssues, memberPath } from "@/lib/domain/schemas";

const params = (s: string) => parseQueryParams(new URLSearchParams(s));

function validationMessage(schema: z.ZodType, input: Record<string, unknown>): string {
  try {
    parseInput(schema, input);
  } catch (e) {
    if (e instanceof AwsError && e.code === "ValidationError") return e.message;
    throw e;
  }
  throw new Error("expected a ValidationError");
}

describe("parseQueryParams", () => {
  it("never follows a __proto__ segment into Object.prototype", () => {
    const q = params("Action=X&__proto__.polluted=yes&Tags.member.1.__proto__.p=1&Tags.member.1.Key=__proto__");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).p).toBeUndefined();
    // Kept as an ordinary member name (objects here have no prototype); schemas ignore members they do not know.
    expect(Object.keys(q.input)).toEqual(["__proto__", "Tags"]);
    expect((q.input.Tags as { Key: string }[])[0].Key).toBe("__proto__");
  });

  it("separates Action and Version from the action's input", () => {
    expect(params("Action=GetRole&Version=2010-05-08&RoleName=app")).toEqual({
      action: "GetRole",
      version: "2010-05-08",
      input: { RoleName: "app" },
    });
  });

  it("nests member lists of structures and of strings, in index order", () => {
    const q = params(
      "Tags.member.2.Key=b&Tags.member.2.Value=2&Tags.member.1.Key=a&Tags.member.1.Value=1&TagKeys.member.1=x&TagKeys.member.3=z",
    );
    expect(q.input).toEqual({
      Tags: [
        { Key: "a", Value: "1" },
        { Key: "b", Value: "2" },
      ],
      TagKeys: ["x", "z"],
    });
  });

  it("reads an empty list sent as `Tags=` and keeps empty strings elsewhere", () => {
    expect(params("Tags=&Description=").input).toEqual({ Tags: [], Description: "" });
  });

  it("converts integer and boolean members, leaving malformed ones for validation to refuse", () => {
    expect(params("MaxItems=5&MaxSessionDuration=7200&SetAsDefault=true&OnlyAttached=FALSE").input).toEqual({
      MaxItems: 5,
      MaxSessionDuration: 7200,
      SetAsDefault: true,
      OnlyAttached: false,
    });
    expect(params("MaxItems=five&SetAsDefault=yes").input).toEqual({ MaxItems: "five", SetAsDefault: "yes" });
  });

  it("ignores SigV4 presign parameters", () => {
    expect(params("Action=ListRoles&X-Amz-Signature=abc&X-Amz-Credential=k").input).toEqual({});
  });

  it("decodes form encoding, including + and percent escapes in documents", () => {
    const doc = '{"Version":"2012-10-17","Statement":[]}';
    const q = parseQueryParams(new URLSearchParams(`AssumeRolePolicyDocument=${encodeURIComponent(doc)}&Description=a+b`));
    expect(q.input).toEqual({ AssumeRolePolicyDocument: doc, Description: "a b" });
  });
});

describe("validation errors in IAM's words", () => {
  it("names each member in lower camel case with list positions as AWS does", () => {
    expect(memberPath(["RoleName"])).toBe("roleName");
    expect(memberPath(["Tags", 0, "Key"])).toBe("tags.1.member.key");
    expect(memberPath(["TagKeys", 2])).toBe("tagKeys.3.member");
  });

  it("reports a missing required member as null", () => {
    expect(validationMessage(createRoleSchema, { AssumeRolePolicyDocument: "{}" })).toBe(
      "1 validation error detected: Value null at 'roleName' failed to satisfy constraint: Member must not be null",
    );
  });

  it("reports length and pattern violations with the value", () => {
    expect(validationMessage(createRoleSchema, { RoleName: "x".repeat(65), AssumeRolePolicyDocument: "{}" })).toBe(
      `1 validation error detected: Value '${"x".repeat(65)}' at 'roleName' failed to satisfy constraint: Member must have length less than or equal to 64`,
    );
    expect(validationMessage(createRoleSchema, { RoleName: "a b", AssumeRolePolicyDocument: "{}" })).toBe(
      "1 validation error detected: Value 'a b' at 'roleName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+",
    );
  });

  it("counts several violations and joins them with semicolons", () => {
    const msg = validationMessage(createRoleSchema, { RoleName: "ok", MaxSessionDuration: 60 });
    expect(msg).toBe(
      "2 validation errors detected: Value null at 'assumeRolePolicyDocument' failed to satisfy constraint: Member must not be null; " +
        "Value '60' at 'maxSessionDuration' failed to satisfy constraint: Member must have value greater than or equal to 3600",
    );
  });

  it("says a non-number is not a number rather than zod's own words", () => {
    const msg = formatIssues(
      z.object({ MaxItems: z.number() }).safeParse({ MaxItems: "five" }).error!.issues,
      { MaxItems: "five" },
    );
    expect(msg).toBe("1 validation error detected: Value 'five' at 'maxItems' failed to satisfy constraint: Member must be a number");
  });

  it("points into list members", () => {
    const long = "k".repeat(129);
    const input = { Tags: [{ Key: "ok", Value: "v" }, { Key: long, Value: "v" }] };
    expect(validationMessage(z.object({ Tags: tagListSchema }), input)).toBe(
      `1 validation error detected: Value '${long}' at 'tags.2.member.key' failed to satisfy constraint: Member must have length less than or equal to 128`,
    );
  });
});
