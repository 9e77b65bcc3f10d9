import type { AccessStore } from "@/lib/access/access-graph";
import type { AnalyzedRole, DecidingStatement, DirectAccess } from "@/lib/access/assume-access";
import { evidenceKey, type EvidenceDocument, type StatementEvidence } from "@/lib/domain/access-evidence-types";
import type { PrincipalPolicies } from "@/lib/domain/types";
import { spanAtPath } from "@/lib/policy/locate";
import { parseJson, type ParsedJson } from "@/lib/policy/parse";
import { accessStore } from "./access";

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

/**
 * The store's users and roles by ARN, from the snapshot the access index is built from (one per store version):
 * a role's answer may name thousands of principals and roles, and reading them from the store again for every
 * answer made a whole account's worth of garbage per request (and one `IN (…)` over SQLite's parameter limit).
 */
const principalsOf = new WeakMap<AccessStore, Map<string, PrincipalPolicies | AnalyzedRole>>();
function principalsByArn(store: AccessStore): Map<string, PrincipalPolicies | AnalyzedRole> {
  let byArn = principalsOf.get(store);
  if (!byArn) principalsOf.set(store, (byArn = new Map([...store.users, ...store.roles].map((p) => [p.arn, p]))));
  return byArn;
}

/**
 * The documents behind direct accesses and the lines of each deciding statement, so the console can show them
 * highlighted. Principals outside the store have no documents here; their statements stay named only.
 */
export async function accessEvidence(accesses: DirectAccess[]): Promise<StatementEvidence> {
  const principals = principalsByArn(await accessStore());

  const documents: StatementEvidence["documents"] = {};
  const lines: StatementEvidence["lines"] = {};
  const parsed = new Map<string, ParsedJson>();
  for (const d of accesses) {
    const role = principals.get(d.roleArn);
    const trust = role && "trustPolicy" in role ? { arn: d.roleArn, text: role.trustPolicy } : undefined;
    lines[evidenceKey(d.principal.arn, d.roleArn)] = d.statements.map((s) => {
      const found = documentOf(s, principals.get(d.principal.arn), trust);
      if (!found) return null;
      const [id, stored] = found;
      const doc = documents[id] ?? { ...stored, text: readable(stored.text) };
      // Read once per answer: thousands of accesses may share a managed policy or the trust policy.
      let tree = parsed.get(id);
      if (!tree) parsed.set(id, (tree = parseJson(doc.text)));
      const span = spanAtPath(tree, s.path);
      if (!span) return null;
      documents[id] = doc;
      return { documentId: id, from: span.start.line, to: span.end.line };
    });
  }
  return { documents, lines };
}
