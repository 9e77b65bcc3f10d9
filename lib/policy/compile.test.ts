import { describe, expect, it } from "vitest";
import { compiledPolicy, withPolicyCache } from "./compile";

const doc = (sid: string) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: sid, Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] });

describe("withPolicyCache", () => {
  it("compiles each document once inside the run, whatever the shared cache holds, and leaves the shared cache as it was", () => {
    const text = doc(`Scoped${Date.now()}`);
    const outside = compiledPolicy(text);
    const inside = withPolicyCache(10, () => {
      const first = compiledPolicy(text);
      // Other documents read meanwhile go into the run's cache, which keeps this one.
      for (let i = 0; i < 5; i++) compiledPolicy(doc(`Other${i}`));
      expect(compiledPolicy(text)).toBe(first);
      return first;
    });
    expect(inside).not.toBe(outside);
    expect(inside.statements()).toHaveLength(1);
    expect(compiledPolicy(text)).toBe(outside);
  });

  it("restores the outer run's cache when an inner run ends, even by throwing", () => {
    const text = doc(`Nested${Date.now()}`);
    withPolicyCache(10, () => {
      const outer = compiledPolicy(text);
      expect(() => withPolicyCache(10, () => {
        expect(compiledPolicy(text)).not.toBe(outer);
        throw new Error("inner run failed");
      })).toThrow("inner run failed");
      expect(compiledPolicy(text)).toBe(outer);
    });
  });
});
