import type { DecidingStatement, DirectAccess } from "@/lib/access/assume-access";
import { getDb } from "@/lib/db/client";
import { loadAccountPrincipalPolicies, loadPrincipalPolicies } from "@/lib/db/principal-tables";
import { evidenceKey, type EvidenceDocument, type StatementEvidence } from "@/lib/domain/access-evidence-types";
import type { PrincipalPolicies } from "@/lib/domain/types";
import { spanAtPath } from "@/lib/policy/locate";
import { roleByArn } from "@/lib/sts/roles";

/**
 * A document as people read it: one written on a single line (as the API and SDKs often send them) is shown
 * indented, as the AWS console shows policies; the statement's lines are found in the text shown.
 */
function readable(text: string): string {
  if (text.includes("\n")) return text;
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
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

/** Past this many principals of one kind in one account, their whole account is read in two queries instead. */
const ONE_BY_ONE = 25;

/** The stored users' and roles' policies among the accesses' principals, by ARN. */
async function loadPrincipals(accesses: DirectAccess[]): Promise<Map<string, PrincipalPolicies>> {
  const db = getDb();
  const wanted = new Map<string, { kind: "user" | "role"; accountId: string; arns: Set<string> }>();
  for (const { principal: p } of accesses) {
    if (p.kind !== "user" && p.kind !== "role") continue;
    const key = `${p.kind}:${p.accountId}`;
    const group = wanted.get(key) ?? { kind: p.kind, accountId: p.accountId, arns: new Set<string>() };
    group.arns.add(p.arn);
    wanted.set(key, group);
  }
  const loaded = await Promise.all(
    [...wanted.values()].map(async ({ kind, accountId, arns }) =>
      arns.size > ONE_BY_ONE
        ? (await loadAccountPrincipalPolicies(db, kind, accountId)).filter((p) => arns.has(p.arn))
        : (await Promise.all([...arns].map((arn) => loadPrincipalPolicies(db, kind, { arn })))).filter((p): p is PrincipalPolicies => p !== null),
    ),
  );
  return new Map(loaded.flat().map((p) => [p.arn, p]));
}

/**
 * The documents behind direct accesses and the lines of each deciding statement, so the console can show them
 * highlighted. Principals outside the store have no documents here; their statements stay named only.
 */
export async function accessEvidence(accesses: DirectAccess[]): Promise<StatementEvidence> {
  const trusts = new Map<string, Promise<string | null>>();
  for (const d of accesses) if (!trusts.has(d.roleArn)) trusts.set(d.roleArn, roleByArn(d.roleArn).then((r) => r?.trustPolicy ?? null));
  const loadedPrincipals = await loadPrincipals(accesses);
  const loadedTrusts = new Map(await Promise.all([...trusts].map(async ([arn, t]) => [arn, await t] as const)));

  const documents: StatementEvidence["documents"] = {};
  const lines: StatementEvidence["lines"] = {};
  for (const d of accesses) {
    const trustText = loadedTrusts.get(d.roleArn);
    const trust = trustText ? { arn: d.roleArn, text: trustText } : undefined;
    lines[evidenceKey(d.principal.arn, d.roleArn)] = d.statements.map((s) => {
      const found = documentOf(s, loadedPrincipals.get(d.principal.arn), trust);
      if (!found) return null;
      const [id, stored] = found;
      const doc = documents[id] ?? { ...stored, text: readable(stored.text) };
      const span = spanAtPath(doc.text, s.path);
      if (!span) return null;
      documents[id] = doc;
      return { documentId: id, from: span.start.line, to: span.end.line };
    });
  }
  return { documents, lines };
}
