import type { Tx } from "@/lib/db/client";
import * as repo from "@/lib/db/identity-providers";
import { AwsError, clip } from "@/lib/domain/errors";
import { LIMITS, type Tag } from "@/lib/domain/schemas";
import type { RoleNamingProvider } from "@/lib/domain/types";
import { slicePage, type PageRequest } from "@/lib/domain/paging";
import { collectPrincipalArns } from "@/lib/policy";
import { auditedChange } from "./audit";
import type { RequestContext } from "./context";
import { assertUniqueTagKeys, mergeTags, removeTags } from "./tags";

/** What OIDC and SAML providers share: ARNs, tags, and the roles whose trust policies name them. */

export type ProviderKind = "oidc" | "saml";

const ARN_RE: Record<ProviderKind, RegExp> = {
  oidc: /^arn:aws:iam::(\d{12}):oidc-provider\/(.+)$/,
  saml: /^arn:aws:iam::(\d{12}):saml-provider\/([\w._-]+)$/,
};

const NOUN: Record<ProviderKind, { label: string; shape: string; tagQuota: string; action: string }> = {
  oidc: { label: "OpenID Connect", shape: "arn:aws:iam::<account>:oidc-provider/<host>/<path>", tagQuota: "TagsPerOpenIdConnectProvider", action: "OpenIDConnectProvider" },
  saml: { label: "SAML", shape: "arn:aws:iam::<account>:saml-provider/<name>", tagQuota: "TagsPerSAMLProvider", action: "SAMLProvider" },
};

export const providerArn = (kind: ProviderKind, accountId: string, name: string) => `arn:aws:iam::${accountId}:${kind}-provider/${name}`;

/** The name part of a provider ARN; a malformed ARN is InvalidInput, as IAM answers it. */
export function providerName(kind: ProviderKind, arn: string): { accountId: string; name: string } {
  const m = ARN_RE[kind].exec(arn);
  if (!m) throw new AwsError("InvalidInput", `${clip(arn)} is not a ${NOUN[kind].label} provider ARN (${NOUN[kind].shape}).`);
  return { accountId: m[1], name: m[2] };
}

/** IAM's NoSuchEntity wording for each kind. */
export const providerNotFound = (kind: ProviderKind, arn: string) =>
  new AwsError("NoSuchEntity", kind === "oidc" ? `OpenIDConnect Provider not found for arn ${clip(arn)}` : `Manifest not found for arn ${clip(arn)}`);

export async function requireProvider<T extends { accountId: string }>(kind: ProviderKind, find: (arn: string) => Promise<T | null>, ctx: RequestContext, arn: string): Promise<T> {
  providerName(kind, arn);
  const found = await find(arn);
  if (!found || found.accountId !== ctx.accountId) throw providerNotFound(kind, arn);
  return found;
}

export function checkNewTags(tags: Tag[] | undefined): Tag[] {
  assertUniqueTagKeys(tags ?? []);
  return tags ?? [];
}

/** TagOpenIDConnectProvider / TagSAMLProvider: merged as every IAM Tag* action merges. */
export async function tagProvider(ctx: RequestContext, kind: ProviderKind, arn: string, added: Tag[], load: (tx: Tx) => Promise<{ tags: Tag[] }>) {
  await auditedChange(ctx, `Tag${NOUN[kind].action}`, arn, async (tx) => {
    const p = await load(tx);
    const merged = mergeTags(p.tags, added, `Cannot exceed quota for ${NOUN[kind].tagQuota}: ${LIMITS.tagsPerEntity}`);
    await repo.replaceProviderTags(tx, arn, merged);
  });
}

export async function untagProvider(ctx: RequestContext, kind: ProviderKind, arn: string, keys: string[], load: (tx: Tx) => Promise<{ tags: Tag[] }>) {
  await auditedChange(ctx, `Untag${NOUN[kind].action}`, arn, async (tx) => {
    const p = await load(tx);
    await repo.replaceProviderTags(tx, arn, removeTags(p.tags, keys));
  });
}

/** The console's tag editor: the whole set in one change. */
export async function replaceTagsOfProvider(ctx: RequestContext, kind: ProviderKind, arn: string, tags: Tag[], load: (tx: Tx) => Promise<unknown>) {
  await auditedChange(ctx, `Tag${NOUN[kind].action}`, arn, async (tx) => {
    await load(tx);
    assertUniqueTagKeys(tags);
    if (tags.length > LIMITS.tagsPerEntity) throw new AwsError("LimitExceeded", `Cannot exceed quota for ${NOUN[kind].tagQuota}: ${LIMITS.tagsPerEntity}`);
    await repo.replaceProviderTags(tx, arn, tags);
  });
}

/** ListOpenIDConnectProviderTags / ListSAMLProviderTags: sorted by key, as IAM returns provider tags. */
export function pageOfTags(tags: Tag[], page: PageRequest) {
  return slicePage([...tags].sort((a, b) => a.Key.localeCompare(b.Key)), page);
}

/**
 * The roles whose trust policies name this provider. Deleting a provider leaves those policies as they are (as IAM
 * does), and every web-identity or SAML sign-in through them then fails, so the console lists them first.
 */
export async function rolesNamingProvider(tx: Tx, kind: ProviderKind, arn: string): Promise<RoleNamingProvider[]> {
  const { accountId } = providerName(kind, arn);
  const candidates = await repo.findRolesMentioning(tx, `${accountId}:${kind}-provider`);
  return candidates
    .filter((r) => collectPrincipalArns(r.assumeRolePolicy).some((p) => p.toLowerCase() === arn.toLowerCase()))
    .map(({ name, arn: roleArn, accountId: account }) => ({ name, arn: roleArn, accountId: account }));
}
