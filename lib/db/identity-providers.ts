import type { Tx } from "./client";
import { toTags } from "./mappers";
import { tagRows } from "./principal-tables";
import type { Tag } from "@/lib/domain/schemas";
import type { IdentityProviderListItem, OidcProvider, SamlProvider } from "@/lib/domain/types";

/** OIDC and SAML identity providers and their tags. Rows become domain types here; nothing else sees Prisma. */

type ProviderType = "OIDC" | "SAML";

interface ProviderRow {
  arn: string;
  accountId: string;
  type: string;
  name: string;
  audiences: string | null;
  thumbprints: string | null;
  metadata: string | null;
  createdAt: Date;
  jwks: string | null;
  jwksSource: string | null;
  jwksUpdatedAt: Date | null;
  uuid: string | null;
  validUntil: Date | null;
  demoKeySealed: string | null;
  tags: { key: string; value: string; position: number }[];
}

const list = (json: string | null): string[] => (json ? (JSON.parse(json) as string[]) : []);

function toOidc(r: ProviderRow): OidcProvider {
  return {
    arn: r.arn,
    accountId: r.accountId,
    url: `https://${r.name}`,
    clientIds: list(r.audiences),
    thumbprints: list(r.thumbprints),
    createdAt: r.createdAt,
    tags: toTags(r.tags),
    jwks: r.jwks,
    jwksSource: r.jwksSource === "upload" || r.jwksSource === "discovery" ? r.jwksSource : null,
    jwksUpdatedAt: r.jwksUpdatedAt,
    demo: r.demoKeySealed !== null,
  };
}

function toSaml(r: ProviderRow): SamlProvider {
  return {
    arn: r.arn,
    accountId: r.accountId,
    name: r.name,
    uuid: r.uuid ?? "",
    metadataDocument: r.metadata ?? "",
    createdAt: r.createdAt,
    validUntil: r.validUntil,
    tags: toTags(r.tags),
    demo: r.demoKeySealed !== null,
  };
}

const withTags = { include: { tags: true } } as const;

async function findRow(tx: Tx, type: ProviderType, arn: string) {
  const row = await tx.identityProvider.findUnique({ where: { arn }, ...withTags });
  return row && row.type === type ? row : null;
}

export async function findOidcProvider(tx: Tx, arn: string): Promise<OidcProvider | null> {
  const row = await findRow(tx, "OIDC", arn);
  return row ? toOidc(row) : null;
}

export async function findSamlProvider(tx: Tx, arn: string): Promise<SamlProvider | null> {
  const row = await findRow(tx, "SAML", arn);
  return row ? toSaml(row) : null;
}

/** The providers of one type in an account, oldest first. */
export async function listProviders(tx: Tx, accountId: string, type: "OIDC"): Promise<OidcProvider[]>;
export async function listProviders(tx: Tx, accountId: string, type: "SAML"): Promise<SamlProvider[]>;
export async function listProviders(tx: Tx, accountId: string, type: ProviderType): Promise<(OidcProvider | SamlProvider)[]> {
  const rows = await tx.identityProvider.findMany({ where: { accountId, type }, orderBy: [{ createdAt: "asc" }, { arn: "asc" }], ...withTags });
  return rows.map((r) => (type === "OIDC" ? toOidc(r) : toSaml(r)));
}

export async function listProviderItems(tx: Tx, accountId: string): Promise<IdentityProviderListItem[]> {
  const rows = await tx.identityProvider.findMany({
    where: { accountId },
    select: { arn: true, type: true, name: true, createdAt: true, validUntil: true, demoKeySealed: true },
    orderBy: [{ type: "asc" }, { name: "asc" }],
  });
  return rows.map((r) => ({
    arn: r.arn,
    type: r.type === "SAML" ? "SAML" : "OIDC",
    name: r.type === "SAML" ? r.name : `https://${r.name}`,
    createdAt: r.createdAt,
    validUntil: r.validUntil,
    demo: r.demoKeySealed !== null,
  }));
}

export async function countProviders(tx: Tx, accountId: string, type: ProviderType): Promise<number> {
  return tx.identityProvider.count({ where: { accountId, type } });
}

export interface NewOidcProvider {
  arn: string;
  accountId: string;
  /** The URL without `https://`. */
  name: string;
  clientIds: string[];
  thumbprints: string[];
  tags: Tag[];
  jwks: string | null;
  jwksSource: "upload" | "discovery" | null;
  demoKeySealed?: string;
}

export async function insertOidcProvider(tx: Tx, p: NewOidcProvider): Promise<OidcProvider> {
  const row = await tx.identityProvider.create({
    data: {
      arn: p.arn,
      accountId: p.accountId,
      type: "OIDC",
      name: p.name,
      audiences: JSON.stringify(p.clientIds),
      thumbprints: JSON.stringify(p.thumbprints),
      jwks: p.jwks,
      jwksSource: p.jwksSource,
      jwksUpdatedAt: p.jwks ? new Date() : null,
      demoKeySealed: p.demoKeySealed ?? null,
      tags: { create: tagRows(p.tags) },
    },
    ...withTags,
  });
  return toOidc(row);
}

export interface NewSamlProvider {
  arn: string;
  accountId: string;
  name: string;
  uuid: string;
  metadata: string;
  validUntil: Date | null;
  tags: Tag[];
  demoKeySealed?: string;
}

export async function insertSamlProvider(tx: Tx, p: NewSamlProvider): Promise<SamlProvider> {
  const row = await tx.identityProvider.create({
    data: {
      arn: p.arn,
      accountId: p.accountId,
      type: "SAML",
      name: p.name,
      uuid: p.uuid,
      metadata: p.metadata,
      validUntil: p.validUntil,
      demoKeySealed: p.demoKeySealed ?? null,
      tags: { create: tagRows(p.tags) },
    },
    ...withTags,
  });
  return toSaml(row);
}

export async function updateOidcProvider(
  tx: Tx,
  arn: string,
  changes: { clientIds?: string[]; thumbprints?: string[]; jwks?: { text: string; source: "upload" | "discovery" } },
): Promise<void> {
  await tx.identityProvider.update({
    where: { arn },
    data: {
      ...(changes.clientIds ? { audiences: JSON.stringify(changes.clientIds) } : {}),
      ...(changes.thumbprints ? { thumbprints: JSON.stringify(changes.thumbprints) } : {}),
      ...(changes.jwks ? { jwks: changes.jwks.text, jwksSource: changes.jwks.source, jwksUpdatedAt: new Date() } : {}),
    },
  });
}

export async function updateSamlMetadata(tx: Tx, arn: string, metadata: string, validUntil: Date | null): Promise<void> {
  // New metadata comes from the organisation's own IdP: the demo key no longer signs for this provider.
  await tx.identityProvider.update({ where: { arn }, data: { metadata, validUntil, demoKeySealed: null } });
}

export async function replaceProviderTags(tx: Tx, arn: string, tags: Tag[]): Promise<void> {
  await tx.identityProviderTag.deleteMany({ where: { providerArn: arn } });
  await tx.identityProviderTag.createMany({ data: tagRows(tags).map((row) => ({ providerArn: arn, ...row })) });
}

export async function deleteProviderRow(tx: Tx, arn: string): Promise<void> {
  await tx.identityProvider.deleteMany({ where: { arn } });
}

/** The sealed private key of Roleplane's demo provider, or null when the provider is not one. */
export async function findDemoKey(tx: Tx, arn: string): Promise<string | null> {
  const row = await tx.identityProvider.findUnique({ where: { arn }, select: { demoKeySealed: true } });
  return row?.demoKeySealed ?? null;
}

/**
 * Roles whose trust policy text mentions `needle` (e.g. `111111111111:saml-provider`, which no JSON escape can
 * hide: ARNs' slashes may be written `\/`). The caller confirms each by reading the policy.
 */
export async function findRolesMentioning(tx: Tx, needle: string) {
  return tx.role.findMany({
    where: { assumeRolePolicy: { contains: needle } },
    select: { name: true, arn: true, accountId: true, assumeRolePolicy: true },
    orderBy: [{ accountId: "asc" }, { nameLower: "asc" }],
    take: 1000,
  });
}
