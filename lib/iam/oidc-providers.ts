import { getDb, type Tx } from "@/lib/db/client";
import * as repo from "@/lib/db/identity-providers";
import { AwsError, clip } from "@/lib/domain/errors";
import type { CreateOidcProviderInput } from "@/lib/domain/identity-provider-schemas";
import type { PageRequest } from "@/lib/domain/paging";
import { LIMITS, type Tag } from "@/lib/domain/schemas";
import type { OidcProvider } from "@/lib/domain/types";
import { discoverJwks } from "@/lib/federation/discovery";
import { parseJwks, type SigningKeySummary } from "@/lib/federation/jwks";
import { auditedChange } from "./audit";
import type { RequestContext } from "./context";
import { checkNewTags, pageOfTags, providerArn, requireProvider, tagProvider, untagProvider } from "./provider-common";

/**
 * IAM OpenID Connect providers: CreateOpenIDConnectProvider … ListOpenIDConnectProviderTags, with AWS's rules and
 * words, plus Roleplane's own: the JSON Web Key Set tokens are verified with, uploaded or fetched from the issuer.
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateOpenIDConnectProvider.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_oidc.html
 */

/** https://host[/path]: no port, query or fragment (CreateOpenIDConnectProvider's Url). */
const OIDC_URL = /^https:\/\/([a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*)(\/[\x21-\x22\x24-\x3e\x40-\x7e]*)?$/i;

/** The URL without `https://`, as the ARN and condition keys carry it; InvalidInput when it is not an issuer URL. */
export function oidcProviderName(url: string): string {
  const m = OIDC_URL.exec(url);
  if (!m) throw new AwsError("InvalidInput", `Invalid OpenID Connect provider URL ${clip(url)}: it must begin with https:// and name a host, with an optional path and no port, query string or fragment.`);
  return `${m[1].toLowerCase()}${m[2] ?? ""}`;
}

const find = (tx: Tx) => (arn: string) => repo.findOidcProvider(tx, arn);
const load = (ctx: RequestContext, arn: string, tx: Tx = getDb()) => requireProvider("oidc", find(tx), ctx, arn);

const unique = (values: string[]) => [...new Set(values)];

function checkClientIds(ids: string[]): string[] {
  const out = unique(ids);
  if (out.length > LIMITS.clientIdsPerOidcProvider) throw new AwsError("LimitExceeded", `Cannot exceed quota for ClientIDsPerOpenIdConnectProvider: ${LIMITS.clientIdsPerOidcProvider}`);
  return out;
}

/** Thumbprints are the hex SHA-1 of a certificate: 40 hex digits, compared without case. */
function checkThumbprints(list: string[]): string[] {
  for (const t of list) if (!/^[0-9a-f]{40}$/i.test(t)) throw new AwsError("InvalidInput", `Thumbprint ${clip(t)} is not 40 hexadecimal characters (the SHA-1 fingerprint of a certificate).`);
  const out = unique(list.map((t) => t.toLowerCase()));
  if (out.length > LIMITS.thumbprintsPerOidcProvider) throw new AwsError("LimitExceeded", `Cannot exceed quota for ThumbprintsPerOpenIdConnectProvider: ${LIMITS.thumbprintsPerOidcProvider}`);
  return out;
}

function checkJwks(text: string): string {
  const read = parseJwks(text);
  if (!read.ok) throw new AwsError("InvalidInput", `The JWKS cannot be used: ${read.reason}.`);
  return JSON.stringify(read.jwks);
}

export interface NewOidcProviderExtras {
  /** Set for Roleplane's demo provider: its sealed private key. */
  demoKeySealed?: string;
}

export async function createOidcProvider(ctx: RequestContext, input: CreateOidcProviderInput, extras: NewOidcProviderExtras = {}): Promise<OidcProvider> {
  const name = oidcProviderName(input.Url);
  const arn = providerArn("oidc", ctx.accountId, name);
  return auditedChange(ctx, "CreateOpenIDConnectProvider", arn, async (tx) => {
    const tags = checkNewTags(input.Tags);
    const clientIds = checkClientIds(input.ClientIDList ?? []);
    const thumbprints = checkThumbprints(input.ThumbprintList ?? []);
    const jwks = input.Jwks ? checkJwks(input.Jwks) : null;
    const existing = await repo.listProviders(tx, ctx.accountId, "OIDC");
    if (existing.some((p) => p.url === `https://${name}`)) throw new AwsError("EntityAlreadyExists", `Provider with url https://${name} already exists.`);
    if (existing.length >= LIMITS.oidcProvidersPerAccount)
      throw new AwsError("LimitExceeded", `Cannot exceed quota for OpenIdConnectProvidersPerAccount: ${LIMITS.oidcProvidersPerAccount}`);
    return repo.insertOidcProvider(tx, { arn, accountId: ctx.accountId, name, clientIds, thumbprints, tags, jwks, jwksSource: jwks ? "upload" : null, demoKeySealed: extras.demoKeySealed });
  });
}

export const getOidcProvider = (ctx: RequestContext, arn: string) => load(ctx, arn);

export async function listOidcProviders(ctx: RequestContext): Promise<OidcProvider[]> {
  return repo.listProviders(getDb(), ctx.accountId, "OIDC");
}

/** Idempotent, as IAM documents: deleting a provider that does not exist succeeds. */
export async function deleteOidcProvider(ctx: RequestContext, arn: string): Promise<void> {
  await auditedChange(ctx, "DeleteOpenIDConnectProvider", arn, async (tx) => {
    const p = await repo.findOidcProvider(tx, arn);
    if (p && p.accountId === ctx.accountId) await repo.deleteProviderRow(tx, arn);
  });
}

/** Idempotent: adding a client ID that is already there changes nothing. */
export async function addClientId(ctx: RequestContext, arn: string, clientId: string): Promise<void> {
  await auditedChange(ctx, "AddClientIDToOpenIDConnectProvider", arn, async (tx) => {
    const p = await load(ctx, arn, tx);
    if (!p.clientIds.includes(clientId)) await repo.updateOidcProvider(tx, arn, { clientIds: checkClientIds([...p.clientIds, clientId]) });
  });
}

/** Idempotent: removing a client ID that is not there changes nothing. */
export async function removeClientId(ctx: RequestContext, arn: string, clientId: string): Promise<void> {
  await auditedChange(ctx, "RemoveClientIDFromOpenIDConnectProvider", arn, async (tx) => {
    const p = await load(ctx, arn, tx);
    if (p.clientIds.includes(clientId)) await repo.updateOidcProvider(tx, arn, { clientIds: p.clientIds.filter((c) => c !== clientId) });
  });
}

/** Replaces the whole list (the lists are not merged). */
export async function updateThumbprints(ctx: RequestContext, arn: string, thumbprints: string[]): Promise<void> {
  await auditedChange(ctx, "UpdateOpenIDConnectProviderThumbprint", arn, async (tx) => {
    await load(ctx, arn, tx);
    await repo.updateOidcProvider(tx, arn, { thumbprints: checkThumbprints(thumbprints) });
  });
}

/** Roleplane's own: replaces the keys tokens are verified with. */
export async function setOidcJwks(ctx: RequestContext, arn: string, jwksText: string): Promise<void> {
  await auditedChange(ctx, "UpdateOpenIDConnectProviderJwks", arn, async (tx) => {
    const p = await load(ctx, arn, tx);
    if (p.demo) throw new AwsError("InvalidInput", "The demo provider's keys are Roleplane's own; delete it and register it again for new keys.");
    await repo.updateOidcProvider(tx, arn, { jwks: { text: checkJwks(jwksText), source: "upload" } });
  });
}

/**
 * Roleplane's own: fetches the keys from the issuer's discovery document and keeps them. Where no network exists
 * this fails with IAM's OpenIdIdpCommunicationError and changes nothing.
 */
export async function fetchOidcJwks(ctx: RequestContext, arn: string): Promise<void> {
  const p = await load(ctx, arn);
  const found = await discoverJwks(p.url);
  await auditedChange(ctx, "UpdateOpenIDConnectProviderJwks", arn, async (tx) => {
    if (!found.ok) throw new AwsError("OpenIdIdpCommunicationError", `Could not fetch the signing keys of ${p.url}: ${found.reason}. Upload the provider's JWKS instead.`);
    await load(ctx, arn, tx);
    await repo.updateOidcProvider(tx, arn, { jwks: { text: JSON.stringify(found.jwks), source: "discovery" } });
  });
}

export async function tagOidcProvider(ctx: RequestContext, arn: string, tags: Tag[]) {
  await tagProvider(ctx, "oidc", arn, tags, (tx) => load(ctx, arn, tx));
}

export async function untagOidcProvider(ctx: RequestContext, arn: string, keys: string[]) {
  await untagProvider(ctx, "oidc", arn, keys, (tx) => load(ctx, arn, tx));
}

export async function listOidcProviderTags(ctx: RequestContext, arn: string, page: PageRequest) {
  return pageOfTags((await load(ctx, arn)).tags, page);
}

/** The provider's signing keys as the console lists them (none when no JWKS is held). */
export function oidcSigningKeys(p: OidcProvider): SigningKeySummary[] {
  if (!p.jwks) return [];
  const read = parseJwks(p.jwks);
  return read.ok ? read.keys : [];
}
