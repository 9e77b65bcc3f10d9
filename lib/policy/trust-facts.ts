/**
 * Reads what a trust statement says in domain terms — who it names, which assume actions it allows, what
 * its conditions require — for the security checks and the plain-words summary.
 */
import { parseAwsPrincipal, parseFederatedPrincipal, WEB_IDENTITY_DOMAINS, type AwsPrincipalForm, type FederatedForm } from "./arn";
import { trustActionsMatched } from "./validate-actions";
import type { ConditionEntry, StatementModel, StringItem } from "./model";

export interface NamedPrincipal {
  item: StringItem;
  key: "AWS" | "Service" | "Federated";
  aws?: AwsPrincipalForm;
  federated?: FederatedForm;
  /** For OIDC principals: the prefix of its condition keys (`token.actions.githubusercontent.com`). */
  oidcHost?: string;
}

export function namedPrincipals(s: StatementModel): NamedPrincipal[] {
  const out: NamedPrincipal[] = [];
  for (const e of s.principal?.entries ?? []) {
    for (const item of e.items) {
      if (e.key === "AWS") out.push({ item, key: "AWS", aws: parseAwsPrincipal(item.value) });
      else if (e.key === "Service") out.push({ item, key: "Service" });
      else if (e.key === "Federated") {
        const f = parseFederatedPrincipal(item.value);
        const oidcHost = f?.form === "oidc" ? f.host : f?.form === "domain" && WEB_IDENTITY_DOMAINS.has(f.host) ? f.host : undefined;
        out.push({ item, key: "Federated", federated: f, oidcHost });
      }
    }
  }
  return out;
}

/** Lower-case trust actions the statement allows (wildcards expanded). */
export function allowedTrustActions(s: StatementModel): Set<string> {
  const out = new Set<string>();
  for (const it of s.action?.items ?? []) for (const a of trustActionsMatched(it.value)) out.add(a);
  return out;
}

/** Condition entries on `key` (case-insensitive) that require a match rather than exclude one. */
export function positiveConditions(s: StatementModel, key: string): ConditionEntry[] {
  const lc = key.toLowerCase();
  return (s.condition?.entries ?? []).filter(
    (e) => e.knownOperator && e.key.toLowerCase() === lc && !/Not/.test(e.baseOperator) && e.baseOperator !== "Null",
  );
}

export function conditionKeysWithPrefix(s: StatementModel, prefix: string): ConditionEntry[] {
  const p = prefix.toLowerCase() + ":";
  return (s.condition?.entries ?? []).filter((e) => e.key.toLowerCase().startsWith(p));
}

export function requiresMfa(s: StatementModel): boolean {
  const present = positiveConditions(s, "aws:MultiFactorAuthPresent").some(
    (e) => e.baseOperator === "Bool" && !e.ifExists && e.values.length > 0 && e.values.every((v) => v.value.toLowerCase() === "true"),
  );
  const age = (s.condition?.entries ?? []).some(
    (e) => e.key.toLowerCase() === "aws:multifactorauthage" && /^NumericLessThan/.test(e.baseOperator) && !e.ifExists,
  );
  return present || age;
}

export function externalIds(s: StatementModel): string[] {
  return positiveConditions(s, "sts:ExternalId")
    .filter((e) => !e.ifExists)
    .flatMap((e) => e.values.map((v) => v.value));
}

export function isAllow(s: StatementModel): boolean {
  return s.effect?.value === "Allow";
}
