import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

process.env.ROLEPLANE_ENCRYPTION_KEY = randomBytes(32).toString("base64");
const { openSessionToken, sealSessionToken } = await import("./session-token");

const claims = { accessKeyId: "ASIAEXAMPLE123456789", secretAccessKey: "s3cr3t/with+chars", expiresAt: new Date("2026-11-29T12:00:00Z") };

describe("session tokens", () => {
  it("open to the claims they were sealed with, for their own key id only", () => {
    const token = sealSessionToken(claims);
    expect(openSessionToken(token, claims.accessKeyId)).toEqual(claims);
    expect(openSessionToken(token, "ASIAOTHER12345678901")).toBeNull();
    expect(token).not.toContain("s3cr3t");
  });

  it("differ every time, even for the same claims", () => {
    expect(sealSessionToken(claims)).not.toBe(sealSessionToken(claims));
  });

  it("refuse any change to any byte", () => {
    const raw = Buffer.from(sealSessionToken(claims), "base64");
    fc.assert(
      fc.property(fc.nat({ max: raw.length - 1 }), fc.integer({ min: 1, max: 255 }), (at, flip) => {
        const changed = Buffer.from(raw);
        changed[at] ^= flip;
        expect(openSessionToken(changed.toString("base64"), claims.accessKeyId)).toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  it("refuse garbage without throwing", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (t) => {
        expect(openSessionToken(t, claims.accessKeyId)).toBeNull();
      }),
    );
    expect(openSessionToken("A".repeat(10_000), claims.accessKeyId)).toBeNull();
  });
});
