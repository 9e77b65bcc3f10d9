import { describe, expect, it } from "vitest";
import { createUserSchema } from "@/lib/domain/schemas";
import { fieldErrors } from "./zod-field-errors";

describe("fieldErrors", () => {
  it("labels a tag's error with its member and keeps the pattern's case", () => {
    const parsed = createUserSchema.safeParse({ UserName: "ok", Tags: [{ Key: "bad{key}", Value: "v" }] });
    expect(parsed.success).toBe(false);
    const { tags } = fieldErrors(parsed.error!.issues);
    expect(tags[0]).toMatch(/^Key: must /);
    expect(tags[0]).toContain("\\p{L}");
  });
});
