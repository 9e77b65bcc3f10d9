import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { accountOfAccessKeyId, newAccessKeyIdFor } from "./access-key-ids";

describe("access key ids in AWS's layout", () => {
  it("carry the account they belong to", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 999_999_999_999n }), fc.constantFrom("AKIA", "ASIA") as fc.Arbitrary<"AKIA" | "ASIA">, (n, prefix) => {
        const account = n.toString().padStart(12, "0");
        const id = newAccessKeyIdFor(prefix, account);
        expect(id).toMatch(new RegExp(`^${prefix}[A-Z2-7]{16}$`));
        expect(accountOfAccessKeyId(id)).toBe(account);
      }),
    );
  });

  it("differ each time for the same account", () => {
    expect(newAccessKeyIdFor("ASIA", "111111111111")).not.toBe(newAccessKeyIdFor("ASIA", "111111111111"));
  });

  it("read ids outside the layout as unknown", () => {
    expect(accountOfAccessKeyId("AKIAROLEPLANETEST001")).toBeNull(); // 0 and 1 are not base32
    expect(accountOfAccessKeyId("AKIA0000")).toBeNull();
    expect(accountOfAccessKeyId("XXXXABCDEFGHIJKLMNOP")).toBeNull();
  });
});
