import { describe, expect, it } from "vitest";
import { checkCode, checkConsecutiveCodes, newTotpSeed, provisioningUri, RESYNC_WINDOW_STEPS, timeStepAt, totpCode, type TotpState } from "./totp";

// RFC 6238 Appendix B: the SHA-1 seed is the ASCII of "12345678901234567890"; six-digit codes are the last six
// digits of the eight-digit values listed there.
const RFC_SEED = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
const at = (seconds: number) => new Date(seconds * 1000);

describe("TOTP codes", () => {
  it("match RFC 6238's SHA-1 test vectors", () => {
    expect(totpCode(RFC_SEED, timeStepAt(at(59)))).toBe("287082");
    expect(totpCode(RFC_SEED, timeStepAt(at(1111111109)))).toBe("081804");
    expect(totpCode(RFC_SEED, timeStepAt(at(1234567890)))).toBe("005924");
    expect(totpCode(RFC_SEED, timeStepAt(at(2000000000)))).toBe("279037");
  });

  it("issues 64-character Base32 seeds, a new one each time", () => {
    const a = newTotpSeed();
    expect(a).toMatch(/^[A-Z2-7]{64}$/);
    expect(newTotpSeed()).not.toBe(a);
  });

  it("puts the seed, label and Roleplane as issuer in the provisioning URI", () => {
    const uri = new URL(provisioningUri(RFC_SEED, "phone@111111111111"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.host).toBe("totp");
    expect(decodeURIComponent(uri.pathname)).toBe("/phone@111111111111");
    expect(Object.fromEntries(uri.searchParams)).toMatchObject({ secret: RFC_SEED, issuer: "Roleplane", digits: "6", period: "30", algorithm: "SHA1" });
  });
});

describe("checking one code (STS)", () => {
  const now = at(1_800_000_015);
  const step = timeStepAt(now);
  const fresh: TotpState = { seed: RFC_SEED, lastUsedStep: null, driftSteps: 0 };
  const code = (s: number) => totpCode(RFC_SEED, s);

  it("accepts the current step and one either side, nothing further", () => {
    for (const d of [-1, 0, 1]) expect(checkCode(fresh, code(step + d), now)).toEqual({ ok: true, step: step + d });
    for (const d of [-3, -2, 2, 3]) expect(checkCode(fresh, code(step + d), now)).toEqual({ ok: false, reason: "invalid" });
  });

  it("accepts a code once: that step and every earlier one are refused afterwards", () => {
    const used = { ...fresh, lastUsedStep: step };
    expect(checkCode(used, code(step), now)).toEqual({ ok: false, reason: "replayed" });
    expect(checkCode(used, code(step - 1), now)).toEqual({ ok: false, reason: "replayed" });
    expect(checkCode(used, code(step + 1), now)).toEqual({ ok: true, step: step + 1 });
  });

  it("refuses what is not a six-digit code of the device", () => {
    for (const bad of ["", "12345", "1234567", "abcdef", code(step).slice(0, 5) + "x"]) expect(checkCode(fresh, bad, now).ok).toBe(false);
  });

  it("centres the window on the device's measured drift", () => {
    const slow = { ...fresh, driftSteps: -5 };
    expect(checkCode(slow, code(step - 5), now)).toEqual({ ok: true, step: step - 5 });
    expect(checkCode(slow, code(step), now)).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("checking two consecutive codes (EnableMFADevice, ResyncMFADevice)", () => {
  const now = at(1_800_000_015);
  const step = timeStepAt(now);
  const fresh: TotpState = { seed: RFC_SEED, lastUsedStep: null, driftSteps: 0 };
  const pair = (second: number) => [totpCode(RFC_SEED, second - 1), totpCode(RFC_SEED, second)] as const;

  it("enables with the previous and current codes, or a step late", () => {
    expect(checkConsecutiveCodes(fresh, ...pair(step), now, "enable")).toEqual({ ok: true, step, driftSteps: 0 });
    expect(checkConsecutiveCodes(fresh, ...pair(step - 1), now, "enable")).toEqual({ ok: true, step: step - 1, driftSteps: 0 });
    expect(checkConsecutiveCodes(fresh, ...pair(step - 2), now, "enable")).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses codes that are not consecutive, swapped or repeated", () => {
    const [first, second] = pair(step);
    expect(checkConsecutiveCodes(fresh, second, first, now, "enable").ok).toBe(false);
    expect(checkConsecutiveCodes(fresh, second, second, now, "enable").ok).toBe(false);
    expect(checkConsecutiveCodes(fresh, totpCode(RFC_SEED, step - 2), second, now, "enable").ok).toBe(false);
  });

  it("refuses a pair whose first code was already used", () => {
    expect(checkConsecutiveCodes({ ...fresh, lastUsedStep: step - 1 }, ...pair(step), now, "enable")).toEqual({ ok: false, reason: "replayed" });
    expect(checkConsecutiveCodes({ ...fresh, lastUsedStep: step - 2 }, ...pair(step), now, "enable").ok).toBe(true);
  });

  it("resynchronises a drifted device and records the drift it found", () => {
    expect(checkConsecutiveCodes(fresh, ...pair(step - 7), now, "enable").ok).toBe(false);
    expect(checkConsecutiveCodes(fresh, ...pair(step - 7), now, "resync")).toEqual({ ok: true, step: step - 7, driftSteps: -7 });
    expect(checkConsecutiveCodes(fresh, ...pair(step + 4), now, "resync")).toEqual({ ok: true, step: step + 4, driftSteps: 4 });
    expect(checkConsecutiveCodes(fresh, ...pair(step - 1), now, "resync")).toEqual({ ok: true, step: step - 1, driftSteps: 0 });
    expect(checkConsecutiveCodes(fresh, ...pair(step - RESYNC_WINDOW_STEPS - 1), now, "resync")).toEqual({ ok: false, reason: "invalid" });
  });
});
