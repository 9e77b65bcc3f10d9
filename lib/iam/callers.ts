import { getDb, type Tx } from "@/lib/db/client";
import { defaultVersionDocumentByArn } from "@/lib/db/policies";
import { loadPrincipalPolicies, type PrincipalPolicies } from "@/lib/db/principal-tables";
import { VersionedCache } from "@/lib/db/versioned-cache";
import { callerPoliciesOf, type Caller, type CallerPolicies } from "@/lib/domain/callers";
import type { PolicySet } from "@/lib/policy";

/**
 * A caller's policies, loaded from the store (cached per store version). The Caller itself, its request principal
 * and its request context are pure and live in lib/domain/callers, so analyses decide with the same rules.
 */
export { callerContext, callerPoliciesOf, callerUserName, isRoleSession, requestEnvContext, requestPrincipal, type Caller, type CallerPolicies, type RequestEnv } from "@/lib/domain/callers";

const EMPTY_POLICY = { Version: "2012-10-17", Statement: [] };

// A change to any principal or policy moves the store version and empties these (lib/db/versioned-cache).
const principals = new VersionedCache<string, PrincipalPolicies | null>();
const managedDocuments = new VersionedCache<string, { arn: string; name: string; document: string } | null>();

function principalOf(kind: "user" | "role", id: string, tx: Tx): Promise<PrincipalPolicies | null> {
  return tx === getDb() ? principals.get(`${kind}:${id}`, () => loadPrincipalPolicies(tx, kind, { id })) : loadPrincipalPolicies(tx, kind, { id });
}

function managedDocument(arn: string, tx: Tx) {
  const load = () => defaultVersionDocumentByArn(tx, arn);
  return tx === getDb() ? managedDocuments.get(arn, load) : load();
}

/** Session policies: the inline one and the managed ones named by ARN (their current default versions). */
export async function sessionPolicies(policy: string | null, policyArns: string[], tx: Tx = getDb()): Promise<NonNullable<PolicySet["session"]>> {
  const out: NonNullable<PolicySet["session"]> = [];
  if (policy) out.push({ name: "session policy", document: policy });
  for (const arn of policyArns) {
    const m = await managedDocument(arn, tx);
    // A managed session policy deleted since allows nothing (fail closed), like a missing boundary.
    out.push(m ? { name: m.name, arn: m.arn, document: m.document } : { name: arn, arn, document: EMPTY_POLICY });
  }
  return out;
}

export async function loadCallerPolicies(c: Caller, tx: Tx = getDb()): Promise<CallerPolicies> {
  const s = c.kind === "session" ? c.session : undefined;
  const principal = s?.roleId ? await principalOf("role", s.roleId, tx) : await principalOf("user", c.kind === "user" ? c.userId : s!.userId!, tx);
  const session = s && (s.policy || s.policyArns.length) ? await sessionPolicies(s.policy, s.policyArns, tx) : undefined;
  return callerPoliciesOf(principal, session, s?.tags ?? []);
}
