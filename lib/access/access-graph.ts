/**
 * Who can assume what, for every role in the store: the direct assumes (lib/access/assume-access), decided once per
 * class of principals that must answer alike (lib/access/decision-classes) and kept once per class and role, and
 * the chains of assumes through roles (toward a role lib/access/chain-search, from a principal
 * lib/access/access-chains). Built once per store version by lib/iam/access.ts; every query after that reads the
 * index. Roleplane's own analysis.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles.html#iam-term-role-chaining
 */
import type { PrincipalPolicies } from "@/lib/domain/types";
import { withPolicyCache } from "@/lib/policy";
import { parseAwsPrincipal, parseFederatedPrincipal } from "@/lib/policy/arn";
import { decideDirect, decidePrincipalOutsideIam, type AccessPrincipal, type AnalyzedRole, type DirectAccess } from "./assume-access";
import { chainsFrom, type Edges } from "./access-chains";
import { ChainSearch } from "./chain-search";
import { assumeResources } from "./assume-resources";
import {
  changedPrincipals, isCandidate, listIn, patternTests, planPatch, roleIndex, type Known, type RoleEntry, type SharedEdge, type SharedOutcome, type Unit,
} from "./index-reuse";
import {
  classKeyFor, decisionClass as classOf, DocumentReadings, nameKey, principalKey, roleKey, trustSharing, type TrustSharing,
} from "./decision-classes";
import type { AccessIndex, AccessStore, BuildOptions, DecisionMemo } from "./access-index-types";

export type { AccessIndex, AccessStore, BuildOptions, CanAssume, ChainAccess, DecisionMemo, WhoCanAssume } from "./access-index-types";

const OUTSIDE_PRINCIPAL = "roleplane-any-principal";

function outsideAccountId(accounts: Set<string>): string {
  for (let n = 999_999_999_999; ; n--) if (!accounts.has(String(n))) return String(n);
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

const inner = <V>(maps: Map<string, Map<string, V>>, key: string): Map<string, V> => maps.get(key) ?? maps.set(key, new Map()).get(key)!;

/** How many decisions a memo keeps. */
function memoSize(memo: DecisionMemo): number {
  let n = memo.alone.size;
  for (const ofTrust of memo.shared.values()) n += ofTrust.size;
  return n;
}

/** More principals changed than this (or a tenth of the store), and building whole is as quick. */
const MAX_CHANGED = 200;

/**
 * A build reads each document of the store to class principals, then again to evaluate: with its own policy cache
 * for them all, each is compiled once (the shared cache holds 2,000; 10,000 roles have some 8,000 documents).
 */
export function buildAccessIndex(store: AccessStore, now = new Date(), options: BuildOptions = {}): AccessIndex {
  let documents = store.roles.length;
  for (const p of [...store.users, ...store.roles]) documents += p.identity.length + (p.boundary ? 1 : 0);
  return withPolicyCache(documents, () => build(store, now, options));
}

function build(store: AccessStore, now: Date, { shareDecisions = true, reuse }: BuildOptions): AccessIndex {
  const accounts = new Set(store.accounts);
  const previous = shareDecisions && reuse?.state?.accounts === store.accounts.join() ? reuse.state : undefined;
  const units = new Map<string, Unit>();
  const membersOf = new Map<Unit, Known[]>();
  const knownBy = new Map<PrincipalPolicies, Known>();
  let ids = new DocumentReadings(reuse?.documents);
  // A principal the store kept (the same object as last build) is the same Known, in the same unit.
  const knownOf = (p: PrincipalPolicies, kind: "user" | "role"): Known => {
    let k = previous?.known.get(p);
    if (!k) {
      const resources = assumeResources(p, ids);
      const decisionClass = shareDecisions ? classOf(p, kind, ids) : null;
      const signature = decisionClass ? [decisionClass.base, ...decisionClass.statements.map((s) => s.key), JSON.stringify(resources)].join("|") : undefined;
      const unit = (signature && (units.get(signature) ?? previous?.units.get(signature))) || { ...(signature ? { signature } : {}), accountId: p.accountId, resources, decisionClass };
      k = { principal: { kind, arn: p.arn, accountId: p.accountId, name: p.name, id: p.id }, policies: p, kind, unit };
    }
    if (k.unit.signature) units.set(k.unit.signature, k.unit);
    listIn(membersOf, k.unit).push(k);
    knownBy.set(p, k);
    return k;
  };
  const known: Known[] = [...store.users.map((p) => knownOf(p, "user")), ...store.roles.map((p) => knownOf(p, "role"))];
  const changes = previous && changedPrincipals(previous, knownBy);
  const patching = previous && changes && changes.length <= Math.max(MAX_CHANGED, known.length / 10) && memoSize(reuse!) <= previous.memoLimit ? previous : undefined;
  // A patch keeps the last build's readings whole: the documents of what it does not build again are not met.
  if (patching) ids = reuse!.documents;
  const byArn = new Map(known.map((k) => [k.principal.arn, k]));
  // What building a role reads, made when a role is built (a patch that keeps every role needs none of it).
  let lookups: ReturnType<typeof makeLookups> | undefined;
  const makeLookups = () => {
    const units = [...membersOf.keys()];
    const unitsByAccount = new Map<string, Unit[]>();
    for (const u of units) listIn(unitsByAccount, u.accountId).push(u);
    // Who could be allowed by its own policies to assume a given role: those allowed any role, and by pattern.
    const byPattern = new Map<string, Unit[]>();
    for (const u of units) if (u.resources !== "any") for (const r of new Set(u.resources)) listIn(byPattern, r).push(u);
    return {
      byId: new Map(known.map((k) => [k.policies.id, k])),
      byName: new Map(known.map((k) => [nameKey(k.policies.accountId, k.kind, k.policies.name), k])),
      roleByName: new Map(known.filter((k) => k.kind === "role").map((k) => [`${k.policies.accountId}/${k.policies.name.toLowerCase()}`, k])),
      unitsByAccount,
      anyRole: units.filter((u) => u.resources === "any"),
      patterns: [...byPattern].map(([pattern, holders]) => ({ test: testOf(pattern), holders })),
    };
  };
  const look = () => (lookups ??= makeLookups());
  const mayAssume = (roleArn: string): Set<Unit> => {
    const out = new Set(look().anyRole);
    for (const p of look().patterns) if (p.test(roleArn)) for (const u of p.holders) out.add(u);
    return out;
  };
  const outsideAccount = outsideAccountId(accounts);
  const testOf = patternTests();

  let evaluations = 0;
  let reused = 0;
  // Shared decisions by the role's key (trust policy, account, tags), then the class key: roles with the same trust
  // policy reuse them.
  const decisions = new Map<string, Map<string, SharedOutcome | null>>();
  const memo: DecisionMemo = patching
    ? reuse!
    : { shared: new Map<string, Map<string, SharedOutcome | null>>(), alone: new Map<string, DirectAccess | null>(), documents: ids };
  const memoShared = memo.shared as Map<string, Map<string, SharedOutcome | null>>;
  const memoAlone = memo.alone as Map<string, DirectAccess | null>;
  let sharedForRole = new Map<SharedOutcome, SharedOutcome>();
  let clock = false;
  const decideFor = (unit: Unit, representative: Known, role: AnalyzedRole, trust: TrustSharing): SharedOutcome | null => {
    const key = classKeyFor(unit.decisionClass!, role.arn);
    const ofTrust = inner(decisions, trust.key);
    let first = ofTrust.get(key);
    if (first === undefined) {
      const earlier = reuse?.shared.get(trust.key)?.get(key);
      if (earlier !== undefined) {
        reused++;
        first = earlier;
      } else {
        evaluations++;
        const d = decideDirect(representative.principal, representative.policies, representative.kind, role, now);
        first = d && { roleArn: d.roleArn, action: d.action, conditions: d.conditions, example: d.example, statements: d.statements };
      }
      ofTrust.set(key, first);
      if (!trust.readsClock && !unit.decisionClass!.readsClock) inner(memoShared, trust.key).set(key, first);
    }
    clock ||= trust.readsClock || unit.decisionClass!.readsClock;
    if (!first) return null;
    // Units whose decisions share a key share this role's copy too.
    return sharedForRole.get(first) ?? sharedForRole.set(first, forRole(first, role.arn)).get(first)!;
  };
  /** The principals of a unit the trust policy singles out: they are decided on their own. */
  const namedBy = (trust: TrustSharing) => {
    const except = new Map<Unit, Known[]>();
    const { byName, byId } = look();
    for (const k of [...trust.names].map((n) => byName.get(n)).concat([...trust.uniqueIds].map((id) => byId.get(id)))) {
      if (k?.unit.decisionClass && !listIn(except, k.unit).includes(k)) listIn(except, k.unit).push(k);
    }
    return except;
  };
  const sharedEdge = (u: Unit, role: AnalyzedRole, trust: TrustSharing, named: Known[] | undefined): SharedEdge | undefined => {
    const skip = named && new Set(named.map((k) => k.policies));
    const members = membersOf.get(u)!;
    const representative = skip ? members.find((k) => !skip.has(k.policies)) : members[0];
    if (!representative) return undefined;
    const outcome = decideFor(u, representative, role, trust);
    return outcome ? { unit: u, outcome, ...(skip ? { except: skip } : {}) } : undefined;
  };

  const buildRole = (role: AnalyzedRole): RoleEntry => {
    const { named: names, readsClock: trustReadsClock } = ids.trust(role.trustPolicy);
    sharedForRole = new Map();
    clock = false;
    const candidates = new Set<Unit>();
    const alone = new Set<Known>();
    let assumers: Set<Unit> | undefined;
    const allowedByOwnPolicies = () => (assumers ??= mayAssume(role.arn));
    const outside: { principal: AccessPrincipal; policies: PrincipalPolicies }[] = [];
    const outsider = (principal: AccessPrincipal, accountId: string, arn: string) =>
      outside.push({ principal, policies: { id: "", accountId, name: OUTSIDE_PRINCIPAL, arn, tags: [], identity: [] } });

    if (names.wildcard) {
      // Same account: `*` needs nothing more; other accounts' principals need their own policies to allow.
      for (const u of look().unitsByAccount.get(role.accountId) ?? []) candidates.add(u);
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
      const k = look().byId.get(id);
      if (k) alone.add(k);
    }
    for (const key of names.sessionRoles) {
      const [acct, name] = key.split("/");
      const k = look().roleByName.get(`${acct}/${name.toLowerCase()}`);
      if (k) alone.add(k);
    }

    // Principals the trust policy singles out are decided on their own, as is every member of a unit that cannot share.
    const trust = shareDecisions ? trustSharing(role, ids) : null;
    const except = trust ? namedBy(trust) : new Map<Unit, Known[]>();
    for (const [u, named] of except) if (candidates.has(u)) for (const k of named) alone.add(k);
    const edges: SharedEdge[] = [];
    for (const u of candidates) {
      if (!trust || !u.decisionClass) {
        for (const k of membersOf.get(u)!) alone.add(k);
        continue;
      }
      const edge = sharedEdge(u, role, trust, except.get(u));
      if (edge) edges.push(edge);
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
      if (!readsClock && !trustReadsClock) memoAlone.set(key, a);
      else clock = true;
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
    return { edges, found, readsClock: clock || trustReadsClock };
  };

  /**
   * The last build's entry for a role, as it is; or with the units in `dirty` (new or gone since then) decided again
   * when its trust policy shares decisions and names none of their members (else undefined: build the role).
   */
  const patchRole = (role: AnalyzedRole, was: RoleEntry, dirty: Set<string> | undefined): RoleEntry | undefined => {
    if (!dirty) {
      reused += was.edges.length + was.found.length;
      return was;
    }
    const trust = trustSharing(role, ids);
    if (!trust) return undefined;
    sharedForRole = new Map();
    clock = was.readsClock;
    const edges = was.edges.filter((e) => !dirty.has(e.unit.signature!));
    const kept = edges.length + was.found.length;
    const named = ids.trust(role.trustPolicy).named;
    const except = namedBy(trust);
    for (const signature of dirty) {
      const u = units.get(signature);
      if (!u || !isCandidate(u, role, named, accounts, testOf)) continue;
      if (except.has(u)) return undefined;
      const edge = sharedEdge(u, role, trust, undefined);
      if (edge) edges.push(edge);
    }
    reused += kept;
    return { edges, found: was.found, readsClock: clock };
  };

  const entries = new Map<AnalyzedRole, RoleEntry>();
  const plan = patching && planPatch(patching, changes!, store.roles, units, membersOf, ids, accounts, testOf);
  let rolesBuilt = 0;
  for (const role of store.roles) {
    const was = plan && patching.roles.get(role);
    const dirty = plan?.patch.get(role);
    const kept = was && !was.readsClock && !plan.rebuild.has(role) && patchRole(role, was, dirty);
    if (!kept || dirty) rolesBuilt++;
    entries.set(role, kept || buildRole(role));
  }

  const ofRole = new Map<string, RoleEntry>();
  for (const [role, entry] of entries) ofRole.set(role.arn, entry);
  const shared = (roleArn: string) => ofRole.get(roleArn)?.edges ?? [];
  const single = (roleArn: string) => ofRole.get(roleArn)?.found ?? [];
  // The other direction (what a principal assumes) and the count, made on first use: after a change, the next
  // who-can answer does not wait for them.
  let reversed: ReturnType<typeof reverse> | undefined;
  const reverse = () => {
    const outgoing = new Map<string, DirectAccess[]>();
    const outside = new Map<string, AccessPrincipal>();
    // The roles each unit's members assume by a shared decision, and those of them with an `except`.
    const assumesOf = new Map<Unit, SharedEdge[]>();
    const exceptionsOf = new Map<Unit, SharedEdge[]>();
    let edgeCount = 0;
    for (const { edges, found } of entries.values()) {
      for (const e of edges) {
        listIn(assumesOf, e.unit).push(e);
        if (e.except) listIn(exceptionsOf, e.unit).push(e);
        edgeCount += membersOf.get(e.unit)!.length - (e.except?.size ?? 0);
      }
      edgeCount += found.length;
      for (const a of found) {
        if (!byArn.has(a.principal.arn) && !outside.has(a.principal.arn)) outside.set(a.principal.arn, a.principal);
        listIn(outgoing, a.principal.arn).push(a);
      }
    }
    return { outgoing, outside, assumesOf, exceptionsOf, edgeCount };
  };
  const back = () => (reversed ??= reverse());
  // A whole build also makes the index of roles by whom they trust that the first patch after it reads: the trust
  // readings are at hand now, and the first change's answer does not wait for it.
  memo.state = shareDecisions
    ? { accounts: store.accounts.join(), known: knownBy, units, members: membersOf, roles: entries, roleIndex: plan ? plan.index : roleIndex(store.roles, ids), memoLimit: patching?.memoLimit ?? 2 * memoSize(memo) + 1_000 }
    : undefined;
  ids.settle();

  const members = (e: SharedEdge) => (e.except ? membersOf.get(e.unit)!.filter((k) => !e.except!.has(k.policies)) : membersOf.get(e.unit)!);
  const direct = (roleArn: string): DirectAccess[] => [
    ...shared(roleArn).flatMap((e) => members(e).map((k) => withPrincipal(k.principal, e.outcome))),
    ...single(roleArn),
  ];
  // One principal's direct access of one role, without making the role's whole list (a chain's hop, when its row opens).
  const access = (principalArn: string, roleArn: string): DirectAccess | undefined => {
    const k = byArn.get(principalArn);
    const edge = k && shared(roleArn).find((e) => e.unit === k.unit && !e.except?.has(k.policies));
    return edge ? withPrincipal(k.principal, edge.outcome) : single(roleArn).find((a) => a.principal.arn === principalArn);
  };
  const sharedOf = (principalArn: string): SharedEdge[] => {
    const k = byArn.get(principalArn);
    return k ? (back().assumesOf.get(k.unit) ?? []).filter((e) => !e.except?.has(k.policies)) : [];
  };
  const assumable = (principalArn: string): DirectAccess[] => {
    const k = byArn.get(principalArn);
    return [...sharedOf(principalArn).map((e) => withPrincipal(k!.principal, e.outcome)), ...(back().outgoing.get(principalArn) ?? [])];
  };
  const needed = (allowConditional: boolean, a: { conditions: unknown[] }) => allowConditional || a.conditions.length === 0;
  // The members of a class assume the same roles: after the first, only the edges that leave some out can differ.
  const assumes: Edges = (allowConditional) => {
    const walked = new Set<Unit>();
    return (principalArn, visit) => {
      const k = byArn.get(principalArn);
      if (k) {
        const edges = (walked.has(k.unit) ? back().exceptionsOf : back().assumesOf).get(k.unit) ?? [];
        walked.add(k.unit);
        for (const e of edges) if (!e.except?.has(k.policies) && needed(allowConditional, e.outcome)) visit(e.outcome.roleArn);
      }
      for (const a of back().outgoing.get(principalArn) ?? []) if (needed(allowConditional, a)) visit(a.roleArn);
    };
  };

  const principal = (arn: string) => byArn.get(arn)?.principal ?? back().outside.get(arn);
  // Made on the first chain search of this index: after a change, the next who-can answer builds it.
  let chainSearch: ChainSearch | undefined;
  const chainSearchOf = () => (chainSearch ??= new ChainSearch(known, ofRole, members));
  return {
    roleCount: store.roles.length,
    get edgeCount() {
      return back().edgeCount;
    },
    rolesBuilt,
    evaluations,
    reused,
    memo,
    direct,
    access,
    assumable,
    chains: (arn) => chainSearchOf().chainsTo(arn),
    chainList: (arn) => chainSearchOf().chainList(arn),
    reachable: (arn) => chainsFrom(arn, assumes),
    principal,
    hasRole: (arn) => ofRole.has(arn),
  };
}
