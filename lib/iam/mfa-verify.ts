import type { Tx } from "@/lib/db/client";
import * as repo from "@/lib/db/mfa-devices";
import { openSecret } from "@/lib/crypto/secrets";
import { checkCode } from "./totp";

/**
 * What STS asks of a virtual MFA device. AssumeRole with `SerialNumber` + `TokenCode` and GetSessionToken with
 * the same pair call {@link verifyMfaCode} inside their own transaction, then map a refusal to AWS's words
 * ({@link MFA_FAILURE_MESSAGES}); on success the session carries `aws:MultiFactorAuthPresent` = true and
 * `aws:MultiFactorAuthAge` counted from `authenticatedAt`.
 *
 * @see https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html (SerialNumber, TokenCode)
 * @see https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html
 */

/** Why a code was not accepted. STS answers every one of them with the same AccessDenied message. */
export type MfaRefusal =
  /** No virtual device with this serial number in the account. */
  | "no-such-device"
  /** The device exists but is not enabled for any user. */
  | "not-assigned"
  /** The device is enabled for a user other than `userArn`. */
  | "other-user"
  /** The code is not the device's code for any time step in the window (±1 step around its clock). */
  | "invalid-code"
  /** The code was right, but its time step (or a later one) was already accepted once. */
  | "replayed-code";

export type MfaVerification =
  | { ok: true; serialNumber: string; userArn: string; userId: string; step: number; authenticatedAt: Date }
  | { ok: false; reason: MfaRefusal };

export interface MfaCodeRequest {
  /** The account that holds the device: the caller's own account (a user can only use their own device). */
  accountId: string;
  serialNumber: string;
  /** The six digits the caller sent; anything else is simply not a match. */
  code: string;
  /** When given, the device must be enabled for this user: the caller of AssumeRole or GetSessionToken. */
  userArn?: string;
  now?: Date;
}

/**
 * Checks one code and, when it is accepted, consumes its time step in `tx`: that code and every earlier one are
 * refused from then on, even to a concurrent request (the step is recorded by a conditional update). If the
 * caller's transaction rolls back, the step is not consumed; the code was then of no use to anyone.
 */
export async function verifyMfaCode(tx: Tx, req: MfaCodeRequest): Promise<MfaVerification> {
  const device = await repo.findMfaDevice(tx, req.accountId, req.serialNumber);
  if (!device) return { ok: false, reason: "no-such-device" };
  if (!device.user) return { ok: false, reason: "not-assigned" };
  if (req.userArn !== undefined && device.user.arn !== req.userArn) return { ok: false, reason: "other-user" };
  const now = req.now ?? new Date();
  const check = checkCode({ seed: openSecret(device.seedEncrypted), lastUsedStep: device.lastUsedStep, driftSteps: device.driftSteps }, req.code, now);
  if (!check.ok) return { ok: false, reason: check.reason === "replayed" ? "replayed-code" : "invalid-code" };
  if (!(await repo.consumeTimeStep(tx, device.serialNumber, check.step))) return { ok: false, reason: "replayed-code" };
  return { ok: true, serialNumber: device.serialNumber, userArn: device.user.arn, userId: device.user.id, step: check.step, authenticatedAt: now };
}

/** Whether `serialNumber` names a device enabled for the user `userArn` (without checking or consuming a code). */
export async function userHasMfaDevice(tx: Tx, accountId: string, userArn: string, serialNumber: string): Promise<boolean> {
  const device = await repo.findMfaDevice(tx, accountId, serialNumber);
  return device?.user?.arn === userArn;
}

/**
 * STS's `AccessDenied` messages for MFA, as AWS words them (two spaces after "code." in GetSessionToken's). AssumeRole
 * gives `invalidCode` for any refusal of a code it was sent, and `missingPair` when only one of SerialNumber and
 * TokenCode came.
 */
export const MFA_FAILURE_MESSAGES = {
  assumeRole: {
    invalidCode: "MultiFactorAuthentication failed with invalid MFA one time pass code.",
    missingPair: "MultiFactorAuthentication failed, must provide both MFA serial number and one time pass code.",
  },
  getSessionToken: {
    invalidCode: "MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA serial number is valid and associated with this user.",
  },
} as const;
