import { describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";

process.env.ROLEPLANE_ENCRYPTION_KEY = randomBytes(32).toString("base64");
const { openSecret, sealSecret } = await import("./secrets");

describe("sealed secrets", () => {
  it("round-trips and never contains the plaintext", () => {
    const sealed = sealSecret("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    expect(sealed.startsWith("v1:")).toBe(true);
    expect(sealed).not.toContain("wJalrXUtnFEMI");
    expect(openSecret(sealed)).toBe("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
  });

  it("uses a fresh IV each time", () => {
    expect(sealSecret("same")).not.toBe(sealSecret("same"));
  });

  it("refuses tampered ciphertext", () => {
    const [v, iv, tag, body] = sealSecret("secret").split(":");
    const flipped = Buffer.from(body, "base64");
    flipped[0] ^= 1;
    expect(() => openSecret([v, iv, tag, flipped.toString("base64")].join(":"))).toThrow();
  });
});
