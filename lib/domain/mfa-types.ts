import type { Tag } from "./schemas";
import type { IamUser } from "./types";

/**
 * A virtual MFA device as the core returns it. `serialNumber` is the device's ARN; `user` and `enabledAt` are set
 * while the device is enabled for (assigned to) an IAM user.
 */
export interface MfaDevice {
  serialNumber: string;
  accountId: string;
  name: string;
  path: string;
  user: Pick<IamUser, "id" | "name" | "path" | "arn" | "createdAt"> | null;
  enabledAt: Date | null;
  createdAt: Date;
  tags: Tag[];
}

/** Returned once, by CreateVirtualMFADevice: the only time the seed leaves the store. */
export interface NewVirtualMfaDevice extends MfaDevice {
  /** The seed, Base32-encoded (RFC 3548), as an authenticator app takes it typed in. */
  base32StringSeed: string;
  /** A PNG of the QR code that carries the `otpauth://` URI, base64-encoded. */
  qrCodePng: string;
}
