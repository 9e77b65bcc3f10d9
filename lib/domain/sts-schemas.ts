import { z } from "zod";
import { LIMITS } from "./limits";
import { arnSchema, awsInteger, awsString, tagKeyListSchema, tagSchema } from "./schemas";

/**
 * The STS inputs (API version 2011-06-15), shared by the Query API and the console's Assume role form. Bounds come
 * from the one limits table; patterns and AWS's wording from the botocore STS model.
 * @see https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html
 */

const SESSION_NAME_CHARS = "[\\w+=,.@-]*";

export const roleSessionNameSchema = awsString({ ...LIMITS.roleSessionName, pattern: /^[\w+=,.@-]*$/, patternText: SESSION_NAME_CHARS });
export const sourceIdentitySchema = awsString({ ...LIMITS.sourceIdentity, pattern: /^[\w+=,.@-]*$/, patternText: SESSION_NAME_CHARS });
export const externalIdSchema = awsString({ ...LIMITS.externalId, pattern: /^[\w+=,.@:/-]*$/, patternText: "[\\w+=,.@:\\/-]*" });
export const mfaSerialNumberSchema = awsString({ ...LIMITS.mfaSerialNumber, pattern: /^[\w+=/:,.@-]*$/, patternText: "[\\w+=/:,.@-]*" });
export const tokenCodeSchema = awsString({ min: 6, max: 6, pattern: /^\d*$/, patternText: "[\\d]*" });
export const sessionPolicySchema = awsString({
  ...LIMITS.sessionPolicyParameter,
  pattern: /^[\u0009\u000A\u000D\u0020-\u00FF]+$/,
  patternText: "[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+",
});
export const sessionPolicyArnsSchema = z
  .array(z.object({ arn: arnSchema }))
  .max(LIMITS.sessionPolicyArns, { message: `Member must have length less than or equal to ${LIMITS.sessionPolicyArns}` });
export const sessionTagsSchema = z
  .array(tagSchema)
  .max(LIMITS.sessionTags, { message: `Member must have length less than or equal to ${LIMITS.sessionTags}` });
export const transitiveTagKeysSchema = tagKeyListSchema.max(LIMITS.transitiveTagKeys, {
  message: `Member must have length less than or equal to ${LIMITS.transitiveTagKeys}`,
});

export const assumeRoleSchema = z.object({
  RoleArn: arnSchema,
  RoleSessionName: roleSessionNameSchema,
  PolicyArns: sessionPolicyArnsSchema.optional(),
  Policy: sessionPolicySchema.optional(),
  DurationSeconds: awsInteger(LIMITS.assumeRoleDuration).optional(),
  Tags: sessionTagsSchema.optional(),
  TransitiveTagKeys: transitiveTagKeysSchema.optional(),
  ExternalId: externalIdSchema.optional(),
  SerialNumber: mfaSerialNumberSchema.optional(),
  TokenCode: tokenCodeSchema.optional(),
  SourceIdentity: sourceIdentitySchema.optional(),
});
export type AssumeRoleInput = z.infer<typeof assumeRoleSchema>;

export const getSessionTokenSchema = z.object({
  DurationSeconds: awsInteger(LIMITS.sessionTokenDuration).optional(),
  SerialNumber: mfaSerialNumberSchema.optional(),
  TokenCode: tokenCodeSchema.optional(),
});
export type GetSessionTokenInput = z.infer<typeof getSessionTokenSchema>;

export const getAccessKeyInfoSchema = z.object({
  AccessKeyId: awsString({ ...LIMITS.accessKeyId, pattern: /^[\w]*$/, patternText: "[\\w]*" }),
});

export const getCallerIdentitySchema = z.object({});

/** DecodeAuthorizationMessage's EncodedMessage: 1–10,240 characters (botocore `encodedMessageType`). */
export const decodeAuthorizationMessageSchema = z.object({
  EncodedMessage: awsString({ ...LIMITS.encodedAuthorizationMessage, pattern: /^[\u0009\u000A\u000D\u0020-\u00FF]+$/, patternText: "[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+" }),
});

/**
 * AssumeRoleWithWebIdentity and AssumeRoleWithSAML (unsigned). The token and the assertion are credentials: a
 * validation error never repeats them (formatValidationIssues redacts them as AWS redacts sensitive members).
 * @see https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html
 * @see https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithSAML.html
 */
export const assumeRoleWithWebIdentitySchema = z.object({
  RoleArn: arnSchema,
  RoleSessionName: roleSessionNameSchema,
  WebIdentityToken: awsString(LIMITS.webIdentityToken),
  ProviderId: awsString(LIMITS.webIdentityProviderId).optional(),
  PolicyArns: sessionPolicyArnsSchema.optional(),
  Policy: sessionPolicySchema.optional(),
  DurationSeconds: awsInteger(LIMITS.assumeRoleDuration).optional(),
});
export type AssumeRoleWithWebIdentityInput = z.infer<typeof assumeRoleWithWebIdentitySchema>;

export const assumeRoleWithSamlSchema = z.object({
  RoleArn: arnSchema,
  PrincipalArn: arnSchema,
  SAMLAssertion: awsString(LIMITS.samlAssertion),
  PolicyArns: sessionPolicyArnsSchema.optional(),
  Policy: sessionPolicySchema.optional(),
  DurationSeconds: awsInteger(LIMITS.assumeRoleDuration).optional(),
});
export type AssumeRoleWithSamlInput = z.infer<typeof assumeRoleWithSamlSchema>;

/** The console's federated sign-in to a role (Roleplane's own form): the token or the assertion, as the two actions take them. */
export const federatedSignInSchema = z.discriminatedUnion("kind", [
  assumeRoleWithWebIdentitySchema.pick({ RoleSessionName: true, WebIdentityToken: true, DurationSeconds: true }).extend({ kind: z.literal("web-identity") }),
  assumeRoleWithSamlSchema.pick({ PrincipalArn: true, SAMLAssertion: true, DurationSeconds: true }).extend({ kind: z.literal("saml") }),
]);
export type FederatedSignInInput = z.infer<typeof federatedSignInSchema>;
