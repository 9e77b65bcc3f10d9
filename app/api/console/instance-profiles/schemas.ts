import { z } from "zod";
import { createInstanceProfileSchema, LIMITS, pathPrefixSchema, roleNameSchema } from "@/lib/domain/schemas";
import { INSTANCE_PROFILE_SORTS } from "@/lib/domain/list-sorts";
import { pageQueryShape, sortQueryShape } from "../schemas";

/** The instance profile routes' own request shapes, composed from the shared member schemas. */
export const listInstanceProfilesQuerySchema = z.object({
  search: z.string().max(LIMITS.instanceProfileName.max).optional(),
  path: pathPrefixSchema.optional(),
  ...sortQueryShape(INSTANCE_PROFILE_SORTS),
  ...pageQueryShape(25),
});

export const createInstanceProfileBodySchema = createInstanceProfileSchema.extend({ RoleName: roleNameSchema.optional() });
export const profileRoleBodySchema = z.object({ RoleName: roleNameSchema });
