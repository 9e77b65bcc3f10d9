/**
 * What a build of the access index (lib/access/access-graph) keeps for the next: its principals, their units and
 * each role's part of the index, by the objects the store loader kept; and which roles a change touches, so the next
 * build makes or patches only those. Roleplane's own analysis.
 */
import type { PrincipalPolicies } from "@/lib/domain/types";
import type { AccessPrincipal, AnalyzedRole, DirectAccess } from "./assume-access";
import { globTest } from "./assume-resources";
import { nameKey, type DecisionClass, type DocumentReadings } from "./decision-classes";
import type { TrustedNames } from "./trust-principals";

/** The list kept under `key`, made on first use (appending in place: copying would be quadratic at 10,000 roles). */
export function listIn<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

/** A decision made once for a class of principals and role, without the principal it was made for. */
export type SharedOutcome = Omit<DirectAccess, "principal">;

export type Known = { principal: AccessPrincipal; policies: PrincipalPolicies; kind: "user" | "role"; unit: Unit; memoKey?: { key: string; readsClock: boolean } };

/**
 * Principals that are candidates for the same roles and, where the trust policy allows it, decide alike: a class
 * (lib/access/decision-classes), or one principal on its own (`decisionClass` null, no `signature`).
 */
export interface Unit {
  /** What makes principals one unit (class and Resource patterns): the same object in every build that has it. */
  signature?: string;
  accountId: string;
  resources: "any" | string[];
  decisionClass: DecisionClass | null;
}

/** The unit's members assume the role by its shared decision, but for those named in `except` (by their policies). */
export interface SharedEdge {
  unit: Unit;
  outcome: SharedOutcome;
  except?: Set<PrincipalPolicies>;
}

/** One role's part of the index: the classes that assume it by a shared decision, and those decided on their own. */
export interface RoleEntry {
  edges: SharedEdge[];
  found: DirectAccess[];
  /** Some decision read the clock: the entry holds at its build's `now` only. */
  readsClock: boolean;
}

/** What the next build can take over unchanged: principals, units and role entries, by the objects the store kept. */
export interface BuildState {
  accounts: string;
  known: Map<PrincipalPolicies, Known>;
  units: Map<string, Unit>;
  members: Map<Unit, Known[]>;
  roles: Map<AnalyzedRole, RoleEntry>;
  roleIndex?: RoleIndex;
  /** Past this many decisions kept (twice the last whole build's, and some), the next build is whole, its memo fresh. */
  memoLimit: number;
}

/** Principals in one build and not the other (by object: the store loader keeps an unchanged principal's). */
export function changedPrincipals(previous: BuildState, now: Map<PrincipalPolicies, Known>): Known[] {
  const out: Known[] = [];
  for (const [p, k] of now) if (!previous.known.has(p)) out.push(k);
  for (const [p, k] of previous.known) if (!now.has(p)) out.push(k);
  return out;
}

/** A Resource pattern's test, compiled once per build. */
export type Tests = (pattern: string) => (arn: string) => boolean;
export function patternTests(): Tests {
  const tests = new Map<string, (arn: string) => boolean>();
  return (pattern) => tests.get(pattern) ?? tests.set(pattern, globTest(pattern)).get(pattern)!;
}
const allowedBy = (u: Unit, roleArn: string, testOf: Tests) => u.resources === "any" || u.resources.some((p) => testOf(p)(roleArn));

/** Whether a unit is among a role's candidates, as buildRole gathers them. */
export function isCandidate(u: Unit, role: AnalyzedRole, named: TrustedNames, accounts: Set<string>, testOf: Tests): boolean {
  if (named.wildcard && u.accountId === role.accountId) return true;
  return (named.wildcard || (named.accounts.has(u.accountId) && accounts.has(u.accountId))) && allowedBy(u, role.arn, testOf);
}

/** Roles by whom their trust policy names: a principal's ARN, id or name, an account, anyone. */
export interface RoleIndex {
  naming: Map<string, AnalyzedRole[]>;
  wildcard: AnalyzedRole[];
  byAccount: Map<string, AnalyzedRole[]>;
}

export function roleIndex(roles: AnalyzedRole[], ids: DocumentReadings): RoleIndex {
  const naming = new Map<string, AnalyzedRole[]>();
  const wildcard: AnalyzedRole[] = [];
  const byAccount = new Map<string, AnalyzedRole[]>();
  for (const role of roles) {
    const { named, sharing } = ids.trust(role.trustPolicy);
    if (named.wildcard) wildcard.push(role);
    for (const a of named.accounts) listIn(byAccount, a).push(role);
    for (const arn of named.arns) listIn(naming, `arn:${arn}`).push(role);
    for (const id of [...named.uniqueIds, ...(sharing?.uniqueIds ?? [])]) listIn(naming, `id:${id}`).push(role);
    for (const key of named.sessionRoles) listIn(naming, `session:${key.toLowerCase()}`).push(role);
    for (const n of sharing?.names ?? []) listIn(naming, `name:${n}`).push(role);
  }
  return { naming, wildcard, byAccount };
}

/**
 * Which roles a change touches: built again, those that are new or changed, name a changed principal (or a member of
 * a class whose members changed: which of them the trust singles out decides whether the class keeps an edge), or
 * decide every principal on its own (a trust that does not share) and have a changed unit among their candidates;
 * patched, those with a class among their candidates that is new or gone. Every other role keeps its entry.
 */
export function planPatch(previous: BuildState, changed: Known[], roles: AnalyzedRole[], units: Map<string, Unit>, members: Map<Unit, Known[]>, ids: DocumentReadings, accounts: Set<string>, testOf: Tests) {
  const rebuild = new Set<AnalyzedRole>(roles.filter((r) => !previous.roles.has(r)));
  const patch = new Map<AnalyzedRole, Set<string>>();
  // The same roles as last time: the same index of them.
  const index = (rebuild.size === 0 && roles.length === previous.roles.size && previous.roleIndex) || roleIndex(roles, ids);
  const { naming, wildcard, byAccount } = index;
  const rebuildNaming = ({ policies: p, kind }: Known) => {
    const keys = [`arn:${p.arn}`, `id:${p.id}`, `name:${nameKey(p.accountId, kind, p.name)}`, `session:${p.accountId}/${p.name}`.toLowerCase()];
    for (const key of keys) for (const r of naming.get(key) ?? []) rebuild.add(r);
  };
  const seen = new Set<string>();
  for (const k of changed) {
    rebuildNaming(k);
    const u = k.unit;
    const signature = u.signature;
    if (signature && seen.has(signature)) continue;
    if (signature) seen.add(signature);
    const [then, now] = signature ? [previous.units.has(signature), units.has(signature)] : [false, false];
    if (then && now) for (const m of [...previous.members.get(u)!, ...members.get(u)!]) rebuildNaming(m);
    const visit = (r: AnalyzedRole) => {
      if (!signature || !ids.trust(r.trustPolicy).sharing) rebuild.add(r);
      else if (!then || !now) (patch.get(r) ?? patch.set(r, new Set()).get(r)!).add(signature);
    };
    // Only the roles whose trust could make the unit a candidate (`*`, or its account) are asked.
    const candidateOf = (r: AnalyzedRole) => isCandidate(u, r, ids.trust(r.trustPolicy).named, accounts, testOf);
    for (const r of [...wildcard, ...(byAccount.get(u.accountId) ?? [])]) if (candidateOf(r)) visit(r);
  }
  return { rebuild, patch, index };
}
