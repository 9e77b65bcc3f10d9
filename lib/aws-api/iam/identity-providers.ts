import { z } from "zod";
import * as oidc from "@/lib/iam/oidc-providers";
import * as saml from "@/lib/iam/saml-providers";
import { clientIdSchema, createOidcProviderSchema, createSamlProviderSchema, jwksDocumentSchema, thumbprintSchema, updateSamlProviderSchema } from "@/lib/domain/identity-provider-schemas";
import { arnSchema, paginationSchema, tagKeyListSchema, tagListSchema, type Tag } from "@/lib/domain/schemas";
import type { OidcProvider, SamlProvider } from "@/lib/domain/types";
import { action, type QueryAction } from "../action";
import { pageTail } from "../shapes";
import type { XmlObject, XmlValue } from "../xml";

/**
 * IAM's identity-provider actions (CreateOpenIDConnectProvider … ListSAMLProviderTags), shaped as botocore's
 * iam/2010-05-08 model, plus Roleplane's own UpdateOpenIDConnectProviderJwks (and the `Jwks` member of
 * CreateOpenIDConnectProvider) for the keys tokens are verified with, since Roleplane may have no network to
 * fetch them as AWS does.
 */

const oidcArn = { OpenIDConnectProviderArn: arnSchema };
const samlArn = { SAMLProviderArn: arnSchema };
const oidcOnly = z.object(oidcArn);
const samlOnly = z.object(samlArn);

/** Provider tags come back sorted by key (GetOpenIDConnectProvider, GetSAMLProvider). */
const sortedTags = (tags: Tag[]): XmlValue => (tags.length ? [...tags].sort((a, b) => a.Key.localeCompare(b.Key)).map((t) => ({ Key: t.Key, Value: t.Value })) : undefined);

/** GetOpenIDConnectProvider's Url has no scheme (`token.actions.githubusercontent.com`). */
const oidcShape = (p: OidcProvider): XmlObject => ({
  Url: p.url.slice("https://".length),
  ClientIDList: p.clientIds,
  ThumbprintList: p.thumbprints,
  CreateDate: p.createdAt,
  Tags: sortedTags(p.tags),
});

const samlShape = (p: SamlProvider): XmlObject => ({
  SAMLProviderUUID: p.uuid,
  SAMLMetadataDocument: p.metadataDocument,
  CreateDate: p.createdAt,
  ValidUntil: p.validUntil ?? undefined,
  Tags: sortedTags(p.tags),
});

const tagsPage = (page: { items: Tag[]; isTruncated: boolean; marker?: string }): XmlObject => ({
  Tags: page.items.map((t) => ({ Key: t.Key, Value: t.Value })),
  ...pageTail(page),
});

export const identityProviderActions: Record<string, QueryAction> = {
  CreateOpenIDConnectProvider: action(createOidcProviderSchema, async ({ ctx }, input) => {
    const p = await oidc.createOidcProvider(ctx, input);
    return { OpenIDConnectProviderArn: p.arn, Tags: sortedTags(p.tags) };
  }),
  GetOpenIDConnectProvider: action(oidcOnly, async ({ ctx }, input) => oidcShape(await oidc.getOidcProvider(ctx, input.OpenIDConnectProviderArn))),
  ListOpenIDConnectProviders: action(z.object({}), async ({ ctx }) => ({
    OpenIDConnectProviderList: (await oidc.listOidcProviders(ctx)).map((p) => ({ Arn: p.arn })),
  })),
  DeleteOpenIDConnectProvider: action(oidcOnly, async ({ ctx }, input) => {
    await oidc.deleteOidcProvider(ctx, input.OpenIDConnectProviderArn);
    return undefined;
  }),
  AddClientIDToOpenIDConnectProvider: action(z.object({ ...oidcArn, ClientID: clientIdSchema }), async ({ ctx }, input) => {
    await oidc.addClientId(ctx, input.OpenIDConnectProviderArn, input.ClientID);
    return undefined;
  }),
  RemoveClientIDFromOpenIDConnectProvider: action(z.object({ ...oidcArn, ClientID: clientIdSchema }), async ({ ctx }, input) => {
    await oidc.removeClientId(ctx, input.OpenIDConnectProviderArn, input.ClientID);
    return undefined;
  }),
  UpdateOpenIDConnectProviderThumbprint: action(z.object({ ...oidcArn, ThumbprintList: z.array(thumbprintSchema) }), async ({ ctx }, input) => {
    await oidc.updateThumbprints(ctx, input.OpenIDConnectProviderArn, input.ThumbprintList);
    return undefined;
  }),
  UpdateOpenIDConnectProviderJwks: action(z.object({ ...oidcArn, Jwks: jwksDocumentSchema }), async ({ ctx }, input) => {
    await oidc.setOidcJwks(ctx, input.OpenIDConnectProviderArn, input.Jwks);
    return undefined;
  }),
  TagOpenIDConnectProvider: action(z.object({ ...oidcArn, Tags: tagListSchema }), async ({ ctx }, input) => {
    await oidc.tagOidcProvider(ctx, input.OpenIDConnectProviderArn, input.Tags);
    return undefined;
  }),
  UntagOpenIDConnectProvider: action(z.object({ ...oidcArn, TagKeys: tagKeyListSchema }), async ({ ctx }, input) => {
    await oidc.untagOidcProvider(ctx, input.OpenIDConnectProviderArn, input.TagKeys);
    return undefined;
  }),
  ListOpenIDConnectProviderTags: action(paginationSchema.extend(oidcArn), async ({ ctx }, input) =>
    tagsPage(await oidc.listOidcProviderTags(ctx, input.OpenIDConnectProviderArn, { marker: input.Marker, maxItems: input.MaxItems })),
  ),

  CreateSAMLProvider: action(createSamlProviderSchema, async ({ ctx }, input) => {
    const p = await saml.createSamlProvider(ctx, input);
    return { SAMLProviderArn: p.arn, Tags: sortedTags(p.tags) };
  }),
  GetSAMLProvider: action(samlOnly, async ({ ctx }, input) => samlShape(await saml.getSamlProvider(ctx, input.SAMLProviderArn))),
  ListSAMLProviders: action(z.object({}), async ({ ctx }) => ({
    SAMLProviderList: (await saml.listSamlProviders(ctx)).map((p) => ({ Arn: p.arn, ValidUntil: p.validUntil ?? undefined, CreateDate: p.createdAt })),
  })),
  UpdateSAMLProvider: action(updateSamlProviderSchema, async ({ ctx }, input) => ({ SAMLProviderArn: (await saml.updateSamlProvider(ctx, input)).arn })),
  DeleteSAMLProvider: action(samlOnly, async ({ ctx }, input) => {
    await saml.deleteSamlProvider(ctx, input.SAMLProviderArn);
    return undefined;
  }),
  TagSAMLProvider: action(z.object({ ...samlArn, Tags: tagListSchema }), async ({ ctx }, input) => {
    await saml.tagSamlProvider(ctx, input.SAMLProviderArn, input.Tags);
    return undefined;
  }),
  UntagSAMLProvider: action(z.object({ ...samlArn, TagKeys: tagKeyListSchema }), async ({ ctx }, input) => {
    await saml.untagSamlProvider(ctx, input.SAMLProviderArn, input.TagKeys);
    return undefined;
  }),
  ListSAMLProviderTags: action(paginationSchema.extend(samlArn), async ({ ctx }, input) =>
    tagsPage(await saml.listSamlProviderTags(ctx, input.SAMLProviderArn, { marker: input.Marker, maxItems: input.MaxItems })),
  ),
};
