import type { JSONWebKeySet } from "jose";
import { getDb } from "@/lib/db/client";
import * as repo from "@/lib/db/identity-providers";
import { discoverJwks, type DiscoveryOptions } from "@/lib/federation/discovery";
import { parseJwks } from "@/lib/federation/jwks";
import { refuse, type Verification } from "@/lib/federation/refusal";
import { parseSamlMetadata } from "@/lib/federation/saml-metadata";
import { verifySamlResponse, type VerifiedSamlAssertion } from "@/lib/federation/saml-response";
import { verifyWebIdentityJwt, type VerifiedWebIdentity, type WebIdentityTrust } from "@/lib/federation/web-identity";
import type { OidcProvider } from "@/lib/domain/types";
import { providerName } from "./provider-common";

/**
 * The federation checks STS calls, with the store behind them: which OIDC provider of the role's account a token's
 * issuer names (or which well-known provider AWS trusts without registration), its keys, and the SAML provider
 * PrincipalArn names with its metadata certificates. The checks themselves are lib/federation's, pure.
 */

/**
 * Providers AWS accepts in `Principal.Federated` without an IAM provider. Google and Cognito issue OpenID Connect
 * ID tokens whose keys their discovery documents publish; Roleplane fetches them when a network exists.
 * Login with Amazon and Facebook issue OAuth 2.0 access tokens (ProviderId), which only the provider can check.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_oidc.html
 */
const WELL_KNOWN_ISSUERS: Record<string, { keyPrefix: string; issuerUrl: string }> = {
  "https://accounts.google.com": { keyPrefix: "accounts.google.com", issuerUrl: "https://accounts.google.com" },
  "accounts.google.com": { keyPrefix: "accounts.google.com", issuerUrl: "https://accounts.google.com" },
  "https://cognito-identity.amazonaws.com": { keyPrefix: "cognito-identity.amazonaws.com", issuerUrl: "https://cognito-identity.amazonaws.com" },
};

/** Keys fetched from issuers, kept for ten minutes (a failure for one), so a burst of sign-ins makes one request. */
const DISCOVERY_TTL_MS = 10 * 60_000;
const FAILURE_TTL_MS = 60_000;
const discovered = new Map<string, { jwks: JSONWebKeySet | null; until: number }>();

async function keysFromIssuer(issuerUrl: string, options?: DiscoveryOptions): Promise<JSONWebKeySet | null> {
  const hit = discovered.get(issuerUrl);
  if (hit && hit.until > Date.now()) return hit.jwks;
  const found = await discoverJwks(issuerUrl, options);
  const jwks = found.ok ? found.jwks : null;
  discovered.set(issuerUrl, { jwks, until: Date.now() + (jwks ? DISCOVERY_TTL_MS : FAILURE_TTL_MS) });
  return jwks;
}

/** An uploaded (or stored) JWKS wins; without one the issuer is asked, best effort. */
function providerKeys(p: OidcProvider, options?: DiscoveryOptions): () => Promise<JSONWebKeySet | null> {
  return async () => {
    if (p.jwks) {
      const read = parseJwks(p.jwks);
      return read.ok ? read.jwks : null;
    }
    return keysFromIssuer(p.url, options);
  };
}

/**
 * The issuer as providers are stored: the host is compared without case (DNS names have none), the path with it,
 * since one host may serve many issuers (tenants) that share signing keys.
 */
function normalizedIssuer(issuer: string): string | null {
  const m = /^https:\/\/([^/]+)(\/.*)?$/i.exec(issuer);
  return m ? `https://${m[1].toLowerCase()}${m[2] ?? ""}` : null;
}

export interface WebIdentityTokenCheck {
  /** AssumeRoleWithWebIdentity's WebIdentityToken. */
  token: string;
  /** The account of the role being assumed: its OIDC providers are the ones trusted. */
  accountId: string;
  /** AssumeRoleWithWebIdentity's ProviderId (OAuth 2.0 access tokens only). */
  providerId?: string;
  now?: Date;
  /** Tests only: how the issuer's discovery document is fetched. */
  discovery?: DiscoveryOptions;
}

/**
 * Verifies a web identity token for AssumeRoleWithWebIdentity: the claims and condition keys, or a refusal with
 * AWS's code (InvalidIdentityToken, ExpiredTokenException, IDPCommunicationError) and words.
 */
export async function verifyWebIdentityToken(check: WebIdentityTokenCheck): Promise<Verification<VerifiedWebIdentity>> {
  const providers = await repo.listProviders(getDb(), check.accountId, "OIDC");
  return verifyWebIdentityJwt({ token: check.token, providerId: check.providerId, now: check.now }, async (issuer): Promise<WebIdentityTrust | null> => {
    const registered = providers.find((p) => p.url === normalizedIssuer(issuer));
    if (registered) return { providerArn: registered.arn, keyPrefix: registered.url.slice("https://".length), clientIds: registered.clientIds, keys: providerKeys(registered, check.discovery) };
    const known = WELL_KNOWN_ISSUERS[issuer];
    if (known) return { providerArn: null, keyPrefix: known.keyPrefix, clientIds: null, keys: () => keysFromIssuer(known.issuerUrl, check.discovery) };
    return null;
  });
}

export interface SamlAssertionCheck {
  /** AssumeRoleWithSAML's SAMLAssertion (base64). */
  samlAssertion: string;
  roleArn: string;
  /** AssumeRoleWithSAML's PrincipalArn: the SAML provider. */
  principalArn: string;
  now?: Date;
}

/**
 * Verifies a SAML response for AssumeRoleWithSAML against the provider PrincipalArn names: the session facts and
 * `SAML:*` condition keys, or a refusal with AWS's code (InvalidIdentityToken, ExpiredTokenException,
 * IDPRejectedClaim) and words.
 */
export async function verifySamlAssertion(check: SamlAssertionCheck): Promise<Verification<VerifiedSamlAssertion>> {
  const missing = refuse("InvalidIdentityToken", "Specified provider doesn't exist");
  let name: { accountId: string; name: string };
  try {
    name = providerName("saml", check.principalArn);
  } catch {
    return missing;
  }
  const provider = await repo.findSamlProvider(getDb(), check.principalArn);
  if (!provider) return missing;
  const metadata = parseSamlMetadata(provider.metadataDocument);
  if (!metadata.ok) return missing;
  return verifySamlResponse(
    { samlAssertion: check.samlAssertion, roleArn: check.roleArn, principalArn: check.principalArn, now: check.now },
    { arn: provider.arn, accountId: name.accountId, name: name.name, entityId: metadata.metadata.entityId, certificatesPem: metadata.metadata.signingCertificates.map((c) => c.pem) },
  );
}
