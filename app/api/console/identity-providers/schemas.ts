import { z } from "zod";
import { clientIdSchema, jwksDocumentSchema, samlMetadataDocumentSchema, thumbprintSchema } from "@/lib/domain/identity-provider-schemas";
import { arnSchema, tagListSchema } from "@/lib/domain/schemas";

/** The identity-provider console routes' bodies, with AWS's member names, composed from the shared schemas. */
const oidcArn = { OpenIDConnectProviderArn: arnSchema };

export const providerQuerySchema = z.object({ arn: arnSchema });
export const clientIdBodySchema = z.object({ ...oidcArn, ClientID: clientIdSchema });
export const thumbprintsBodySchema = z.object({ ...oidcArn, ThumbprintList: z.array(thumbprintSchema) });
export const jwksBodySchema = z.object({ ...oidcArn, Jwks: jwksDocumentSchema });
export const oidcArnBodySchema = z.object(oidcArn);
export const metadataBodySchema = z.object({ SAMLProviderArn: arnSchema, SAMLMetadataDocument: samlMetadataDocumentSchema });
export const providerTagsBodySchema = z.object({ Arn: arnSchema, Tags: tagListSchema });
