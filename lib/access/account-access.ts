/**
 * An account's roles as the access analysis sees them: counts for the console's table, and the whole graph that
 * `npx roleplane access-graph` prints. Pure: each role comes with its who-can-assume answer.
 */
import type { WhoCanAssume } from "./access-graph";
import type { DirectAccess } from "./assume-access";
import type { Finding, FindingKind } from "./findings";

export interface AnalysedRole {
  arn: string;
  name: string;
  who: WhoCanAssume;
}

/** One row of the Access analysis roles table. */
export interface RoleAccessSummary {
  arn: string;
  name: string;
  /** Principals that assume it directly with nothing but the policies needed. */
  direct: number;
  /** Principals that assume it directly when the request meets conditions (MFA, an external ID…). */
  conditional: number;
  /** Principals that reach it only through a chain of other roles. */
  chained: number;
}

export function roleAccessSummary({ arn, name, who }: AnalysedRole): RoleAccessSummary {
  const conditional = who.direct.filter((a) => a.conditions.length > 0).length;
  return { arn, name, direct: who.direct.length - conditional, conditional, chained: who.chains.length };
}

/** The console's Access analysis of one account: its findings and its roles' counts. */
export interface AccountAccessAnalysis {
  accountId: string;
  /** When it was computed (ISO 8601): "unused" findings count days up to then. */
  analysedAt: string;
  findings: Finding[];
  roles: (RoleAccessSummary & { findings: FindingKind[] })[];
}

/** The `access-graph` JSON: the format issue 10 fixes, so scripts can rely on it. */
export interface AccessGraph {
  account: string;
  roles: {
    arn: string;
    direct: { principal: string; conditions: string[]; via: string }[];
    reachable: { principal: string; path: string[] }[];
  }[];
}

/** The trust statement that let the principal in, as a JSON path into the trust policy (`Statement[0]`). */
const via = (a: DirectAccess) => a.statements.find((s) => s.policy.type === "trust")?.path ?? "";

export function accessGraph(accountId: string, roles: AnalysedRole[]): AccessGraph {
  return {
    account: accountId,
    roles: [...roles].sort((a, b) => a.arn.localeCompare(b.arn)).map(({ arn, who }) => {
      const direct = [...who.direct]
        .sort((a, b) => a.principal.arn.localeCompare(b.principal.arn))
        .map((a) => ({ principal: a.principal.arn, conditions: [...new Set(a.conditions.map((c) => c.key))], via: via(a) }));
      // Every principal with a path of unconditional assumes: a direct one is one hop, [principal, role].
      const reachable = new Map<string, string[]>();
      for (const a of who.direct) if (!a.conditions.length && !reachable.has(a.principal.arn)) reachable.set(a.principal.arn, [a.principal.arn, arn]);
      for (const c of who.chains) if (!c.conditional && !reachable.has(c.principal.arn)) reachable.set(c.principal.arn, c.path);
      const ordered = [...reachable].sort(([a, pa], [b, pb]) => pa.length - pb.length || a.localeCompare(b)).map(([principal, path]) => ({ principal, path }));
      return { arn, direct, reachable: ordered };
    }),
  };
}
