import type { PrincipalPolicies } from "@/lib/domain/types";
import { asList } from "./assume-resources";

/**
 * Whether a user or role is an administrator: AWS's AdministratorAccess managed policy attached (to it or, for a user,
 * to one of its groups), or any policy with a statement allowing every action (`*`) on every resource (`*`) — and no
 * permissions boundary narrowing that, since a boundary caps what identity policies grant.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_job-functions.html#jf_administrator
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html
 */
export interface AdministratorGrant {
  /** The policy that grants it: its ARN (managed) or name (inline), and the group it comes through. */
  policy: string;
  group?: string;
  /** The statement allowing `*` on `*`, as a JSON path; absent for AdministratorAccess itself. */
  statement?: string;
}

const ADMINISTRATOR_ACCESS = /^arn:[\w-]+:iam::aws:policy\/AdministratorAccess$/;


/** The first statement of the document that allows `*` on `*`, as `Statement[i]`. */
function allowAllStatement(document: string): string | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(document);
  } catch {
    return undefined;
  }
  const statements = (doc as { Statement?: unknown } | null)?.Statement;
  const list = Array.isArray(statements) ? statements : [statements];
  for (const [i, raw] of list.entries()) {
    const s = (raw ?? {}) as Record<string, unknown>;
    const everyAction = asList(s.Action).some((a) => a === "*" || a === "*:*");
    if (s.Effect === "Allow" && everyAction && asList(s.Resource).includes("*")) return Array.isArray(statements) ? `Statement[${i}]` : "Statement";
  }
  return undefined;
}

export function administratorGrant(p: PrincipalPolicies): AdministratorGrant | null {
  if (p.boundary && !(ADMINISTRATOR_ACCESS.test(p.boundary.arn) || (p.boundary.document && allowAllStatement(p.boundary.document)))) return null;
  for (const policy of p.identity) {
    const group = policy.group ? { group: policy.group.name } : {};
    if (policy.arn && ADMINISTRATOR_ACCESS.test(policy.arn)) return { policy: policy.arn, ...group };
    const statement = allowAllStatement(policy.document);
    if (statement) return { policy: policy.arn ?? policy.name, ...group, statement };
  }
  return null;
}
