/**
 * Principal and NotPrincipal matching.
 *
 * A request's principal stands for several identities at once: its account, itself, and for a role session
 * also the role. `{"AWS": "123456789012"}` ≡ the root ARN ≡ everything in that account; a role ARN matches the
 * sessions of that role; `*` matches everyone. NotPrincipal excludes only when every identity of the caller is
 * listed, which is why AWS tells you to list the account and the role next to a session ("AWS might validate
 * the account first, then the role, and then the assumed-role user").
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
 */
import { parseAwsPrincipal } from "./arn";
import type { PrincipalCheck, PrincipalMatchVia, RequestPrincipal } from "./evaluate-types";
import type { PrincipalElement, StatementModel } from "./model";

interface Identity {
  via: Exclude<PrincipalMatchVia, "wildcard">;
  arn?: string;
  accountId?: string;
  id?: string;
}

const isIamPrincipal = (p: RequestPrincipal) => p.type !== "service" && p.type !== "federated";

/** The role behind a session: `roleArn` when known, else `role/NAME` derived from the session ARN. */
export function sessionRoleArn(p: RequestPrincipal): string | undefined {
  if (p.type !== "assumed-role") return undefined;
  if (p.roleArn) return p.roleArn;
  const f = parseAwsPrincipal(p.arn);
  if (f?.form !== "assumed-role") return undefined;
  const partition = p.arn.split(":")[1];
  return `arn:${partition}:iam::${f.accountId}:role/${f.roleName}`;
}

function identitiesOf(p: RequestPrincipal): Identity[] {
  if (!isIamPrincipal(p)) return [{ via: "principal", arn: p.arn }];
  const out: Identity[] = [{ via: "account", accountId: p.accountId }];
  if (p.type === "root") return out;
  const roleArn = sessionRoleArn(p);
  if (roleArn) out.push({ via: "role", arn: roleArn, id: p.id });
  // A grant to a role ARN is a grant to the role, limited by its boundary, whether the caller is a session or the role.
  out.push({ via: p.type === "role" ? "role" : "principal", arn: p.arn, id: p.type === "assumed-role" ? undefined : p.id });
  return out;
}

/** Which identity of `p` a single principal value names, if any. */
function entryMatch(key: string, value: string, p: RequestPrincipal, ids: Identity[]): PrincipalMatchVia | undefined {
  if (key === "Service") return p.type === "service" && p.arn.toLowerCase() === value.toLowerCase() ? "principal" : undefined;
  if (key === "Federated") return p.type === "federated" && p.arn === value ? "principal" : undefined;
  if (key !== "AWS") return undefined;
  // `{"AWS": "*"}` names every AWS principal; services and identity providers are named by their own keys.
  if (value === "*") return isIamPrincipal(p) ? "wildcard" : undefined;
  const f = parseAwsPrincipal(value);
  if (!f || f.form === "wildcard") return undefined;
  if (f.form === "account" || f.form === "root") {
    return ids.some((i) => i.via === "account" && i.accountId === f.accountId) ? "account" : undefined;
  }
  // IAM keeps unique ids in stored policies; an id matches only the entity it belongs to.
  if (f.form === "unique-id") return ids.find((i) => i.id !== undefined && i.id === f.id)?.via;
  // "the user name part of the ARN is case sensitive"
  return ids.find((i) => i.via !== "account" && i.arn === f.arn)?.via;
}

const STRENGTH: Record<PrincipalMatchVia, number> = { principal: 4, wildcard: 3, role: 2, account: 1 };

function bestMatch(el: PrincipalElement, p: RequestPrincipal, ids: Identity[]): { via?: PrincipalMatchVia; pattern?: string; path?: string } {
  if (el.wildcard) return { via: "wildcard", pattern: "*", path: el.path };
  let best: { via?: PrincipalMatchVia; pattern?: string; path?: string } = {};
  for (const e of el.entries) {
    for (const item of e.items) {
      const via = entryMatch(e.key, item.value, p, ids);
      if (via && (!best.via || STRENGTH[via] > STRENGTH[best.via])) best = { via, pattern: `${e.key}: ${item.value}`, path: item.path };
    }
  }
  return best;
}

/** Whether some single entry names exactly this identity (`*` names all). */
function covers(el: PrincipalElement, id: Identity, p: RequestPrincipal): boolean {
  if (el.wildcard) return true;
  return el.entries.some((e) =>
    e.items.some((item) => {
      if (e.key === "AWS" && item.value === "*") return isIamPrincipal(p);
      const via = entryMatch(e.key, item.value, p, [id]);
      return via !== undefined;
    }),
  );
}

/**
 * Checks the statement's Principal/NotPrincipal. Identity-based policies have none: their principal is
 * implicitly the identity they are attached to, so `resourcePolicy` false makes the check pass.
 */
export function checkPrincipal(s: StatementModel, p: RequestPrincipal, resourcePolicy: boolean): PrincipalCheck {
  if (!resourcePolicy) return { element: "implicit", matched: true, path: s.path };
  const ids = identitiesOf(p);
  if (s.principal) {
    const m = bestMatch(s.principal, p, ids);
    return { element: "Principal", matched: m.via !== undefined, via: m.via, pattern: m.pattern, path: m.path ?? s.principal.path };
  }
  if (s.notPrincipal) {
    const el = s.notPrincipal;
    const uncovered = ids.find((id) => !covers(el, id, p));
    if (uncovered) {
      // The statement applies to everyone not listed; for an Allow that is as broad as `*`.
      return { element: "NotPrincipal", matched: true, via: "wildcard", path: el.path };
    }
    const m = bestMatch(el, p, ids);
    return { element: "NotPrincipal", matched: false, pattern: m.pattern, path: m.path ?? el.path };
  }
  // A resource-based policy statement without a principal grants nothing (IAM would not store it).
  return { element: "Principal", matched: false, path: s.path };
}
