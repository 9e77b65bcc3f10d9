/**
 * When two principals must get the same answer for a role, so the analysis can decide once and share it (at 10,000
 * roles, a million principal/role pairs come down to a few thousand evaluations). Two principals of one account and
 * kind decide alike for a role when the statements of theirs that can speak to an assume (Action matching
 * sts:AssumeRole, sts:TagSession or sts:SetSourceIdentity, or a NotAction) and whose Resource matches the role are
 * the same statements of the same policies, their boundaries are the same, and nothing the evaluator reads about
 * *which* principal asks is read: no policy variable, no condition on a key that differs between them (their ARN,
 * name, id, tags…), and the role's trust policy names neither of them. Whatever breaks that is decided principal by
 * principal, as before. Roleplane's own analysis; the property test in access-graph-grouping.test.ts holds it to
 * the principal-by-principal answer.
 */
import { createHash } from "node:crypto";
import type { PrincipalPolicies } from "@/lib/domain/types";
import { compiledPolicy, type CompiledStatement } from "@/lib/policy";
import { parseAwsPrincipal } from "@/lib/policy/arn";
import type { AnalyzedRole } from "./assume-access";
import { isRequestKey } from "./request-keys";
import { trustedNames, type TrustedNames } from "./trust-principals";

// sts:AssumeRole, and the actions STS also checks when a request sets session tags or a source identity.
const ASSUME_ACTIONS = ["sts:assumerole", "sts:tagsession", "sts:setsourceidentity"];

// Keys that carry the same value for every principal of one account and kind in the analysis's requests: what the
// request sends (lib/access/request-keys), the role's tags, and the account and type of the principal.
const SAME_FOR_CLASS = /^aws:(resourcetag\/.+|principalaccount|principaltype|principalisawsservice|viaawsservice)$/i;
const sharedKey = (key: string) => isRequestKey("iam", key) || SAME_FOR_CLASS.test(key);
// Keys the analysis's requests take from the moment of the build (the clock, and a session issued and signed in with
// MFA just now): a decision reading them holds for that build only.
const CLOCK_KEY = /^aws:(currenttime|epochtime|tokenissuetime|multifactorauthage)$/i;
const readsClock = (statements: CompiledStatement[]) => statements.some((s) => s.conditions.some((c) => CLOCK_KEY.test(c.key)));

function readsOnlySharedKeys(s: CompiledStatement, variables: boolean): boolean {
  return s.conditions.every((c) => sharedKey(c.key) && !(variables && c.values.some((v) => v.includes("${"))));
}

const speaksToAssume = (s: CompiledStatement) => s.action !== undefined && (s.action.negated || ASSUME_ACTIONS.some((a) => s.action!.tests.some((t) => t(a))));

/** A statement of a principal's that can speak to an assume; `matches` says whether its Resource covers a role. */
interface ClassStatement {
  key: string;
  matches: (roleArn: string) => boolean;
}

export interface DecisionClass {
  /** Kind, account and boundary: the part of the key that does not depend on the role. */
  base: string;
  statements: ClassStatement[];
  /** Some statement of the class reads the clock (CLOCK_KEY): its decisions are not kept for the next build. */
  readsClock: boolean;
}

/**
 * What a build reads of documents by their text alone: a digest (keys name documents by content rather than
 * repeating them, so a key means the same decision in every build and a rebuild can reuse the last build's), a
 * trust policy's principals and sharing, an identity policy's assume statements and Resource patterns. A build
 * starts from the previous build's readings, so an unchanged document is not read again; it keeps only the
 * documents it met.
 */
export class DocumentReadings {
  private readonly readings = new Map<(text: string) => unknown, Map<string, unknown>>();

  constructor(private previous?: DocumentReadings) {}

  /** `read(text)`, once per text and reading. */
  read<T>(read: (text: string) => T, text: string): T {
    let mine = this.readings.get(read);
    if (!mine) this.readings.set(read, (mine = new Map()));
    // One lookup on a hit (readings are never undefined): these texts are whole documents.
    const mineHit = mine.get(text);
    if (mineHit !== undefined) return mineHit as T;
    const earlier = this.previous?.readings.get(read)?.get(text);
    const value = earlier !== undefined ? (earlier as T) : read(text);
    mine.set(text, value);
    return value;
  }

  id(text: string): string {
    return this.read(digest, text);
  }

  trust(text: string): TrustReading {
    return this.read(readTrust, text);
  }

  /** The build is done: let the previous build's readings go. */
  settle(): void {
    this.previous = undefined;
  }
}
const digest = (text: string) => createHash("sha256").update(text).digest("base64url");
const docId = (ids: DocumentReadings, text: string) => ids.id(text);

/** An identity policy's statements that can speak to an assume, by position; null when it keeps its holder from sharing. */
type IdentityReading = { position: number; matches: (roleArn: string) => boolean; readsClock: boolean }[] | null;

function readIdentity(text: string): IdentityReading {
  const policy = compiledPolicy(text);
  if (!policy.model) return null;
  const out: NonNullable<IdentityReading> = [];
  for (const [position, s] of policy.statements().entries()) {
    if (!speaksToAssume(s)) continue;
    if (!readsOnlySharedKeys(s, policy.variables) || (s.resource?.dynamic.length ?? 0) > 0) return null;
    const resource = s.resource;
    out.push({ position, matches: resource ? (arn) => resource.negated !== resource.tests.some((t) => t(arn)) : () => true, readsClock: readsClock([s]) });
  }
  return out;
}

/**
 * The principal's decision class, or null when it must be decided on its own (a policy variable, a condition on a
 * key that differs between principals, a policy that does not read).
 */
export function decisionClass(p: PrincipalPolicies, kind: "user" | "role", ids: DocumentReadings): DecisionClass | null {
  const statements: ClassStatement[] = [];
  let clock = false;
  for (const [index, d] of p.identity.entries()) {
    const reading = ids.read(readIdentity, d.document);
    if (!reading) return null;
    for (const { position, matches, readsClock } of reading) {
      clock ||= readsClock;
      const ref = JSON.stringify([index, d.name, d.arn ?? "", d.group?.name ?? "", d.group?.arn ?? "", docId(ids, d.document), position]);
      statements.push({ key: ref, matches });
    }
  }
  let boundary = "";
  if (p.boundary) {
    const document = p.boundary.document ?? "";
    const policy = compiledPolicy(document || "{}");
    if (document && !policy.model) return null;
    const speaking = policy.statements().filter(speaksToAssume);
    if (speaking.some((s) => !readsOnlySharedKeys(s, policy.variables) || (s.resource?.dynamic.length ?? 0) > 0)) return null;
    clock ||= readsClock(speaking);
    boundary = `${p.boundary.arn}#${docId(ids, document)}`;
  }
  return { base: `${kind}|${p.accountId}|${boundary}`, statements, readsClock: clock };
}

/**
 * The class's key for one role: its base and the statements whose Resource covers the role. The same key is the same
 * string object each time (kept by which statements matched), so the maps it is looked up in hash it once.
 */
export function classKeyFor(c: DecisionClass, roleArn: string): string {
  if (c.statements.length > 30) {
    let key = c.base;
    for (const s of c.statements) if (s.matches(roleArn)) key += `|${s.key}`;
    return key;
  }
  let matched = 0;
  for (let i = 0; i < c.statements.length; i++) if (c.statements[i].matches(roleArn)) matched |= 1 << i;
  const keys = (keysByMatch.get(c) ?? keysByMatch.set(c, new Map()).get(c))!;
  let key = keys.get(matched);
  if (key === undefined) {
    key = c.base;
    for (let i = 0; i < c.statements.length; i++) if (matched & (1 << i)) key += `|${c.statements[i].key}`;
    keys.set(matched, key);
  }
  return key;
}
const keysByMatch = new WeakMap<DecisionClass, Map<number, string>>();

/** How a trust policy lets principals share decisions for its role. */
export interface TrustSharing {
  /** The principals it singles out, as `nameKey`s (by ARN, name or session) and unique ids: they are decided on their own. */
  names: Set<string>;
  uniqueIds: Set<string>;
  /** The role's own part of a shared decision's key: its account, tags and trust policy. */
  key: string;
  /** The trust policy reads the clock (CLOCK_KEY): its decisions are not kept for the next build. */
  readsClock: boolean;
}

/** A user or role by account, kind and name (paths and case aside): how trust policies single principals out. */
export const nameKey = (accountId: string, kind: "user" | "role", name: string) => `${accountId}/${kind}/${name.slice(name.lastIndexOf("/") + 1).toLowerCase()}`;

/** What the analysis reads of a trust policy's text: whom it names, how its role shares decisions, the clock. */
export interface TrustReading {
  named: TrustedNames;
  sharing: Omit<TrustSharing, "key" | "readsClock"> | null;
  readsClock: boolean;
}

function readTrust(text: string): TrustReading {
  return { named: trustedNames(text), sharing: sharingOf(text), readsClock: policyReadsClock(text) };
}

/**
 * Whether principals not named in the trust policy can share decisions for this role: null when the trust policy
 * has a NotPrincipal, a Resource, a principal the analysis cannot read, a policy variable or a condition on a key
 * that differs between principals.
 */
export function trustSharing(role: AnalyzedRole, ids: DocumentReadings): TrustSharing | null {
  const { sharing, readsClock } = ids.trust(role.trustPolicy);
  return sharing && { ...sharing, key: JSON.stringify([role.accountId, role.tags, docId(ids, role.trustPolicy)]), readsClock };
}

function sharingOf(trustPolicy: string): Omit<TrustSharing, "key" | "readsClock"> | null {
  const policy = compiledPolicy(trustPolicy);
  if (!policy.model) return null;
  const names = new Set<string>();
  const uniqueIds = new Set<string>();
  for (const s of policy.model.statements) {
    if (s.principal?.name === "NotPrincipal" || s.resource || s.notResource) return null;
    for (const entry of s.principal?.entries ?? []) {
      if (entry.key !== "AWS") continue;
      for (const { value } of entry.items) {
        const f = parseAwsPrincipal(value);
        if (!f) return null;
        if (f.form === "user" || f.form === "role") names.add(nameKey(f.accountId, f.form, f.name));
        else if (f.form === "assumed-role") names.add(nameKey(f.accountId, "role", f.roleName));
        else if (f.form === "unique-id") uniqueIds.add(f.id);
        else if (f.form !== "wildcard" && f.form !== "account" && f.form !== "root") return null;
      }
    }
  }
  if (policy.statements().some((s) => !readsOnlySharedKeys(s, policy.variables))) return null;
  return { names, uniqueIds };
}

/** Whether a policy reads the clock (CLOCK_KEY); a policy the analysis cannot read is taken to. */
function policyReadsClock(document: string): boolean {
  const policy = compiledPolicy(document);
  return !policy.model || readsClock(policy.statements());
}

/**
 * Everything deciding a principal on its own reads of it, by content (its names, tags, policies and boundary), and
 * whether any of that reads the clock: a decision for it and a role is the same while both keys are.
 */
export function principalKey(p: PrincipalPolicies, kind: "user" | "role", ids: DocumentReadings): { key: string; readsClock: boolean } {
  const identity = p.identity.map((d) => [d.name, d.arn ?? "", d.group?.name ?? "", d.group?.arn ?? "", docId(ids, d.document)]);
  const boundary = p.boundary ? [p.boundary.arn, p.boundary.document === null ? null : docId(ids, p.boundary.document)] : null;
  return {
    key: JSON.stringify([kind, p.id, p.accountId, p.name, p.arn, p.tags, identity, boundary]),
    readsClock: p.identity.some((d) => ids.read(policyReadsClock, d.document)) || (!!p.boundary?.document && ids.read(policyReadsClock, p.boundary.document)),
  };
}

/** What a decision reads of the role it is for (lib/sts/assume-decision's TrustedRole), by content. */
export const roleKey = (role: AnalyzedRole, ids: DocumentReadings) => JSON.stringify([role.arn, role.accountId, role.tags, docId(ids, role.trustPolicy)]);
