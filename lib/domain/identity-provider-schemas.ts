import { z } from "zod";
import { LIMITS } from "./limits";
import { arnSchema, awsString, tagListSchema } from "./schemas";

/**
 * Inputs of the IAM identity-provider actions (botocore iam/2010-05-08: `OpenIDConnectProviderUrlType`,
 * `clientIDType`, `thumbprintType`, `SAMLProviderNameType`, `SAMLMetadataDocumentType`) and of Roleplane's own
 * additions: the JWKS an OIDC provider's tokens are checked against, and the built-in test identity provider.
 * Shared by the Query API and the console, so each bound lives here once.
 */

export const oidcProviderUrlSchema = awsString(LIMITS.oidcProviderUrl);
export const clientIdSchema = awsString(LIMITS.clientId);
/** AWS bounds only the length (exactly 40); the hex check is the service's (InvalidInput). */
export const thumbprintSchema = awsString({ min: 40, max: 40 });
export const samlProviderNameSchema = awsString({ ...LIMITS.samlProviderName, pattern: /^[\w._-]+$/, patternText: "[\\w._-]+" });
export const samlMetadataDocumentSchema = awsString(LIMITS.samlMetadataDocument);
/** Roleplane's own: a JSON Web Key Set (RFC 7517) as text. */
export const jwksDocumentSchema = awsString(LIMITS.jwksDocument);

export const createOidcProviderSchema = z.object({
  Url: oidcProviderUrlSchema,
  ClientIDList: z.array(clientIdSchema).optional(),
  ThumbprintList: z.array(thumbprintSchema).optional(),
  Tags: tagListSchema.optional(),
  /** Roleplane's own member: the issuer's signing keys. AWS fetches them from the issuer; Roleplane may have no network. */
  Jwks: jwksDocumentSchema.optional(),
});
export type CreateOidcProviderInput = z.infer<typeof createOidcProviderSchema>;

const encryptionModeSchema = z.enum(["Required", "Allowed"], { message: "Member must satisfy enum value set: [Required, Allowed]" });

export const createSamlProviderSchema = z.object({
  SAMLMetadataDocument: samlMetadataDocumentSchema,
  Name: samlProviderNameSchema,
  Tags: tagListSchema.optional(),
  AssertionEncryptionMode: encryptionModeSchema.optional(),
  AddPrivateKey: z.string().optional(),
});
export type CreateSamlProviderInput = z.infer<typeof createSamlProviderSchema>;

export const updateSamlProviderSchema = z.object({
  SAMLProviderArn: arnSchema,
  SAMLMetadataDocument: samlMetadataDocumentSchema.optional(),
  AssertionEncryptionMode: encryptionModeSchema.optional(),
  AddPrivateKey: z.string().optional(),
  RemovePrivateKey: z.string().optional(),
});
export type UpdateSamlProviderInput = z.infer<typeof updateSamlProviderSchema>;

/** What AssumeRoleWithWebIdentity and AssumeRoleWithSAML take as the identity (botocore sts `clientTokenType`, `SAMLAssertionType`). */
export const webIdentityTokenSchema = awsString(LIMITS.webIdentityToken);
export const samlAssertionSchema = awsString(LIMITS.samlAssertion);

// ---------------------------------------------------------------------------------------------------------------
// Roleplane's built-in test identity provider.

const claimValue = z.union([z.string().max(1024), z.array(z.string().max(1024)).max(50)]);
/** Claims the minted token must not carry from the form: the minter sets them itself. */
const RESERVED_CLAIMS = new Set(["iss", "aud", "sub", "exp", "nbf", "iat", "jti"]);

export const mintDemoTokenSchema = z.object({
  subject: z.string().min(1, { message: "Enter a subject." }).max(255),
  audience: z.string().min(1, { message: "Enter an audience." }).max(LIMITS.clientId.max),
  /** How long the token is valid, in seconds (a minute to a day). */
  expiresInSeconds: z.number().int().min(60).max(86_400).default(3600),
  /** Further claims: `email`, `amr`, `azp`, or any of the issuer's own. */
  claims: z
    .record(z.string().min(1).max(128), claimValue)
    .refine((c) => Object.keys(c).length <= 50, { message: "At most 50 extra claims." })
    .refine((c) => !Object.keys(c).some((k) => RESERVED_CLAIMS.has(k)), { message: "iss, aud, sub, exp, nbf, iat and jti are set by the minter." })
    .default({}),
});
export type MintDemoTokenInput = z.infer<typeof mintDemoTokenSchema>;

export const NAME_ID_FORMATS = ["persistent", "transient", "emailAddress", "unspecified"] as const;

/** A role session name as the SAML RoleSessionName attribute must be (IAM user guide, "Configure SAML assertions"). */
export const SAML_SESSION_NAME = /^[a-zA-Z_0-9+=,.@-]{2,64}$/;

export const mintDemoAssertionSchema = z.object({
  subject: z.string().min(1, { message: "Enter a subject (NameID)." }).max(255),
  nameIdFormat: z.enum(NAME_ID_FORMATS).default("persistent"),
  /** Roles the assertion offers; each becomes a `role ARN,provider ARN` value of the Role attribute. */
  roleArns: z.array(arnSchema).min(1, { message: "Choose at least one role." }).max(10),
  roleSessionName: z.string().regex(SAML_SESSION_NAME, { message: "2–64 letters, digits and _ + = , . @ -" }),
  sessionDuration: z.number().int().min(900).max(43_200).optional(),
  audience: z.string().min(1).max(1024).default("https://signin.aws.amazon.com/saml"),
  recipient: z.string().min(1).max(1024).default("https://signin.aws.amazon.com/saml"),
  expiresInSeconds: z.number().int().min(60).max(86_400).default(300),
  /** Further attributes by their SAML Name, e.g. `https://aws.amazon.com/SAML/Attributes/PrincipalTag:team`. */
  attributes: z
    .record(z.string().min(1).max(512), z.array(z.string().max(1024)).min(1).max(50))
    .refine((a) => Object.keys(a).length <= 50, { message: "At most 50 extra attributes." })
    .default({}),
});
export type MintDemoAssertionInput = z.infer<typeof mintDemoAssertionSchema>;
