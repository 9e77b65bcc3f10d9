import { z } from "zod";
import { LIMITS } from "./limits";
import { arnSchema, awsString, paginationSchema, policyDocumentSchema } from "./schemas";

/**
 * The policy simulator's inputs (IAM SimulatePrincipalPolicy, SimulateCustomPolicy, GetContextKeysForPrincipalPolicy,
 * GetContextKeysForCustomPolicy), from the botocore IAM model; shared by the Query API and the console's Simulator.
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulatePrincipalPolicy.html
 */

/** botocore `ContextKeyTypeEnum`: every type, each with a list form. */
export const CONTEXT_KEY_TYPES = [
  "string",
  "stringList",
  "numeric",
  "numericList",
  "boolean",
  "booleanList",
  "ip",
  "ipList",
  "binary",
  "binaryList",
  "date",
  "dateList",
] as const;
export type ContextKeyType = (typeof CONTEXT_KEY_TYPES)[number];

export const contextEntrySchema = z.object({
  ContextKeyName: awsString(LIMITS.contextKeyName),
  ContextKeyValues: z.array(z.string()).default([]),
  ContextKeyType: z.enum(CONTEXT_KEY_TYPES, { message: `Member must satisfy enum value set: [${CONTEXT_KEY_TYPES.join(", ")}]` }),
});
export type ContextEntry = z.infer<typeof contextEntrySchema>;

const actionNameSchema = awsString(LIMITS.simulationActionName);
const resourceNameSchema = awsString(LIMITS.simulationResourceName);

const simulationShape = {
  ActionNames: z.array(actionNameSchema),
  ResourceArns: z.array(resourceNameSchema).optional(),
  ResourcePolicy: policyDocumentSchema.optional(),
  ResourceOwner: resourceNameSchema.optional(),
  CallerArn: resourceNameSchema.optional(),
  ContextEntries: z.array(contextEntrySchema).optional(),
  ResourceHandlingOption: awsString(LIMITS.resourceHandlingOption).optional(),
  PermissionsBoundaryPolicyInputList: z.array(policyDocumentSchema).optional(),
  // SCP hierarchies and policy exclusions are newer members of the model that Roleplane does not simulate.
  OrderedOrganizationPolicyInputList: z.unknown().optional(),
  PolicyExclusionList: z.unknown().optional(),
  ...paginationSchema.shape,
};

export const simulatePrincipalPolicySchema = z.object({
  PolicySourceArn: arnSchema,
  PolicyInputList: z.array(policyDocumentSchema).optional(),
  ...simulationShape,
});
export type SimulatePrincipalPolicyInput = z.infer<typeof simulatePrincipalPolicySchema>;

export const simulateCustomPolicySchema = z.object({
  PolicyInputList: z.array(policyDocumentSchema),
  ...simulationShape,
});
export type SimulateCustomPolicyInput = z.infer<typeof simulateCustomPolicySchema>;

/**
 * The console's Simulator: SimulatePrincipalPolicy's members with the principal optional (without one, the pasted
 * policies are simulated as SimulateCustomPolicy does).
 */
export const consoleSimulationSchema = z.object({
  PolicySourceArn: arnSchema.optional(),
  /** For a principal of an account Roleplane does not hold: suppose its own account allows the request. */
  SupposeExternalAllowed: z.boolean().optional(),
  PolicyInputList: z.array(policyDocumentSchema).optional(),
  ...simulationShape,
});
export type ConsoleSimulationInput = z.infer<typeof consoleSimulationSchema>;

export const getContextKeysForPrincipalPolicySchema = z.object({
  PolicySourceArn: arnSchema,
  PolicyInputList: z.array(policyDocumentSchema).optional(),
});

export const getContextKeysForCustomPolicySchema = z.object({
  PolicyInputList: z.array(policyDocumentSchema),
});

/** The Simulator's completion: actions matching `q`, and what the chosen actions take (`action`, repeated). */
export const actionSuggestionQuerySchema = z.object({
  q: z.string().max(LIMITS.simulationActionName.max).optional(),
  service: z.string().regex(/^[a-z0-9-]{1,64}$/i, "service must be a service prefix, e.g. s3.").optional(),
});
export const actionHelpQuerySchema = z.object({ action: z.array(actionNameSchema).min(1).max(20) });

/**
 * The comparison of roles with resource-based policies: a caller, one action on one resource, the role to assume
 * in the resource's account (optional: without one only the resource-based way is evaluated) and the resource policy.
 */
export const compareAccessSchema = z.object({
  PrincipalArn: arnSchema,
  Action: actionNameSchema,
  ResourceArn: resourceNameSchema,
  RoleArn: arnSchema.optional(),
  ResourcePolicy: policyDocumentSchema,
  ResourceAccount: z.string().regex(/^\d{12}$/, "ResourceAccount must be a 12-digit account ID.").optional(),
  ContextEntries: z.array(contextEntrySchema).optional(),
  SupposeExternalAllowed: z.boolean().optional(),
});
export type CompareAccessInput = z.infer<typeof compareAccessSchema>;
