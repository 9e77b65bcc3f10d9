import { z } from "zod";
import { policyDocumentSchema } from "@/lib/domain/schemas";

/** The policies console routes' own request shapes, composed from the shared member schemas. */
export const policyScopeQuerySchema = z.object({ scope: z.enum(["aws", "local"]).optional() });
export type PolicyScopeQuery = z.infer<typeof policyScopeQuerySchema>;

export const savePolicyDocumentBodySchema = z.object({ PolicyDocument: policyDocumentSchema });

export const versionIdSchema = z.string().regex(/^v[1-9][0-9]*$/, { message: "Member must satisfy regular expression pattern: v[1-9][0-9]*" });
