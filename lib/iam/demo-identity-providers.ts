import { getDb } from "@/lib/db/client";
import * as repo from "@/lib/db/identity-providers";
import { openSecret, sealSecret } from "@/lib/crypto/secrets";
import { AwsError } from "@/lib/domain/errors";
import type { MintDemoAssertionInput, MintDemoTokenInput } from "@/lib/domain/identity-provider-schemas";
import type { OidcProvider, SamlProvider } from "@/lib/domain/types";
import {
  DEMO_CLIENT_ID,
  DEMO_SAML_PROVIDER_NAME,
  demoOidcIssuer,
  demoSamlEntityId,
  generateDemoOidcKeys,
  generateDemoSamlIdentity,
  mintDemoJwt,
  mintDemoSamlResponse,
} from "@/lib/federation/demo-idp";
import { parseSamlMetadata } from "@/lib/federation/saml-metadata";
import { auditedChange } from "./audit";
import type { RequestContext } from "./context";
import { createOidcProvider, oidcProviderName } from "./oidc-providers";
import { providerArn } from "./provider-common";
import { createSamlProvider } from "./saml-providers";

/**
 * Roleplane's built-in test identity provider, one OIDC and one SAML provider per account, registered on request
 * like any other provider, but with keys Roleplane generates and keeps sealed at rest (lib/crypto/secrets). An
 * admin mints tokens and assertions with them to try web-identity and SAML roles end to end. Minting is audited;
 * the minted token is never stored or logged.
 */

export const demoOidcArn = (accountId: string) => providerArn("oidc", accountId, oidcProviderName(demoOidcIssuer(accountId)));
export const demoSamlArn = (accountId: string) => providerArn("saml", accountId, DEMO_SAML_PROVIDER_NAME);

export interface DemoProviders {
  oidc: OidcProvider | null;
  saml: SamlProvider | null;
}

/** The account's demo providers, when registered (a provider at that ARN without a Roleplane key is not one). */
export async function getDemoProviders(ctx: RequestContext): Promise<DemoProviders> {
  const db = getDb();
  const [oidc, saml] = await Promise.all([repo.findOidcProvider(db, demoOidcArn(ctx.accountId)), repo.findSamlProvider(db, demoSamlArn(ctx.accountId))]);
  return { oidc: oidc?.demo ? oidc : null, saml: saml?.demo ? saml : null };
}

export async function registerDemoOidcProvider(ctx: RequestContext): Promise<OidcProvider> {
  const keys = await generateDemoOidcKeys();
  return createOidcProvider(
    ctx,
    { Url: demoOidcIssuer(ctx.accountId), ClientIDList: [DEMO_CLIENT_ID], Jwks: JSON.stringify(keys.jwks), Tags: [{ Key: "roleplane:demo", Value: "true" }] },
    { demoKeySealed: sealSecret(keys.privateKeyPem) },
  );
}

export async function registerDemoSamlProvider(ctx: RequestContext): Promise<SamlProvider> {
  const identity = generateDemoSamlIdentity(demoSamlEntityId(ctx.accountId));
  return createSamlProvider(
    ctx,
    { Name: DEMO_SAML_PROVIDER_NAME, SAMLMetadataDocument: identity.metadataXml, Tags: [{ Key: "roleplane:demo", Value: "true" }] },
    { demoKeySealed: sealSecret(identity.privateKeyPem) },
  );
}

const notRegistered = (what: string) => new AwsError("NoSuchEntity", `Register the demo ${what} provider of this account first.`);

export async function mintDemoWebIdentityToken(ctx: RequestContext, input: MintDemoTokenInput): Promise<{ token: string; expiresAt: Date; issuer: string }> {
  const arn = demoOidcArn(ctx.accountId);
  return auditedChange(ctx, "MintDemoWebIdentityToken", arn, async (tx) => {
    const provider = await repo.findOidcProvider(tx, arn);
    const sealed = await repo.findDemoKey(tx, arn);
    const kid = provider?.jwks ? (JSON.parse(provider.jwks) as { keys: { kid?: string }[] }).keys[0]?.kid : undefined;
    if (!provider || !sealed || !kid) throw notRegistered("OIDC");
    const minted = await mintDemoJwt({ issuer: provider.url, privateKeyPem: openSecret(sealed), kid }, input);
    return { ...minted, issuer: provider.url };
  });
}

export async function mintDemoSamlAssertion(ctx: RequestContext, input: MintDemoAssertionInput): Promise<{ samlAssertion: string; expiresAt: Date; principalArn: string }> {
  const arn = demoSamlArn(ctx.accountId);
  return auditedChange(ctx, "MintDemoSAMLAssertion", arn, async (tx) => {
    const provider = await repo.findSamlProvider(tx, arn);
    const sealed = await repo.findDemoKey(tx, arn);
    const metadata = provider ? parseSamlMetadata(provider.metadataDocument) : null;
    if (!provider || !sealed || !metadata?.ok) throw notRegistered("SAML");
    const minted = mintDemoSamlResponse(
      { entityId: metadata.metadata.entityId, providerArn: arn, privateKeyPem: openSecret(sealed), certificatePem: metadata.metadata.signingCertificates[0].pem },
      input,
    );
    return { ...minted, principalArn: arn };
  });
}
