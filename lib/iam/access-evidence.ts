import type { AccessIndex } from "@/lib/access/access-graph";
import type { DecidingStatement, DirectAccess } from "@/lib/access/assume-access";
import { getDb } from "@/lib/db/client";
import { loadPrincipalPolicies } from "@/lib/db/principal-tables";
import { evidenceKey, type EvidenceDocument, type StatementEvidence } from "@/lib/domain/access-evidence-types";
import type { PrincipalPolicies } from "@/lib/domain/types";
import { spanAtPath } from "@/lib/policy/locate";
import { roleByArn } from "@/lib/sts/roles";

export interface AccessEvidence extends StatementEvidence {
  /** Every hop of the chains shown that is not a direct access already, as its direct access. */
  hops: DirectAccess[];
}

function documentOf(s: DecidingStatement, principal: PrincipalPolicies | undefined, trust: { arn: string; text: string } | undefined): [string, EvidenceDocument] | null {
  const ref = s.policy;
  if (ref.type === "trust") return trust ? [`trust:${trust.arn}`, { label: `Trust policy of ${trust.arn}`, text: trust.text }] : null;
  if (!principal) return null;
  if (ref.type === "boundary") {
    const doc = principal.boundary?.document;
    return doc && principal.boundary ? [principal.boundary.arn, { label: `Permissions boundary ${principal.boundary.arn}`, text: doc }] : null;
  }
  if (ref.type !== "identity") return null;
  const held = principal.identity[ref.index];
  if (!held || held.name !== ref.name) return null;
  if (held.arn) return [held.arn, { label: `Managed policy ${held.name} (${held.arn})`, text: held.document }];
  const owner = held.group ? held.group.arn : principal.arn;
  return [`${owner}#${held.name}`, { label: held.group ? `Inline policy ${held.name} of group ${held.group.name}` : `Inline policy ${held.name} of ${principal.arn}`, text: held.document }];
}

/**
 * The documents behind direct accesses and the lines of each deciding statement, so the console can show them
 * highlighted. Principals outside the store have no documents here; their statements stay named only.
 */
export async function accessEvidence(index: AccessIndex, directs: DirectAccess[], chains: { path: string[] }[]): Promise<AccessEvidence> {
  const hops = chainHops(index, chains.map((c) => c.path));
  const seen = new Set(directs.map((d) => evidenceKey(d.principal.arn, d.roleArn)));
  const extra = hops.filter((h) => !seen.has(evidenceKey(h.principal.arn, h.roleArn)));
  const all = [...directs, ...extra];
  const db = getDb();
  const principals = new Map<string, Promise<PrincipalPolicies | null>>();
  const trusts = new Map<string, Promise<string | null>>();
  for (const d of all) {
    const p = d.principal;
    if ((p.kind === "user" || p.kind === "role") && !principals.has(p.arn)) principals.set(p.arn, loadPrincipalPolicies(db, p.kind, { arn: p.arn }));
    if (!trusts.has(d.roleArn)) trusts.set(d.roleArn, roleByArn(d.roleArn).then((r) => r?.trustPolicy ?? null));
  }
  const loadedPrincipals = new Map(await Promise.all([...principals].map(async ([arn, p]) => [arn, (await p) ?? undefined] as const)));
  const loadedTrusts = new Map(await Promise.all([...trusts].map(async ([arn, t]) => [arn, await t] as const)));

  const documents: StatementEvidence["documents"] = {};
  const lines: StatementEvidence["lines"] = {};
  for (const d of all) {
    const trustText = loadedTrusts.get(d.roleArn);
    const trust = trustText ? { arn: d.roleArn, text: trustText } : undefined;
    lines[evidenceKey(d.principal.arn, d.roleArn)] = d.statements.map((s) => {
      const found = documentOf(s, loadedPrincipals.get(d.principal.arn), trust);
      if (!found) return null;
      const [id, doc] = found;
      const span = spanAtPath(doc.text, s.path);
      if (!span) return null;
      documents[id] = doc;
      return { documentId: id, from: span.start.line, to: span.end.line };
    });
  }
  return { hops: extra, documents, lines };
}

/**
 * Each hop of the chains as the direct access that allows it (its conditions, example request and statements),
 * once per hop however many chains share it.
 */
export function chainHops(index: AccessIndex, paths: string[][]): DirectAccess[] {
  const hops = new Map<string, DirectAccess>();
  for (const path of paths)
    for (let i = 0; i + 1 < path.length; i++) {
      const key = evidenceKey(path[i], path[i + 1]);
      if (hops.has(key)) continue;
      const hop = index.direct(path[i + 1]).find((d) => d.principal.arn === path[i]);
      if (hop) hops.set(key, hop);
    }
  return [...hops.values()];
}
