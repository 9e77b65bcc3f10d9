import { z } from "zod";
import { existingUserNameSchema, groupNameSchema, LIMITS, pathPrefixSchema, updateGroupSchema } from "@/lib/domain/schemas";
import { GROUP_SORTS } from "@/lib/domain/list-sorts";
import { pageQueryShape, sortQueryShape } from "../schemas";

/** The groups console routes' own request shapes, composed from the shared member schemas (no limit restated). */
export const listGroupsQuerySchema = z.object({
  search: z.string().max(LIMITS.groupName.max).optional(),
  path: pathPrefixSchema.optional(),
  ...sortQueryShape(GROUP_SORTS),
  ...pageQueryShape(25),
});

export const listMembersQuerySchema = z.object(pageQueryShape(25));

/** A name list the console sends at once, bounded like any IAM list. */
const names = (schema: z.ZodString) =>
  z
    .array(schema)
    .min(1, { message: "Member must have length greater than or equal to 1" })
    .max(LIMITS.maxItems.max, { message: `Member must have length less than or equal to ${LIMITS.maxItems.max}` });

export const addMembersBodySchema = z.object({ UserNames: names(existingUserNameSchema) });
export const addToGroupsBodySchema = z.object({ GroupNames: names(groupNameSchema) });
export const updateGroupBodySchema = updateGroupSchema.omit({ GroupName: true });
