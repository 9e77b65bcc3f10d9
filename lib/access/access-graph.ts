/**
 * Who can assume what, for every role in the store: the direct assumes (lib/access/assume-access), and the chains
 * of assumes through roles (role chaining), one shortest path per principal, cycles visited once. Built once per
 * store version by lib/iam/access.ts; every query after that reads the index. Roleplane's own analysis.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles.html#iam-term-role-chaining
 */
import type { PrincipalPolicies } from "@/lib/domain/types";
import { actionMatches } from "@/lib/policy";
import { parseAwsPrincipal, parseFederatedPrincipal } from "@/lib/policy/arn";
import { decideDirect, decidePrincipalOutsideIam, type AccessPrincipal, type AnalyzedRole, type DirectAccess } from "./assume-access";
import { classKeyFor, decisionClass, trustSharing, type DecisionClass, type DocumentIds, type TrustSharing } from "./decision-classes";
import { trustedNames } from "./trust-principals";

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

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/**
 * The resources a principal's identity policies could let it assume: `"any"` (a `*`, a NotResource, a NotAction, a
 * policy variable), the Resource patterns of its Allow statements whose Action matches sts:AssumeRole, or none.
 * Principals named only through their account need such a statement; skipping the others changes no answer, and
 * testing each distinct pattern once per role (not each principal) keeps 10,000 roles fast.
 */
function assumeResources(p: PrincipalPolicies): "any" | string[] {
  const patterns: string[] = [];
  for (const d of p.identity) {
    let doc: unknown;
    try {
      doc = JSON.parse(d.document);
    } catch {
      continue;
    }
    for (const raw of asList((doc as { Statement?: unknown } | null)?.Statement)) {
      const s = (raw ?? {}) as { Effect?: unknown; Action?: unknown; NotAction?: unknown; Resource?: unknown; NotResource?: unknown };
      if (s.Effect !== "Allow") continue;
      if (s.NotAction !== undefined) return "any";
      if (!asList(s.Action).some((a) => typeof a === "string" && actionMatches(a, "sts:AssumeRole"))) continue;
      if (s.NotResource !== undefined) return "any";
      for (const r of asList(s.Resource)) {
        if (typeof r !== "string" || r === "*" || r.includes("${")) return "any";
        patterns.push(r);
      }
    }
  }
  return patterns;
}

/** A Resource pattern as a whole-string glob, without case: it matches whatever IAM's per-segment match does, and more. */
function globTest(pattern: string): (arn: string) => boolean {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`, "i");
  return (arn) => re.test(arn);
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

/** The same outcome for another role with the same trust policy: the trust policy's statements are that role's. */
function forRole(o: SharedOutcome, roleArn: string): SharedOutcome {
  if (o.roleArn === roleArn) return o;
  const own = <T extends { policy: DirectAccess["statements"][number]["policy"] }>(s: T): T => (s.policy.type === "trust" ? { ...s, policy: { ...s.policy, arn: roleArn } } : s);
  return { ...o, roleArn, statements: o.statements.map(own), conditions: o.conditions.map((c) => ({ ...c, statement: own(c.statement) })) };
}

export interface BuildOptions {
  /**
   * Decide once per class of principals that must get the same answer (lib/access/decision-classes) and share it;
   * false decides every principal on its own (the reference the grouping is tested against).
   */
  shareDecisions?: boolean;
}

export function buildAccessIndex(store: AccessStore, now = new Date(), { shareDecisions = true }: BuildOptions = {}): AccessIndex {
  const accounts = new Set(store.accounts);
  const ids: DocumentIds = new Map();
  // One object per distinct class, so a role's shared decisions are found by identity, not by building keys.
  const classes = new Map<string, DecisionClass>();
  const classOf = (p: PrincipalPolicies, kind: "user" | "role"): DecisionClass | null => {
    const c = shareDecisions ? decisionClass(p, kind, ids) : null;
    if (!c) return null;
    const signature = [c.base, ...c.statements.map((s) => s.key)].join("|");
    return classes.get(signature) ?? (classes.set(signature, c), c);
  };
  type Known = { principal: AccessPrincipal; policies: PrincipalPolicies; kind: "user" | "role"; resources: "any" | string[]; decisionClass: DecisionClass | null };
  const knownOf = (p: PrincipalPolicies, kind: "user" | "role"): Known => ({
    principal: { kind, arn: p.arn, accountId: p.accountId, name: p.name, id: p.id },
    policies: p,
    kind,
    resources: assumeResources(p),
    decisionClass: classOf(p, kind),
  });
  const known: Known[] = [...store.users.map((p) => knownOf(p, "user")), ...store.roles.map((p) => knownOf(p, "role"))];
  const byArn = new Map(known.map((k) => [k.principal.arn, k]));
  const byId = new Map(known.map((k) => [k.policies.id, k]));
  const roleByName = new Map(known.filter((k) => k.kind === "role").map((k) => [`${k.policies.accountId}/${k.policies.name.toLowerCase()}`, k]));
  const byAccount = new Map<string, Known[]>();
  for (const k of known) listIn(byAccount, k.policies.accountId).push(k);
  // Who could be allowed by its own policies to assume a given role: those allowed any role, and by pattern.
  const anyRole = known.filter((k) => k.resources === "any");
  const byPattern = new Map<string, Known[]>();
  for (const k of known) if (k.resources !== "any") for (const r of new Set(k.resources)) listIn(byPattern, r).push(k);
  const patternTests = [...byPattern].map(([pattern, holders]) => ({ test: globTest(pattern), holders }));
  const mayAssume = (roleArn: string): Set<Known> => {
    const out = new Set(anyRole);
    for (const p of patternTests) if (p.test(roleArn)) for (const k of p.holders) out.add(k);
    return out;
  };
  const outsideAccount = outsideAccountId(accounts);

  const direct = new Map<string, DirectAccess[]>();
  const outgoing = new Map<string, DirectAccess[]>();
  const principals = new Map<string, AccessPrincipal>(known.map((k) => [k.principal.arn, k.principal]));
  let edgeCount = 0;
  let evaluations = 0;
  const decide = (k: Known, role: AnalyzedRole) => (evaluations++, decideDirect(k.principal, k.policies, k.kind, role, now));
  // Shared decisions by class key and trust (across roles), and this role's copies of them.
  const shared = new Map<string, SharedOutcome | null>();
  let sharedForRole = new Map<DecisionClass, SharedOutcome | null>();
  const decideShared = (k: Known, role: AnalyzedRole, trust: TrustSharing): DirectAccess | null => {
    let outcome = sharedForRole.get(k.decisionClass!);
    if (outcome === undefined) {
      const key = `${trust.key}|${classKeyFor(k.decisionClass!, role.arn)}`;
      let first = shared.get(key);
      if (first === undefined) {
        const decided = decide(k, role);
        first = decided && { roleArn: decided.roleArn, action: decided.action, conditions: decided.conditions, example: decided.example, statements: decided.statements };
        shared.set(key, first);
      }
      outcome = first && forRole(first, role.arn);
      sharedForRole.set(k.decisionClass!, outcome);
    }
    return outcome && { principal: k.principal, roleArn: outcome.roleArn, action: outcome.action, conditions: outcome.conditions, example: outcome.example, statements: outcome.statements };
  };

  for (const role of store.roles) {
    const names = trustedNames(role.trustPolicy);
    const candidates = new Set<Known>();
    let assumers: Set<Known> | undefined;
    const allowedByOwnPolicies = () => (assumers ??= mayAssume(role.arn));
    const outside: { principal: AccessPrincipal; policies: PrincipalPolicies }[] = [];
    const outsider = (principal: AccessPrincipal, accountId: string, arn: string) =>
      outside.push({ principal, policies: { id: "", accountId, name: OUTSIDE_PRINCIPAL, arn, tags: [], identity: [] } });

    if (names.wildcard) {
      // Same account: `*` needs nothing more; other accounts' principals need their own policies to allow.
      for (const k of byAccount.get(role.accountId) ?? []) candidates.add(k);
      for (const k of allowedByOwnPolicies()) candidates.add(k);
      outsider({ kind: "anyone", arn: "*", accountId: outsideAccount }, outsideAccount, `arn:aws:iam::${outsideAccount}:user/${OUTSIDE_PRINCIPAL}`);
    }
    for (const acct of names.accounts) {
      if (accounts.has(acct)) {
        for (const k of allowedByOwnPolicies()) if (k.policies.accountId === acct) candidates.add(k);
      } else outsider({ kind: "account", arn: `arn:aws:iam::${acct}:root`, accountId: acct }, acct, `arn:aws:iam::${acct}:user/${OUTSIDE_PRINCIPAL}`);
    }
    for (const arn of names.arns) {
      const k = byArn.get(arn);
      if (k) candidates.add(k);
      else {
        const f = parseAwsPrincipal(arn);
        // A named principal of a store account that no longer exists matches nothing.
        if (f && "accountId" in f && !accounts.has(f.accountId)) outsider({ kind: "external", arn, accountId: f.accountId }, f.accountId, arn);
      }
    }
    for (const id of names.uniqueIds) {
      const k = byId.get(id);
      if (k) candidates.add(k);
    }
    for (const key of names.sessionRoles) {
      const [acct, name] = key.split("/");
      const k = roleByName.get(`${acct}/${name.toLowerCase()}`);
      if (k) candidates.add(k);
    }

    const found: DirectAccess[] = [];
    const trust = shareDecisions ? trustSharing(role, ids) : null;
    sharedForRole = new Map();
    for (const k of candidates) {
      const a = trust && k.decisionClass && !trust.named(k.policies, k.kind) ? decideShared(k, role, trust) : decide(k, role);
      if (a) found.push(a);
    }
    for (const o of outside) {
      evaluations++;
      const a = decideDirect(o.principal, o.policies, "outside", role, now);
      if (a) found.push(a);
    }
    for (const service of names.services) {
      evaluations++;
      const a = decidePrincipalOutsideIam({ kind: "service", arn: service }, role);
      if (a) found.push(a);
    }
    for (const provider of names.federated) {
      const action = parseFederatedPrincipal(provider)?.form === "saml" ? "sts:AssumeRoleWithSAML" : "sts:AssumeRoleWithWebIdentity";
      evaluations++;
      const a = decidePrincipalOutsideIam({ kind: "federated", arn: provider, action }, role);
      if (a) found.push(a);
    }
    direct.set(role.arn, found);
    edgeCount += found.length;
    for (const a of found) {
      principals.set(a.principal.arn, a.principal);
      listIn(outgoing, a.principal.arn).push(a);
    }
  }

  return {
    roleCount: store.roles.length,
    edgeCount,
    evaluations,
    direct: (arn) => direct.get(arn) ?? [],
    assumable: (arn) => outgoing.get(arn) ?? [],
    chains: (arn) => chainsTo(arn, direct, principals),
    reachable: (arn) => chainsFrom(arn, outgoing),
    principal: (arn) => principals.get(arn),
    hasRole: (arn) => direct.has(arn),
  };
}

/**
 * Breadth-first search over assume edges from `start` (backwards over `edges` when looking for who reaches a role):
 * first over unconditional edges only, then over all, so a principal with an unconditional path gets the shortest
 * of those and one with only conditional paths the shortest of those. Each node is visited once: cycles end.
 */
function shortestPaths(start: string, next: (node: string) => { node: string; conditional: boolean }[]): Map<string, { path: string[]; conditional: boolean }> {
  const out = new Map<string, { path: string[]; conditional: boolean }>();
  for (const allowConditional of [false, true]) {
    const seen = new Map<string, string[]>([[start, [start]]]);
    let frontier = [start];
    while (frontier.length) {
      const following: string[] = [];
      for (const node of frontier) {
        for (const e of next(node)) {
          if ((e.conditional && !allowConditional) || seen.has(e.node)) continue;
          const path = [...seen.get(node)!, e.node];
          seen.set(e.node, path);
          following.push(e.node);
          if (!out.has(e.node)) out.set(e.node, { path, conditional: allowConditional });
        }
      }
      frontier = following;
    }
  }
  return out;
}

function chainsTo(roleArn: string, direct: Map<string, DirectAccess[]>, principals: Map<string, AccessPrincipal>): ChainAccess[] {
  const paths = shortestPaths(roleArn, (node) => (direct.get(node) ?? []).map((a) => ({ node: a.principal.arn, conditional: a.conditions.length > 0 })));
  const out: ChainAccess[] = [];
  for (const [arn, { path, conditional }] of paths) {
    if (path.length < 3) continue;
    out.push({ principal: principals.get(arn)!, path: [...path].reverse(), conditional });
  }
  return out.sort((a, b) => a.path.length - b.path.length || a.principal.arn.localeCompare(b.principal.arn));
}

function chainsFrom(principalArn: string, outgoing: Map<string, DirectAccess[]>) {
  const paths = shortestPaths(principalArn, (node) => (outgoing.get(node) ?? []).map((a) => ({ node: a.roleArn, conditional: a.conditions.length > 0 })));
  return [...paths]
    .filter(([, p]) => p.path.length >= 3)
    .map(([roleArn, p]) => ({ roleArn, ...p }))
    .sort((a, b) => a.path.length - b.path.length || a.roleArn.localeCompare(b.roleArn));
}
