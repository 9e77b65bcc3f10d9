/**
 * Findings a reviewer acts on, each with its evidence, read from the access analysis's answers (who can assume each
 * role, directly and through chains) and the store's facts (who exists, who is an administrator, when a role was last
 * used). Roleplane's own review; AWS has no such list. Pure: everything comes in as values.
 */
import type { WhoCanAssume } from "./access-graph";
import type { PrincipalPolicies } from "@/lib/domain/types";
import { administratorGrant, type AdministratorGrant } from "./administrators";
import type { AccessPrincipal, DecidingStatement } from "./assume-access";
import { parseAwsPrincipal } from "@/lib/policy/arn";
import { asList } from "./assume-resources";

export const FINDING_KINDS = ["wildcard-principal", "cross-account", "chain-to-admin", "missing-principal", "unassumable", "unused"] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];
export const SEVERITIES = ["high", "medium", "low"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** How long a role may sit unused before it is reported, as IAM's access advisor guidance suggests reviewing. */
export const UNUSED_DAYS = 90;

export type FindingEvidence =
  /** A principal that assumes the role directly, the condition keys it needs and the statements that allowed it. */
  | { type: "assume"; principal: string; principalKind: AccessPrincipal["kind"]; conditions: string[]; statements: DecidingStatement[] }
  /** A principal that reaches the role through a chain of assumes. */
  | { type: "chain"; principal: string; principalKind: AccessPrincipal["kind"]; path: string[]; conditional: boolean }
  /** Why the role counts as an administrator. */
  | { type: "administrator"; grant: AdministratorGrant }
  /** A principal named at `path` in the trust policy, and what is wrong with it. */
  | { type: "trust-principal"; path: string; value: string; problem: string }
  /** When the role was made and last used (ISO 8601). */
  | { type: "usage"; createdAt: string; lastUsedAt: string | null; lastSessionAt: string | null; idleDays: number };

export interface Finding {
  kind: FindingKind;
  severity: Severity;
  roleArn: string;
  roleName: string;
  /** One line a reviewer reads first. */
  summary: string;
  /** At most MAX_EVIDENCE items; the role's Access tab lists every principal. */
  evidence: FindingEvidence[];
  /** How many evidence items were left out, when there were more. */
  omitted?: number;
}

/** Evidence kept per finding: a role anyone can assume has every principal of the store as evidence. */
export const MAX_EVIDENCE = 50;

export interface FindingRole {
  arn: string;
  name: string;
  accountId: string;
  trustPolicy: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  /** When the last session of the role was issued, if any. */
  lastSessionAt: Date | null;
}

/** What every finding but `unused` reads of a role. */
export type RoleFacts = Pick<FindingRole, "arn" | "name" | "accountId" | "trustPolicy">;

/** What the store knows about principals, for naming missing ones and administrators. */
export interface StoreDirectory {
  accounts: ReadonlySet<string>;
  /** Whether a user or role with this ARN exists (ARNs compared without case). */
  hasPrincipal(arn: string): boolean;
  /** Whether a user or role with this unique id (AIDA…, AROA…) exists. */
  hasUniqueId(id: string): boolean;
  hasRole(accountId: string, name: string): boolean;
  administrator(arn: string): AdministratorGrant | null;
}

/** The directory of a store's users and roles (every account's: chains and trusts cross accounts). */
export function storeDirectory(accounts: Iterable<string>, principals: PrincipalPolicies[]): StoreDirectory {
  const arns = new Set(principals.map((p) => p.arn.toLowerCase()));
  const ids = new Set(principals.map((p) => p.id));
  const roles = new Set(principals.filter((p) => p.arn.includes(":role/")).map((p) => `${p.accountId}/${p.name.toLowerCase()}`));
  const admins = new Map<string, AdministratorGrant>();
  for (const p of principals) {
    const grant = administratorGrant(p);
    if (grant) admins.set(p.arn, grant);
  }
  return {
    accounts: new Set(accounts),
    hasPrincipal: (arn) => arns.has(arn.toLowerCase()),
    hasUniqueId: (id) => ids.has(id),
    hasRole: (accountId, name) => roles.has(`${accountId}/${name.toLowerCase()}`),
    administrator: (arn) => admins.get(arn) ?? null,
  };
}

export interface FindingsInput {
  roles: { role: FindingRole; who: WhoCanAssume }[];
  store: StoreDirectory;
  now: Date;
}

const DAY_MS = 86_400_000;
/** Condition keys that guard a cross-account trust: the third party's external ID, or MFA. */
const GUARD_KEYS = new Set(["sts:externalid", "aws:multifactorauthpresent", "aws:multifactorauthage"]);
const OUTSIDE_IAM = new Set<AccessPrincipal["kind"]>(["service", "federated"]);

const conditionKeys = (a: WhoCanAssume["direct"][number]) => [...new Set(a.conditions.map((c) => c.key))];
const assumeEvidence = (a: WhoCanAssume["direct"][number]): FindingEvidence => ({
  type: "assume", principal: a.principal.arn, principalKind: a.principal.kind, conditions: conditionKeys(a), statements: a.statements,
});

/** The trust statements that name every principal: `Principal: "*"`, `"AWS": "*"`, or a NotPrincipal. */
function wildcardStatements(trustPolicy: string): Set<number> {
  const out = new Set<number>();
  for (const { index, statement: s } of trustStatements(trustPolicy)) {
    const p = s.Principal as Record<string, unknown> | string | undefined;
    if (s.Effect === "Allow" && (s.NotPrincipal !== undefined || p === "*" || (typeof p === "object" && asList(p?.AWS).includes("*")))) out.add(index);
  }
  return out;
}

function trustStatements(trustPolicy: string): { index: number; path: string; statement: Record<string, unknown> }[] {
  let doc: unknown;
  try {
    doc = JSON.parse(trustPolicy);
  } catch {
    return [];
  }
  const raw = (doc as { Statement?: unknown } | null)?.Statement;
  const list = Array.isArray(raw) ? raw : [raw];
  return list.map((s, index) => ({ index, path: Array.isArray(raw) ? `Statement[${index}]` : "Statement", statement: (s ?? {}) as Record<string, unknown> }));
}

function wildcardFinding(role: RoleFacts, who: WhoCanAssume): Finding | null {
  const wild = wildcardStatements(role.trustPolicy);
  const through = who.direct.filter((a) => a.principal.kind === "anyone" || a.statements.some((s) => s.policy.type === "trust" && wild.has(s.statementIndex)));
  if (!through.length) return null;
  const anyone = through.find((a) => a.principal.kind === "anyone");
  const severity = anyone && !anyone.conditions.length ? "high" : "medium";
  const summary = anyone
    ? anyone.conditions.length ? `Any AWS principal can assume this role if the request carries ${conditionKeys(anyone).join(", ")}` : "Any AWS principal of any account can assume this role"
    : `A wildcard principal in the trust policy lets ${through.length} principal${through.length === 1 ? "" : "s"} assume this role`;
  const anyoneFirst = anyone ? [anyone, ...through.filter((a) => a !== anyone)] : through;
  return { kind: "wildcard-principal", severity, roleArn: role.arn, roleName: role.name, summary, evidence: anyoneFirst.map(assumeEvidence) };
}

/** Whether every trust statement that let the principal in names everyone: the wildcard finding reports those. */
function onlyThroughWildcard(a: WhoCanAssume["direct"][number], wild: Set<number>): boolean {
  const trust = a.statements.filter((s) => s.policy.type === "trust");
  return trust.length > 0 && trust.every((s) => wild.has(s.statementIndex));
}

function crossAccountFinding(role: RoleFacts, who: WhoCanAssume): Finding | null {
  const wild = wildcardStatements(role.trustPolicy);
  const unguarded = who.direct.filter(
    (a) =>
      a.principal.kind !== "anyone" &&
      !OUTSIDE_IAM.has(a.principal.kind) &&
      "accountId" in a.principal &&
      a.principal.accountId !== role.accountId &&
      !a.conditions.some((c) => GUARD_KEYS.has(c.key.toLowerCase())) &&
      !onlyThroughWildcard(a, wild),
  );
  if (!unguarded.length) return null;
  const wholeAccount = unguarded.some((a) => a.principal.kind === "account");
  const accounts = [...new Set(unguarded.map((a) => ("accountId" in a.principal ? a.principal.accountId : "")))].sort();
  return {
    kind: "cross-account",
    severity: wholeAccount ? "high" : "medium",
    roleArn: role.arn,
    roleName: role.name,
    summary: `Principals of account${accounts.length === 1 ? "" : "s"} ${accounts.join(", ")} can assume this role without an external ID or MFA`,
    evidence: unguarded.map(assumeEvidence),
  };
}

function chainToAdminFinding(role: RoleFacts, who: WhoCanAssume, store: StoreDirectory): Finding | null {
  const grant = store.administrator(role.arn);
  if (!grant) return null;
  const chains = who.chains.filter((c) => !store.administrator(c.principal.arn));
  if (!chains.length) return null;
  const unconditional = chains.filter((c) => !c.conditional).length;
  return {
    kind: "chain-to-admin",
    severity: unconditional ? "high" : "medium",
    roleArn: role.arn,
    roleName: role.name,
    summary: `${chains.length} principal${chains.length === 1 ? "" : "s"} that ${chains.length === 1 ? "is" : "are"} not an administrator reach${chains.length === 1 ? "es" : ""} this administrator role through a chain of roles${unconditional ? "" : ", each with conditions"}`,
    evidence: [{ type: "administrator", grant }, ...chains.map((c): FindingEvidence => ({ type: "chain", principal: c.principal.arn, principalKind: c.principal.kind, path: c.path, conditional: c.conditional }))],
  };
}

/**
 * Users and roles named in the trust policy that no longer exist. IAM stores a principal by its unique id, so when it
 * is deleted the policy shows that id (AIDA…, AROA…) instead of its ARN; a recreated principal of the same name is a
 * different principal and does not match. ARNs of accounts in the store that match nobody are missing too.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-roles
 */
function missingPrincipalFinding(role: RoleFacts, store: StoreDirectory): Finding | null {
  const evidence: FindingEvidence[] = [];
  for (const { path, statement } of trustStatements(role.trustPolicy)) {
    for (const element of ["Principal", "NotPrincipal"] as const) {
      const aws = (statement[element] as Record<string, unknown> | undefined)?.AWS;
      for (const [i, value] of asList(aws).entries()) {
        if (typeof value !== "string") continue;
        const problem = missingProblem(value, store);
        if (problem) evidence.push({ type: "trust-principal", path: `${path}.${element}.AWS${Array.isArray(aws) ? `[${i}]` : ""}`, value, problem });
      }
    }
  }
  if (!evidence.length) return null;
  return {
    kind: "missing-principal",
    severity: "medium",
    roleArn: role.arn,
    roleName: role.name,
    summary: `The trust policy names ${evidence.length} principal${evidence.length === 1 ? "" : "s"} that no longer exist${evidence.length === 1 ? "s" : ""}`,
    evidence,
  };
}

function missingProblem(value: string, store: StoreDirectory): string | null {
  const f = parseAwsPrincipal(value);
  if (f?.form === "unique-id") {
    if (store.hasUniqueId(f.id)) return null;
    return `No ${f.kind} has this unique id: IAM shows a deleted ${f.kind} this way, and a ${f.kind} recreated with the same name does not match it.`;
  }
  if ((f?.form === "user" || f?.form === "role") && store.accounts.has(f.accountId) && !store.hasPrincipal(f.arn)) return `Account ${f.accountId} has no such ${f.form}.`;
  if (f?.form === "assumed-role" && store.accounts.has(f.accountId) && !store.hasRole(f.accountId, f.roleName)) return `Account ${f.accountId} has no role named ${f.roleName}.`;
  return null;
}

function unassumableFinding(role: RoleFacts, who: WhoCanAssume): Finding | null {
  if (who.direct.length) return null;
  const evidence = trustStatements(role.trustPolicy)
    .filter(({ statement }) => statement.Effect === "Allow")
    .map(({ path, statement }): FindingEvidence => ({ type: "trust-principal", path: `${path}.Principal`, value: JSON.stringify(statement.Principal ?? statement.NotPrincipal ?? null), problem: "No principal it names can assume the role: none exists, or none is allowed by its own policies." }));
  return { kind: "unassumable", severity: "low", roleArn: role.arn, roleName: role.name, summary: "Nobody can assume this role", evidence };
}

function unusedFinding(role: FindingRole, now: Date): Finding | null {
  const lastUsed = Math.max(role.lastUsedAt?.getTime() ?? 0, role.lastSessionAt?.getTime() ?? 0);
  const since = lastUsed || role.createdAt.getTime();
  const idleDays = Math.floor((now.getTime() - since) / DAY_MS);
  if (idleDays < UNUSED_DAYS) return null;
  return {
    kind: "unused",
    severity: "low",
    roleArn: role.arn,
    roleName: role.name,
    summary: lastUsed ? `Not used for ${idleDays} days` : `Never used in the ${idleDays} days since it was created`,
    evidence: [{
      type: "usage", createdAt: role.createdAt.toISOString(), lastUsedAt: role.lastUsedAt?.toISOString() ?? null, lastSessionAt: role.lastSessionAt?.toISOString() ?? null, idleDays,
    }],
  };
}

const order = <T>(list: readonly T[], v: T) => list.indexOf(v);
const trimmed = (f: Finding): Finding => (f.evidence.length > MAX_EVIDENCE ? { ...f, evidence: f.evidence.slice(0, MAX_EVIDENCE), omitted: f.evidence.length - MAX_EVIDENCE } : f);

/**
 * One role's findings that change only with the store (every kind but `unused`): what its who-can-assume answer and
 * the store's principals show. A caller can read them role by role and let each answer go.
 */
export function storeFindings(role: RoleFacts, who: WhoCanAssume, store: StoreDirectory): Finding[] {
  const found = [wildcardFinding(role, who), crossAccountFinding(role, who), chainToAdminFinding(role, who, store), missingPrincipalFinding(role, store), unassumableFinding(role, who)];
  return found.filter((f): f is Finding => f !== null).map(trimmed);
}

/** The `unused` finding of a role, from when it was last used. */
export const usageFinding = (role: FindingRole, now: Date): Finding | null => unusedFinding(role, now);

/** Most severe first, then by kind and role name. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => order(SEVERITIES, a.severity) - order(SEVERITIES, b.severity) || order(FINDING_KINDS, a.kind) - order(FINDING_KINDS, b.kind) || a.roleName.localeCompare(b.roleName));
}

/** Every finding for the given roles, most severe first. */
export function findAccessFindings({ roles, store, now }: FindingsInput): Finding[] {
  const out: Finding[] = [];
  for (const { role, who } of roles) {
    out.push(...storeFindings(role, who, store));
    const unused = usageFinding(role, now);
    if (unused) out.push(unused);
  }
  return sortFindings(out);
}
