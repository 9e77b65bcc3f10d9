import { z } from "zod";
import { accessKeyStatusSchema, LIMITS, pathPrefixSchema } from "@/lib/domain/schemas";
import { USER_SORTS } from "@/lib/domain/list-sorts";
import { serialNumberSchema } from "@/lib/domain/mfa-schemas";
import { pageQueryShape, sortQueryShape } from "../schemas";

/** The users console routes' own request shapes, composed from the shared member schemas (no limit restated). */
export const listUsersQuerySchema = z.object({
  search: z.string().max(LIMITS.userName.max).optional(),
  path: pathPrefixSchema.optional(),
  ...sortQueryShape(USER_SORTS),
  ...pageQueryShape(25),
});

export const accessKeyStatusBodySchema = z.object({ Status: accessKeyStatusSchema });

/** The device a DELETE …/mfa-devices?serialNumber=… removes. */
export const mfaDeviceQuerySchema = z.object({ serialNumber: serialNumberSchema });
