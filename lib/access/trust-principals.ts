import { parseAwsPrincipal, parseFederatedPrincipal } from "@/lib/policy/arn";

/**
 * What a trust policy's Allow statements name, read as plain JSON (stored trust policies passed IAM's checks): the
 * AWS principals (ARNs, account ids, unique ids, `*`), services and identity providers. NotPrincipal counts as `*`
 * (it applies to everyone not listed), so nothing it could let in is left out; the evaluator decides each one.
 */
export interface TrustedNames {
  wildcard: boolean;
  accounts: Set<string>;
  arns: Set<string>;
  uniqueIds: Set<string>;
  /** Roles named through one of their sessions' ARNs (which carry no path), as `ACCOUNT/NAME`. */
  sessionRoles: Set<string>;
  services: Set<string>;
  federated: Set<string>;
}

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

export function trustedNames(trustPolicy: string): TrustedNames {
  const out: TrustedNames = { wildcard: false, accounts: new Set(), arns: new Set(), uniqueIds: new Set(), sessionRoles: new Set(), services: new Set(), federated: new Set() };
  let doc: unknown;
  try {
    doc = JSON.parse(trustPolicy);
  } catch {
    return out;
  }
  for (const raw of list((doc as { Statement?: unknown } | null)?.Statement)) {
    const s = (raw ?? {}) as { Effect?: unknown; Principal?: unknown; NotPrincipal?: unknown };
    if (s.Effect !== "Allow") continue;
    if (s.NotPrincipal !== undefined || s.Principal === "*") {
      out.wildcard = true;
      continue;
    }
    const p = (s.Principal ?? {}) as Record<string, unknown>;
    for (const v of list(p.AWS)) {
      if (typeof v !== "string") continue;
      const f = parseAwsPrincipal(v);
      if (f?.form === "wildcard") out.wildcard = true;
      else if (f?.form === "account" || f?.form === "root") out.accounts.add(f.accountId);
      else if (f?.form === "user" || f?.form === "role") out.arns.add(f.arn);
      else if (f?.form === "assumed-role") out.sessionRoles.add(`${f.accountId}/${f.roleName}`);
      else if (f?.form === "unique-id") out.uniqueIds.add(f.id);
    }
    for (const v of list(p.Service)) if (typeof v === "string") out.services.add(v);
    for (const v of list(p.Federated)) if (typeof v === "string" && parseFederatedPrincipal(v)) out.federated.add(v);
  }
  return out;
}
