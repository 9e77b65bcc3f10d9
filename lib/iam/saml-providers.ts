import { randomBytes } from "node:crypto";
import { getDb, type Tx } from "@/lib/db/client";
import * as repo from "@/lib/db/identity-providers";
import { AwsError } from "@/lib/domain/errors";
import type { CreateSamlProviderInput, UpdateSamlProviderInput } from "@/lib/domain/identity-provider-schemas";
import type { PageRequest } from "@/lib/domain/paging";
import { LIMITS, type Tag } from "@/lib/domain/schemas";
import type { SamlProvider } from "@/lib/domain/types";
import { parseSamlMetadata, type SamlMetadata } from "@/lib/federation/saml-metadata";
import { auditedChange } from "./audit";
import type { RequestContext } from "./context";
import { checkNewTags, pageOfTags, providerArn, providerName, requireProvider, tagProvider, untagProvider } from "./provider-common";

/**
 * IAM SAML providers: CreateSAMLProvider … ListSAMLProviderTags. The metadata document is kept as uploaded and
 * read with lib/federation/saml-metadata; an unreadable one is InvalidInput and changes nothing.
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateSAMLProvider.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_saml.html
 */

const find = (tx: Tx) => (arn: string) => repo.findSamlProvider(tx, arn);
const load = (ctx: RequestContext, arn: string, tx: Tx = getDb()) => requireProvider("saml", find(tx), ctx, arn);

/** The metadata, read and held to IAM's quota on signing keys. */
export function readMetadata(document: string): SamlMetadata {
  const read = parseSamlMetadata(document);
  if (!read.ok) throw new AwsError("InvalidInput", `Could not parse metadata: ${read.reason}.`);
  if (read.metadata.signingCertificates.length > LIMITS.signingKeysPerSamlProvider)
    throw new AwsError("LimitExceeded", `Cannot exceed quota for KeysPerSAMLProvider: ${LIMITS.signingKeysPerSamlProvider}`);
  return read.metadata;
}

/** Roleplane reads signed assertions; it holds no private key to decrypt encrypted ones (AWS's 2024 option). */
function refuseEncryption(input: { AssertionEncryptionMode?: string; AddPrivateKey?: string; RemovePrivateKey?: string }) {
  if (input.AssertionEncryptionMode === "Required" || input.AddPrivateKey !== undefined || input.RemovePrivateKey !== undefined)
    throw new AwsError("InvalidInput", "Roleplane does not decrypt SAML assertions: leave AssertionEncryptionMode unset (or Allowed) and send no private key.");
}

/** GetSAMLProvider's SAMLProviderUUID: 22–64 uppercase letters and digits. */
const newUuid = () => randomBytes(20).toString("hex").toUpperCase().slice(0, 26);

export async function createSamlProvider(ctx: RequestContext, input: CreateSamlProviderInput, extras: { demoKeySealed?: string } = {}): Promise<SamlProvider> {
  const arn = providerArn("saml", ctx.accountId, input.Name);
  return auditedChange(ctx, "CreateSAMLProvider", arn, async (tx) => {
    refuseEncryption(input);
    const tags = checkNewTags(input.Tags);
    const metadata = readMetadata(input.SAMLMetadataDocument);
    const existing = await repo.listProviders(tx, ctx.accountId, "SAML");
    if (existing.some((p) => p.name.toLowerCase() === input.Name.toLowerCase())) throw new AwsError("EntityAlreadyExists", `SAMLProvider ${input.Name} already exists.`);
    if (existing.length >= LIMITS.samlProvidersPerAccount) throw new AwsError("LimitExceeded", `Cannot exceed quota for SAMLProvidersPerAccount: ${LIMITS.samlProvidersPerAccount}`);
    return repo.insertSamlProvider(tx, {
      arn,
      accountId: ctx.accountId,
      name: input.Name,
      uuid: newUuid(),
      metadata: input.SAMLMetadataDocument,
      validUntil: metadata.validUntil,
      tags,
      demoKeySealed: extras.demoKeySealed,
    });
  });
}

export const getSamlProvider = (ctx: RequestContext, arn: string) => load(ctx, arn);

export async function listSamlProviders(ctx: RequestContext): Promise<SamlProvider[]> {
  return repo.listProviders(getDb(), ctx.accountId, "SAML");
}

export async function updateSamlProvider(ctx: RequestContext, input: UpdateSamlProviderInput): Promise<SamlProvider> {
  return auditedChange(ctx, "UpdateSAMLProvider", input.SAMLProviderArn, async (tx) => {
    providerName("saml", input.SAMLProviderArn);
    refuseEncryption(input);
    if (input.SAMLMetadataDocument === undefined && input.AssertionEncryptionMode === undefined)
      throw new AwsError("InvalidInput", "Unable to update identity provider. No updates are defined for metadata or encryption assertion.");
    await load(ctx, input.SAMLProviderArn, tx);
    if (input.SAMLMetadataDocument !== undefined) {
      const metadata = readMetadata(input.SAMLMetadataDocument);
      await repo.updateSamlMetadata(tx, input.SAMLProviderArn, input.SAMLMetadataDocument, metadata.validUntil);
    }
    return load(ctx, input.SAMLProviderArn, tx);
  });
}

export async function deleteSamlProvider(ctx: RequestContext, arn: string): Promise<void> {
  await auditedChange(ctx, "DeleteSAMLProvider", arn, async (tx) => {
    await load(ctx, arn, tx);
    await repo.deleteProviderRow(tx, arn);
  });
}

export async function tagSamlProvider(ctx: RequestContext, arn: string, tags: Tag[]) {
  await tagProvider(ctx, "saml", arn, tags, (tx) => load(ctx, arn, tx));
}

export async function untagSamlProvider(ctx: RequestContext, arn: string, keys: string[]) {
  await untagProvider(ctx, "saml", arn, keys, (tx) => load(ctx, arn, tx));
}

export async function listSamlProviderTags(ctx: RequestContext, arn: string, page: PageRequest) {
  return pageOfTags((await load(ctx, arn)).tags, page);
}
