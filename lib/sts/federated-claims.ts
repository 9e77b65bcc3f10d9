import { AwsError } from "@/lib/domain/errors";
import { sessionTagsSchema, sourceIdentitySchema, transitiveTagKeysSchema } from "@/lib/domain/sts-schemas";
import { sessionTagsFor, type SessionTagSet } from "./session-tags";

/**
 * Session tags and the source identity an identity provider sets for a federated session: in a web identity
 * token, the `https://aws.amazon.com/tags` claim (`principal_tags`: key → [value], `transitive_tag_keys`) and the
 * `https://aws.amazon.com/source_identity` claim; in a SAML assertion, the PrincipalTag:, TransitiveTagKeys and
 * SourceIdentity attributes (read by lib/federation/saml-response). They obey the same rules as AssumeRole's
 * Tags, TransitiveTagKeys and SourceIdentity parameters.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html#id_session-tags_adding-assume-role-idp
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_monitor.html
 */

export const TAGS_CLAIM = "https://aws.amazon.com/tags";
export const SOURCE_IDENTITY_CLAIM = "https://aws.amazon.com/source_identity";

export interface FederatedSessionClaims {
  tags: SessionTagSet;
  sourceIdentity?: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const invalid = (message: string) => new AwsError("InvalidParameterValue", message);

/** Checks tags and transitive keys as AssumeRole's parameters are checked, with the same limits and words. */
export function federatedSessionTags(tags: { Key: string; Value: string }[], transitiveTagKeys: string[], source: string): SessionTagSet {
  const t = sessionTagsSchema.safeParse(tags);
  if (!t.success) throw invalid(`The session tags in the ${source} are not valid: ${t.error.issues[0].message}.`);
  const k = transitiveTagKeysSchema.safeParse(transitiveTagKeys);
  if (!k.success) throw invalid(`The transitive tag keys in the ${source} are not valid: ${k.error.issues[0].message}.`);
  return sessionTagsFor({ tags: t.data, transitiveTagKeys: k.data }, null);
}

export function checkSourceIdentity(value: string | undefined, source: string): string | undefined {
  if (value === undefined) return undefined;
  const parsed = sourceIdentitySchema.safeParse(value);
  if (!parsed.success || value.toLowerCase().startsWith("aws:"))
    throw invalid(`The source identity in the ${source} must be 2–64 characters of [\\w+=,.@-] and not begin with "aws:".`);
  return parsed.data;
}

/**
 * Reads the session claims of a verified token's payload. The payload came from JSON.parse, so a claim named
 * `__proto__` is an own property like any other; entries are read with Object.entries and never assigned by name.
 */
export function webIdentitySessionClaims(claims: Record<string, unknown>): FederatedSessionClaims {
  const source = "web identity token";
  const raw = Object.hasOwn(claims, TAGS_CLAIM) ? claims[TAGS_CLAIM] : undefined;
  const tags: { Key: string; Value: string }[] = [];
  let transitive: string[] = [];
  if (raw !== undefined) {
    if (!isRecord(raw)) throw invalid(`The ${TAGS_CLAIM} claim must be an object with principal_tags and transitive_tag_keys.`);
    const principalTags = Object.hasOwn(raw, "principal_tags") ? raw.principal_tags : undefined;
    if (principalTags !== undefined) {
      if (!isRecord(principalTags)) throw invalid("principal_tags must map each tag key to a list holding its value.");
      for (const [Key, value] of Object.entries(principalTags)) {
        const values = Array.isArray(value) ? value : [value];
        if (values.length !== 1 || typeof values[0] !== "string") throw invalid(`The principal tag '${Key.slice(0, 128)}' must have exactly one string value.`);
        tags.push({ Key, Value: values[0] });
      }
    }
    const keys = Object.hasOwn(raw, "transitive_tag_keys") ? raw.transitive_tag_keys : undefined;
    if (keys !== undefined) {
      if (!Array.isArray(keys) || !keys.every((k): k is string => typeof k === "string")) throw invalid("transitive_tag_keys must be a list of tag keys.");
      transitive = keys;
    }
  }
  const sourceClaim = Object.hasOwn(claims, SOURCE_IDENTITY_CLAIM) ? claims[SOURCE_IDENTITY_CLAIM] : undefined;
  if (sourceClaim !== undefined && typeof sourceClaim !== "string") throw invalid(`The ${SOURCE_IDENTITY_CLAIM} claim must be a string.`);
  return { tags: federatedSessionTags(tags, transitive, source), sourceIdentity: checkSourceIdentity(sourceClaim, source) };
}
