import { getDb, type Tx } from "@/lib/db/client";
import * as repo from "@/lib/db/identity-providers";
import { AwsError } from "@/lib/domain/errors";
import type { IdentityProviderDetails, IdentityProviderListItem } from "@/lib/domain/types";
import { parseSamlMetadata } from "@/lib/federation/saml-metadata";
import type { RequestContext } from "./context";
import { deleteOidcProvider, getOidcProvider, oidcSigningKeys } from "./oidc-providers";
import type { Tag } from "@/lib/domain/schemas";
import { replaceTagsOfProvider, requireProvider, rolesNamingProvider } from "./provider-common";
import { deleteSamlProvider, getSamlProvider } from "./saml-providers";

/** The console's view of identity providers: both kinds in one list, and one page per provider. */

export async function listIdentityProviders(ctx: RequestContext): Promise<IdentityProviderListItem[]> {
  return repo.listProviderItems(getDb(), ctx.accountId);
}

const kindOf = (arn: string) => (/^arn:aws:iam::\d{12}:oidc-provider\//.test(arn) ? "oidc" : /^arn:aws:iam::\d{12}:saml-provider\//.test(arn) ? "saml" : null);

function requireKind(arn: string) {
  const kind = kindOf(arn);
  if (!kind) throw new AwsError("InvalidInput", "Not an identity provider ARN (arn:aws:iam::<account>:oidc-provider/… or :saml-provider/…).");
  return kind;
}

export async function describeIdentityProvider(ctx: RequestContext, arn: string): Promise<IdentityProviderDetails> {
  const kind = requireKind(arn);
  const roles = rolesNamingProvider(getDb(), kind, arn);
  if (kind === "oidc") {
    const provider = await getOidcProvider(ctx, arn);
    return { type: "OIDC", provider, keys: oidcSigningKeys(provider), roles: await roles };
  }
  const provider = await getSamlProvider(ctx, arn);
  const md = parseSamlMetadata(provider.metadataDocument);
  return {
    type: "SAML",
    provider,
    entityId: md.ok ? md.metadata.entityId : null,
    certificates: md.ok ? md.metadata.signingCertificates : [],
    signOnUrls: md.ok ? md.metadata.signOnUrls : [],
    roles: await roles,
  };
}

export async function deleteIdentityProvider(ctx: RequestContext, arn: string): Promise<void> {
  const kind = requireKind(arn);
  if (kind === "oidc") {
    await getOidcProvider(ctx, arn);
    await deleteOidcProvider(ctx, arn);
  } else await deleteSamlProvider(ctx, arn);
}

/** Replaces a provider's tags (either kind) in one change. */
export async function setIdentityProviderTags(ctx: RequestContext, arn: string, tags: Tag[]): Promise<void> {
  const kind = requireKind(arn);
  const find = (tx: Tx) => (a: string): Promise<{ accountId: string } | null> => (kind === "oidc" ? repo.findOidcProvider(tx, a) : repo.findSamlProvider(tx, a));
  await replaceTagsOfProvider(ctx, kind, arn, tags, (tx) => requireProvider(kind, find(tx), ctx, arn));
}
