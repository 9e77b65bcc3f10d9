import { timingSafeEqual } from "node:crypto";
import { Secret, TOTP } from "otpauth";

/**
 * Time-based one-time passwords as virtual MFA devices produce them: RFC 6238 with HMAC-SHA1, six digits and
 * 30-second time steps, the parameters every authenticator app assumes for an AWS QR code. The codes themselves
 * come from `otpauth`; this module decides which time steps a code may belong to. Pure: the clock is a parameter.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6238
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable_virtual.html
 */

export const TOTP_PERIOD_SECONDS = 30;
const DIGITS = 6;

/** AWS accepts the code of the current time step and of the steps either side of it (±30 s of clock skew). */
export const VERIFY_WINDOW_STEPS = 1;

/**
 * How far ResyncMFADevice looks for the device's two consecutive codes: ±10 minutes. AWS does not publish its
 * own resynchronisation window; RFC 6238 §6 asks for a bounded one.
 */
export const RESYNC_WINDOW_STEPS = 20;

/** The stored state of a device that checking a code needs. */
export interface TotpState {
  /** The Base32 seed. */
  seed: string;
  /** The latest time step whose code was accepted, or null before the first. */
  lastUsedStep: number | null;
  /** The device clock's offset in time steps, as the last resynchronisation measured it. */
  driftSteps: number;
}

export type CodeCheck = { ok: true; step: number } | { ok: false; reason: "invalid" | "replayed" };
export type PairCheck = { ok: true; step: number; driftSteps: number } | { ok: false; reason: "invalid" | "replayed" };

/** A new seed: 40 random bytes, 64 Base32 characters, the length of the seeds IAM issues. */
export function newTotpSeed(): string {
  return new Secret({ size: 40 }).base32;
}

/** The RFC 6238 time step (counter) at `now`. */
export function timeStepAt(now: Date): number {
  return TOTP.counter({ period: TOTP_PERIOD_SECONDS, timestamp: now.getTime() });
}

/** The code a device with `seed` shows during time step `step`. */
export function totpCode(seed: string, step: number): string {
  return codeAt(Secret.fromBase32(seed), step);
}

function codeAt(secret: Secret, step: number): string {
  return TOTP.generate({ secret, algorithm: "SHA1", digits: DIGITS, period: TOTP_PERIOD_SECONDS, timestamp: step * TOTP_PERIOD_SECONDS * 1000 });
}

/** Compares in constant time, so the response time does not tell how many leading digits were right. */
function sameCode(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

const isUsed = (state: TotpState, step: number) => state.lastUsedStep !== null && step <= state.lastUsedStep;

/**
 * One code, as STS checks it (AssumeRole and GetSessionToken with SerialNumber and TokenCode): it must be the code
 * of a time step within ±1 of the device's clock, and later than the last step accepted, so each code is good
 * once and an older one never again.
 */
export function checkCode(state: TotpState, code: string, now: Date): CodeCheck {
  const secret = Secret.fromBase32(state.seed);
  const center = timeStepAt(now) + state.driftSteps;
  let replayed = false;
  for (let step = center + VERIFY_WINDOW_STEPS; step >= center - VERIFY_WINDOW_STEPS; step--) {
    if (!sameCode(codeAt(secret, step), code)) continue;
    if (!isUsed(state, step)) return { ok: true, step };
    replayed = true;
  }
  return { ok: false, reason: replayed ? "replayed" : "invalid" };
}

/**
 * Two consecutive codes, as EnableMFADevice and ResyncMFADevice take them: `code1` from one time step and `code2`
 * from the next. On success `step` is the second code's step, the one to record as used.
 *
 * - "enable": the second code must be within ±1 step of real time. The first may be a step older, so a person
 *   can wait for the second code to appear and still be in time. The device starts with no drift.
 * - "resync": the pair may lie up to {@link RESYNC_WINDOW_STEPS} away, and the offset found becomes the device's
 *   drift; an offset within ±1 step needs no correction and records none.
 */
export function checkConsecutiveCodes(state: TotpState, code1: string, code2: string, now: Date, mode: "enable" | "resync"): PairCheck {
  const secret = Secret.fromBase32(state.seed);
  const current = timeStepAt(now);
  const window = mode === "enable" ? VERIFY_WINDOW_STEPS : RESYNC_WINDOW_STEPS;
  let replayed = false;
  for (let step = current + window; step >= current - window; step--) {
    if (!sameCode(codeAt(secret, step), code2) || !sameCode(codeAt(secret, step - 1), code1)) continue;
    if (isUsed(state, step - 1)) {
      replayed = true;
      continue;
    }
    const offset = step - current;
    return { ok: true, step, driftSteps: Math.abs(offset) <= VERIFY_WINDOW_STEPS ? 0 : offset };
  }
  return { ok: false, reason: replayed ? "replayed" : "invalid" };
}

/**
 * The `otpauth://` URI a QR code carries. IAM documents `otpauth://totp/$virtualMFADeviceName@$AccountName?secret=…`
 * (https://docs.aws.amazon.com/IAM/latest/APIReference/API_VirtualMFADevice.html); Roleplane adds
 * `issuer=Roleplane` so an authenticator app lists the entry apart from real AWS accounts.
 */
export function provisioningUri(seed: string, label: string): string {
  return new TOTP({ issuer: "Roleplane", issuerInLabel: false, label, secret: Secret.fromBase32(seed), algorithm: "SHA1", digits: DIGITS, period: TOTP_PERIOD_SECONDS }).toString();
}
