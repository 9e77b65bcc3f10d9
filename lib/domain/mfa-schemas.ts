import { z } from "zod";
import { awsString, LIMITS, pathSchema, tagListSchema } from "./schemas";

/**
 * Input schemas for virtual MFA devices, shared by the Query API and the console. Constraints follow the IAM API
 * model (botocore iam/2010-05-08: `virtualMFADeviceName`, `serialNumberType`, `authenticationCodeType`,
 * `existingUserNameType`).
 */

const NAME_PATTERN = { pattern: /^[\w+=,.@-]+$/, patternText: "[\\w+=,.@-]+" };

export const virtualMfaDeviceNameSchema = awsString({ ...LIMITS.virtualMfaDeviceName, ...NAME_PATTERN });

/** A virtual device's serial number is its ARN, `arn:aws:iam::ACCOUNT:mfa/PATH/NAME`. */
export const serialNumberSchema = awsString({ ...LIMITS.mfaSerialNumber, pattern: /^[\w+=/:,.@-]+$/, patternText: "[\\w+=/:,.@-]+" });

export const authenticationCodeSchema = awsString({ min: 6, max: 6, pattern: /^\d+$/, patternText: "[\\d]+" });

/** The MFA actions name users with `existingUserNameType`, which allows up to 128 characters. */
export const existingUserNameSchema = awsString({ min: 1, max: 128, ...NAME_PATTERN });

export const createVirtualMfaDeviceSchema = z.object({
  VirtualMFADeviceName: virtualMfaDeviceNameSchema,
  Path: pathSchema.optional(),
  Tags: tagListSchema.optional(),
});
export type CreateVirtualMfaDeviceInput = z.infer<typeof createVirtualMfaDeviceSchema>;

/** The console's "Assign MFA device" names the device only; its path is / and it has no tags. */
export const assignMfaDeviceSchema = createVirtualMfaDeviceSchema.pick({ VirtualMFADeviceName: true });

/** EnableMFADevice and ResyncMFADevice: two consecutive codes from the device. */
export const consecutiveCodesSchema = z.object({
  SerialNumber: serialNumberSchema,
  AuthenticationCode1: authenticationCodeSchema,
  AuthenticationCode2: authenticationCodeSchema,
});
export type ConsecutiveCodesInput = z.infer<typeof consecutiveCodesSchema>;

export const ASSIGNMENT_STATUSES = ["Assigned", "Unassigned", "Any"] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];
