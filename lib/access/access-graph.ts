/**
 * Who can assume what, for every role in the store: the direct assumes (lib/access/assume-access), decided once per
 * class of principals that must answer alike (lib/access/decision-classes) and kept once per class and role, and
 * the chains of assumes through roles (lib/access/access-chains). Built once per store version by
 * lib/iam/access.ts; every query after that reads the index. Roleplane's own analysis.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles.html#iam-term-role-chaining
 */
import type { PrincipalPolicies } from "@/lib/domain/types";
import { parseAwsPrincipal, parseFederatedPrincipal } from "@/lib/policy/arn";
import { decideDirect, decidePrincipalOutsideIam, type AccessPrincipal, type AnalyzedRole, type DirectAccess } from "./assume-access";
import { chainsFrom, chainsTo, type Edges } from "./access-chains";
import { assumeResources, globTest } from "./assume-resources";
import {
  classKeyFor, decisionClass as classOf, DocumentReadings, nameKey, principalKey, roleKey, trustSharing, type DecisionClass, type TrustSharing,
} from "./decision-classes";

export interface AccessStore {
  /** The accounts the store holds; principals of any other account are beyond it. */
  accounts: string[];
  users: PrincipalPolicies[];
  roles: AnalyzedRole[];
}

/** A principal that reaches a role through a chain: the path starts at the principal and ends at the role. */
export interface ChainAccess {
  principal: AccessPrincipal;
  /** Principal ARN (or service, provider, `*`), then each role assumed, ending with the role asked about. */
  path: string[];
  /** True when some hop needs a condition the request must meet. */
  conditional: boolean;
}

/** What a principal can assume: directly, and through chains of roles. */
export interface CanAssume {
  direct: DirectAccess[];
  chains: { roleArn: string; path: string[]; conditional: boolean }[];
}

/** Who can assume a role: directly (with conditions and deciding statements), and through chains. */
export interface WhoCanAssume {
  direct: DirectAccess[];
  chains: ChainAccess[];
}

export interface AccessIndex {
  roleCount: number;
  edgeCount: number;
  /** Principal/role decisions the build evaluated (classes of principals that decide alike count once). */
  evaluations: number;
  /** Decisions taken from the previous build's `memo` rather than evaluated. */
  reused: number;
  /** The build's decisions by content, for the next build to reuse (BuildOptions.reuse). */
  memo: DecisionMemo;
  /** Direct assumes of a role, by role ARN. */
  direct(roleArn: string): DirectAccess[];
  /** Every principal that reaches the role through two or more assumes (the direct ones are in `direct`). */
  chains(roleArn: string): ChainAccess[];
  /** What a principal can assume directly. */
  assumable(principalArn: string): DirectAccess[];
  /** Roles a principal reaches through two or more assumes. */
  reachable(principalArn: string): { roleArn: string; path: string[]; conditional: boolean }[];
  principal(arn: string): AccessPrincipal | undefined;
  hasRole(arn: string): boolean;
}

/** The list kept under `key`, made on first use (appending in place: copying would be quadratic at 10,000 roles). */
function listIn<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

const OUTSIDE_PRINCIPAL = "roleplane-any-principal";

function outsideAccountId(accounts: Set<string>): string {
  for (let n = 999_999_999_999; ; n--) if (!accounts.has(String(n))) return String(n);
}

/** A decision made once for a class of principals and role, without the principal it was made for. */
type SharedOutcome = Omit<DirectAccess, "principal">;

/**
 * A build's decisions by keys that name everything they read by content (lib/access/decision-classes): for a shared
 * decision the class's statements and boundary and the role's account, tags and trust policy; for one principal
 * decided on its own, that principal and the role. A later build finds the same key only for the same inputs, so it
 * can take the decision as it is. Decisions that read the clock are left out: they hold only at their build's `now`.
 */
export interface DecisionMemo {
  shared: ReadonlyMap<string, SharedOutcome | null>;
  alone: ReadonlyMap<string, DirectAccess | null>;
  documents: DocumentReadings;
}

/** The same outcome for another role with the same trust policy: the trust policy's statements are that role's. */
function forRole(o: SharedOutcome, roleArn: string): SharedOutcome {
  if (o.roleArn === roleArn) return o;
  const own = <T extends { policy: DirectAccess["statements"][number]["policy"] }>(s: T): T => (s.policy.type === "trust" ? { ...s, policy: { ...s.policy, arn: roleArn } } : s);
  return { ...o, roleArn, statements: o.statements.map(own), conditions: o.conditions.map((c) => ({ ...c, statement: own(c.statement) })) };
}

const withPrincipal = (principal: AccessPrincipal, o: SharedOutcome): DirectAccess => ({
  principal, roleArn: o.roleArn, action: o.action, conditions: o.conditions, example: o.example, statements: o.statements,
});

type Known = { principal: AccessPrincipal; policies: PrincipalPolicies; kind: "user" | "role"; unit: Unit; memoKey?: { key: string; readsClock: boolean } };

/**
 * Principals that are candidates for the same roles and, where the trust policy allows it, decide alike: a class
 * (lib/access/decision-classes), or one principal on its own (`decisionClass` null).
 */
interface Unit {
  members: Known[];
  accountId: string;
  resources: "any" | string[];
  decisionClass: DecisionClass | null;
  /** The roles the class's members assume by its shared decision, but for the members named in `except`. */
  assumes: SharedEdge[];
  /** Those of `assumes` with an `except`. */
  exceptions: SharedEdge[];
}

interface SharedEdge {
  unit: Unit;
  outcome: SharedOutcome;
  except?: Set<Known>;
}

export interface BuildOptions {
  /**
   * Decide once per class of principals that must get the same answer (lib/access/decision-classes) and share it;
   * false decides every principal on its own (the reference the grouping is tested against).
   */
  shareDecisions?: boolean;
  /** The previous build's `memo`: after a change, only decisions whose inputs changed are evaluated again. */
  reuse?: DecisionMemo;
}

export function buildAccessIndex(store: AccessStore, now = new Date(), { shareDecisions = true, reuse }: BuildOptions = {}): AccessIndex {
  const accounts = new Set(store.accounts);
  const ids = new DocumentReadings(reuse?.documents);
  const units = new Map<string, Unit>();
  const knownOf = (p: PrincipalPolicies, kind: "user" | "role"): Known => {
    const resources = assumeResources(p, ids);
    const decisionClass = shareDecisions ? classOf(p, kind, ids) : null;
    const k: Known = { principal: { kind, arn: p.arn, accountId: p.accountId, name: p.name, id: p.id }, policies: p, kind, unit: undefined! };
    const signature = decisionClass && [decisionClass.base, ...decisionClass.statements.map((s) => s.key), JSON.stringify(resources)].join("|");
    k.unit = (signature && units.get(signature)) || { members: [], accountId: p.accountId, resources, decisionClass, assumes: [], exceptions: [] };
    if (signature) units.set(signature, k.unit);
    k.unit.members.push(k);
    return k;
  };
  const known: Known[] = [...store.users.map((p) => knownOf(p, "user")), ...store.roles.map((p) => knownOf(p, "role"))];
  const allUnits = [...new Set(known.map((k) => k.unit))];
  const byArn = new Map(known.map((k) => [k.principal.arn, k]));
  const byId = new Map(known.map((k) => [k.policies.id, k]));
  const byName = new Map(known.map((k) => [nameKey(k.policies.accountId, k.kind, k.policies.name), k]));
  const roleByName = new Map(known.filter((k) => k.kind === "role").map((k) => [`${k.policies.accountId}/${k.policies.name.toLowerCase()}`, k]));
  const unitsByAccount = new Map<string, Unit[]>();
  for (const u of allUnits) listIn(unitsByAccount, u.accountId).push(u);
  // Who could be allowed by its own policies to assume a given role: those allowed any role, and by pattern.
  const anyRole = allUnits.filter((u) => u.resources === "any");
  const byPattern = new Map<string, Unit[]>();
  for (const u of allUnits) if (u.resources !== "any") for (const r of new Set(u.resources)) listIn(byPattern, r).push(u);
  const patternTests = [...byPattern].map(([pattern, holders]) => ({ test: globTest(pattern), holders }));
  const mayAssume = (roleArn: string): Set<Unit> => {
    const out = new Set(anyRole);
    for (const p of patternTests) if (p.test(roleArn)) for (const u of p.holders) out.add(u);
    return out;
  };
  const outsideAccount = outsideAccountId(accounts);

  const shared = new Map<string, SharedEdge[]>();
  const single = new Map<string, DirectAccess[]>();
  const outgoing = new Map<string, DirectAccess[]>();
  const principals = new Map<string, AccessPrincipal>(known.map((k) => [k.principal.arn, k.principal]));
  let edgeCount = 0;
  let evaluations = 0;
  let reused = 0;
  // Shared decisions by trust policy and class key: roles with the same trust policy reuse them.
  const decisions = new Map<string, SharedOutcome | null>();
  const memo = { shared: new Map<string, SharedOutcome | null>(), alone: new Map<string, DirectAccess | null>(), documents: ids };
  let sharedForRole = new Map<SharedOutcome, SharedOutcome>();
  const decideFor = (unit: Unit, representative: Known, role: AnalyzedRole, trust: TrustSharing): SharedOutcome | null => {
    const key = `${trust.key}|${classKeyFor(unit.decisionClass!, role.arn)}`;
    let first = decisions.get(key);
    if (first === undefined) {
      const earlier = reuse?.shared.get(key);
      if (earlier !== undefined) {
        reused++;
        first = earlier;
      } else {
        evaluations++;
        const d = decideDirect(representative.principal, representative.policies, representative.kind, role, now);
        first = d && { roleArn: d.roleArn, action: d.action, conditions: d.conditions, example: d.example, statements: d.statements };
      }
      decisions.set(key, first);
      if (!trust.readsClock && !unit.decisionClass!.readsClock) memo.shared.set(key, first);
    }
    if (!first) return null;
    // Units whose decisions share a key share this role's copy too.
    return sharedForRole.get(first) ?? sharedForRole.set(first, forRole(first, role.arn)).get(first)!;
  };

  for (const role of store.roles) {
    const { named: names, readsClock: trustReadsClock } = ids.trust(role.trustPolicy);
    sharedForRole = new Map();
    const candidates = new Set<Unit>();
    const alone = new Set<Known>();
    let assumers: Set<Unit> | undefined;
    const allowedByOwnPolicies = () => (assumers ??= mayAssume(role.arn));
    const outside: { principal: AccessPrincipal; policies: PrincipalPolicies }[] = [];
    const outsider = (principal: AccessPrincipal, accountId: string, arn: string) =>
      outside.push({ principal, policies: { id: "", accountId, name: OUTSIDE_PRINCIPAL, arn, tags: [], identity: [] } });

    if (names.wildcard) {
      // Same account: `*` needs nothing more; other accounts' principals need their own policies to allow.
      for (const u of unitsByAccount.get(role.accountId) ?? []) candidates.add(u);
      for (const u of allowedByOwnPolicies()) candidates.add(u);
      outsider({ kind: "anyone", arn: "*", accountId: outsideAccount }, outsideAccount, `arn:aws:iam::${outsideAccount}:user/${OUTSIDE_PRINCIPAL}`);
    }
    for (const acct of names.accounts) {
      if (accounts.has(acct)) {
        for (const u of allowedByOwnPolicies()) if (u.accountId === acct) candidates.add(u);
      } else outsider({ kind: "account", arn: `arn:aws:iam::${acct}:root`, accountId: acct }, acct, `arn:aws:iam::${acct}:user/${OUTSIDE_PRINCIPAL}`);
    }
    for (const arn of names.arns) {
      const k = byArn.get(arn);
      if (k) alone.add(k);
      else {
        const f = parseAwsPrincipal(arn);
        // A named principal of a store account that no longer exists matches nothing.
        if (f && "accountId" in f && !accounts.has(f.accountId)) outsider({ kind: "external", arn, accountId: f.accountId }, f.accountId, arn);
      }
    }
    for (const id of names.uniqueIds) {
      const k = byId.get(id);
      if (k) alone.add(k);
    }
    for (const key of names.sessionRoles) {
      const [acct, name] = key.split("/");
      const k = roleByName.get(`${acct}/${name.toLowerCase()}`);
      if (k) alone.add(k);
    }

    // Principals the trust policy singles out are decided on their own, as is every member of a unit that cannot share.
    const trust = shareDecisions ? trustSharing(role, ids) : null;
    const except = new Map<Unit, Set<Known>>();
    if (trust) {
      const named = [...trust.names].map((n) => byName.get(n)).concat([...trust.uniqueIds].map((id) => byId.get(id)));
      for (const k of named) {
        if (!k || !candidates.has(k.unit) || !k.unit.decisionClass) continue;
        alone.add(k);
        const set = except.get(k.unit) ?? new Set<Known>();
        except.set(k.unit, set.add(k));
      }
    }
    const edges: SharedEdge[] = [];
    for (const u of candidates) {
      if (!trust || !u.decisionClass) {
        for (const k of u.members) alone.add(k);
        continue;
      }
      const skip = except.get(u);
      const representative = skip ? u.members.find((k) => !skip.has(k)) : u.members[0];
      if (!representative) continue;
      const outcome = decideFor(u, representative, role, trust);
      if (!outcome) continue;
      const edge: SharedEdge = { unit: u, outcome, ...(skip ? { except: skip } : {}) };
      edges.push(edge);
      u.assumes.push(edge);
      if (skip) u.exceptions.push(edge);
      edgeCount += u.members.length - (skip?.size ?? 0);
    }

    const found: DirectAccess[] = [];
    const ofRole = roleKey(role, ids);
    // Decided on its own, or taken from the previous build when the principal (`who`) and the role are unchanged.
    const decide = (who: string, readsClock: boolean, evaluate: () => DirectAccess | null) => {
      const key = `${who}|${ofRole}`;
      let a = reuse?.alone.get(key);
      if (a !== undefined) reused++;
      else {
        a = evaluate();
        evaluations++;
      }
      if (!readsClock && !trustReadsClock) memo.alone.set(key, a);
      if (a) found.push(a);
    };
    for (const k of alone) {
      const who = (k.memoKey ??= principalKey(k.policies, k.kind, ids));
      decide(who.key, who.readsClock, () => decideDirect(k.principal, k.policies, k.kind, role, now));
    }
    for (const o of outside) decide(JSON.stringify(["outside", o.principal, o.policies.arn]), false, () => decideDirect(o.principal, o.policies, "outside", role, now));
    for (const service of names.services) {
      decide(JSON.stringify(["service", service]), false, () => decidePrincipalOutsideIam({ kind: "service", arn: service }, role));
    }
    for (const provider of names.federated) {
      const action = parseFederatedPrincipal(provider)?.form === "saml" ? "sts:AssumeRoleWithSAML" : "sts:AssumeRoleWithWebIdentity";
      decide(JSON.stringify(["federated", provider, action]), false, () => decidePrincipalOutsideIam({ kind: "federated", arn: provider, action }, role));
    }
    shared.set(role.arn, edges);
    single.set(role.arn, found);
    edgeCount += found.length;
    for (const a of found) {
      if (!principals.has(a.principal.arn)) principals.set(a.principal.arn, a.principal);
      listIn(outgoing, a.principal.arn).push(a);
    }
  }

  ids.settle();

  const members = (e: SharedEdge) => (e.except ? e.unit.members.filter((k) => !e.except!.has(k)) : e.unit.members);
  const direct = (roleArn: string): DirectAccess[] => [
    ...(shared.get(roleArn) ?? []).flatMap((e) => members(e).map((k) => withPrincipal(k.principal, e.outcome))),
    ...(single.get(roleArn) ?? []),
  ];
  const sharedOf = (principalArn: string): SharedEdge[] => {
    const k = byArn.get(principalArn);
    return k ? k.unit.assumes.filter((e) => !e.except?.has(k)) : [];
  };
  const assumable = (principalArn: string): DirectAccess[] => {
    const k = byArn.get(principalArn);
    return [...sharedOf(principalArn).map((e) => withPrincipal(k!.principal, e.outcome)), ...(outgoing.get(principalArn) ?? [])];
  };
  const needed = (allowConditional: boolean, a: { conditions: unknown[] }) => allowConditional || a.conditions.length === 0;
  // A class's members are walked once per pass: after that they are all seen (unless an edge left some out).
  const assumers: Edges = (allowConditional) => {
    const walked = new Set<Unit>();
    return (roleArn, visit) => {
      for (const e of shared.get(roleArn) ?? []) {
        if (!needed(allowConditional, e.outcome) || walked.has(e.unit)) continue;
        if (!e.except) walked.add(e.unit);
        for (const k of members(e)) visit(k.principal.arn);
      }
      for (const a of single.get(roleArn) ?? []) if (needed(allowConditional, a)) visit(a.principal.arn);
    };
  };
  // The members of a class assume the same roles: after the first, only the edges that leave some out can differ.
  const assumes: Edges = (allowConditional) => {
    const walked = new Set<Unit>();
    return (principalArn, visit) => {
      const k = byArn.get(principalArn);
      if (k) {
        const edges = walked.has(k.unit) ? k.unit.exceptions : k.unit.assumes;
        walked.add(k.unit);
        for (const e of edges) if (!e.except?.has(k) && needed(allowConditional, e.outcome)) visit(e.outcome.roleArn);
      }
      for (const a of outgoing.get(principalArn) ?? []) if (needed(allowConditional, a)) visit(a.roleArn);
    };
  };

  return {
    roleCount: store.roles.length,
    edgeCount,
    evaluations,
    reused,
    memo,
    direct,
    assumable,
    chains: (arn) => chainsTo(arn, assumers, (p) => principals.get(p)),
    reachable: (arn) => chainsFrom(arn, assumes),
    principal: (arn) => principals.get(arn),
    hasRole: (arn) => single.has(arn),
  };
}
