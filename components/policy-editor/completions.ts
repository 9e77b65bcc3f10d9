import { ownConditionKeysOf, type CatalogueData, type PolicyKind, type ServiceData } from "@/lib/policy";
import type { PrincipalSuggestion } from "@/lib/domain/types";
import type { PolicyCursorContext } from "./completion-context";

/** One completion, independent of CodeMirror (the editor adapts it). */
export interface PolicyCompletion {
  label: string;
  /** Text inserted over the context's range (quotes included when the cursor was not in a string). */
  insert: string;
  detail?: string;
  type: "keyword" | "property" | "constant" | "function" | "variable" | "namespace" | "type";
  section?: string;
  boost?: number;
  /** Open completion again after inserting (a service prefix `s3:` leads to its actions). */
  reopen?: boolean;
  /** Where the cursor goes inside `insert` (default: after it). */
  cursor?: number;
}

export interface CompletionData {
  kind: PolicyKind;
  catalogue?: CatalogueData;
  principals: readonly PrincipalSuggestion[];
  /** Hosts of OIDC providers named in the document, whose `aud`/`sub`/`amr` keys are offered. */
  oidcHosts: readonly string[];
}

/**
 * The trust-policy actions AWS accepts (anything else: "AssumeRole policy may only specify STS AssumeRole actions.").
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html
 */
export const TRUST_ACTIONS = [
  ["sts:AssumeRole", "AWS users, roles and services"],
  ["sts:AssumeRoleWithWebIdentity", "OIDC and web identity providers"],
  ["sts:AssumeRoleWithSAML", "SAML 2.0 providers"],
  ["sts:TagSession", "pass session tags"],
  ["sts:SetSourceIdentity", "set a source identity"],
  ["sts:SetContext", "pass trusted context"],
] as const;

/** @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html */
export const BASE_CONDITION_OPERATORS = [
  "StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike",
  "NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals", "NumericGreaterThan", "NumericGreaterThanEquals",
  "DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals",
  "Bool", "BinaryEquals", "IpAddress", "NotIpAddress", "ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike", "Null",
] as const;

/** Every operator form: base, `…IfExists`, and `ForAnyValue:`/`ForAllValues:` (Null takes neither: AWS rejects `NullIfExists`). */
export function conditionOperators(): { name: string; form: "base" | "ifExists" | "set" }[] {
  const out: { name: string; form: "base" | "ifExists" | "set" }[] = [];
  for (const op of BASE_CONDITION_OPERATORS) {
    out.push({ name: op, form: "base" });
    if (op === "Null") continue;
    out.push({ name: `${op}IfExists`, form: "ifExists" });
    for (const q of ["ForAnyValue", "ForAllValues"]) {
      out.push({ name: `${q}:${op}`, form: "set" });
      out.push({ name: `${q}:${op}IfExists`, form: "set" });
    }
  }
  return out;
}

/** Keys seen in trust policies; used until the catalogue arrives. */
const FALLBACK_GLOBAL_KEYS = [
  "aws:MultiFactorAuthPresent", "aws:MultiFactorAuthAge", "aws:PrincipalArn", "aws:PrincipalOrgID", "aws:PrincipalAccount",
  "aws:SourceAccount", "aws:SourceArn", "aws:SourceIp", "aws:TagKeys", "aws:TokenIssueTime", "aws:SecureTransport",
  "aws:RequestTag/${TagKey}", "aws:PrincipalTag/${TagKey}", "aws:ResourceTag/${TagKey}",
];
const FALLBACK_STS_KEYS = ["sts:ExternalId", "sts:RoleSessionName", "sts:SourceIdentity", "sts:TransitiveTagKeys", "SAML:aud", "SAML:sub", "SAML:iss"];

const FEDERATED_DOMAINS: [string, string][] = [
  ["cognito-identity.amazonaws.com", "Amazon Cognito"],
  ["accounts.google.com", "Google"],
  ["graph.facebook.com", "Facebook"],
  ["www.amazon.com", "Login with Amazon"],
];

const STATEMENT_KEYS: Record<string, string> = {
  Sid: "statement ID",
  Effect: "Allow or Deny",
  Principal: "who the statement applies to",
  NotPrincipal: "everyone except",
  Action: "what may be done",
  NotAction: "everything except",
  Resource: "on what",
  NotResource: "on everything except",
  Condition: "when it applies",
};

function statementKeysFor(kind: PolicyKind): string[] {
  // Trust policies are resource-based and forbid NotPrincipal and Resource; identity-style policies forbid Principal.
  if (kind === "trust") return ["Sid", "Effect", "Principal", "Action", "NotAction", "Condition"];
  return ["Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Condition"];
}

const isStatementPath = (p: readonly (string | number)[]) =>
  p[0] === "Statement" && (p.length === 1 || (p.length === 2 && typeof p[1] === "number"));

/** Completions for the cursor context. Pure: the editor supplies the catalogue and the store's principals. */
export function policyCompletions(cx: PolicyCursorContext, data: CompletionData): PolicyCompletion[] {
  const path = cx.path;
  const last = path.at(-1);
  const q = (s: string) => (cx.inString ? s : JSON.stringify(s));
  const keyItem = (label: string, detail: string | undefined, type: PolicyCompletion["type"] = "property", boost?: number): PolicyCompletion => ({
    label,
    insert: cx.inString ? label : `${JSON.stringify(label)}: `,
    detail,
    type,
    boost,
  });
  const valueItem = (label: string, detail?: string, type: PolicyCompletion["type"] = "constant", section?: string): PolicyCompletion => ({
    label,
    insert: q(label),
    detail,
    type,
    section,
  });
  const fresh = (k: string) => !cx.siblingKeys.includes(k) || k === cx.typed;

  if (cx.slot === "key") {
    if (path.length === 0) return ["Version", "Id", "Statement"].filter(fresh).map((k) => keyItem(k, k === "Statement" ? "one or more statements" : undefined, "keyword"));
    if (isStatementPath(path)) return statementKeysFor(data.kind).filter(fresh).map((k) => keyItem(k, STATEMENT_KEYS[k], "keyword"));
    if (last === "Principal" || last === "NotPrincipal") return ["AWS", "Service", "Federated"].filter(fresh).map((k) => keyItem(k, undefined));
    if (last === "Condition")
      return conditionOperators().map((o) => keyItem(o.name, o.form === "base" ? "operator" : o.form === "ifExists" ? "…if the key is present" : "multivalued key", "function", o.form === "base" ? 2 : o.form === "ifExists" ? 1 : 0));
    if (path.at(-2) === "Condition") return conditionKeys(cx, data).map((k) => keyItem(k.key, k.detail, "variable", k.boost));
    return [];
  }

  if (path.length === 1 && last === "Version") return [valueItem("2012-10-17", "current policy language"), valueItem("2008-10-17", "legacy, no policy variables")];
  const inStatement = path[0] === "Statement" && (path.length === 2 || (path.length === 3 && typeof path[1] === "number"));
  if (inStatement && last === "Effect") return [valueItem("Allow", undefined, "keyword"), valueItem("Deny", undefined, "keyword")];
  if (inStatement && (last === "Action" || last === "NotAction")) return actionValues(cx, data, q);
  if (inStatement && (last === "Resource" || last === "NotResource")) return [valueItem("*", "all resources")];
  if (inStatement && (last === "Principal" || last === "NotPrincipal")) return [valueItem("*", "anyone — add a condition")];
  const pk = path.at(-1);
  if ((path.at(-2) === "Principal" || path.at(-2) === "NotPrincipal") && (pk === "AWS" || pk === "Service" || pk === "Federated")) {
    const items = data.principals.filter((p) => p.principalKey === pk).map((p) => valueItem(p.value, principalDetail(p), "variable", SECTIONS[p.kind]));
    if (pk === "Federated") for (const [d, label] of FEDERATED_DOMAINS) items.push(valueItem(d, label, "variable", "Web identity"));
    if (pk === "AWS") items.push(valueItem("*", "any principal — add a condition", "constant", "Anyone"));
    return items;
  }
  if (path.at(-3) === "Condition" && typeof path.at(-2) === "string") {
    const op = String(path.at(-2)).replace(/^For(Any|All)Values:/, "").replace(/IfExists$/, "");
    if (op === "Bool" || op === "Null") return [valueItem("true"), valueItem("false")];
  }
  return [];
}

const SECTIONS: Record<PrincipalSuggestion["kind"], string> = {
  account: "Accounts",
  role: "Roles",
  user: "Users",
  "oidc-provider": "OIDC providers",
  "saml-provider": "SAML providers",
  service: "AWS services",
};

function principalDetail(p: PrincipalSuggestion): string {
  return p.accountId && p.kind !== "account" ? `${p.label} · ${p.accountId}` : p.label;
}

function actionValues(cx: PolicyCursorContext, data: CompletionData, q: (s: string) => string): PolicyCompletion[] {
  const sts = data.catalogue?.services.sts;
  if (data.kind === "trust") {
    const known = new Map<string, string>(TRUST_ACTIONS.map(([a, d]) => [a, d]));
    const names = sts ? sts.actions.filter((a) => /^(AssumeRole|TagSession|SetSourceIdentity|SetContext)/.test(a)).map((a) => `sts:${a}`) : [...known.keys()];
    return names.map((a) => ({ label: a, insert: q(a), detail: known.get(a), type: "function" as const, boost: known.has(a) ? 1 : 0 }));
  }
  const cat = data.catalogue;
  if (!cat) return [{ label: "*", insert: q("*"), detail: "every action", type: "constant" }];
  const colon = cx.typed.indexOf(":");
  if (colon < 0) {
    const services = Object.keys(cat.services).sort();
    return [
      { label: "*", insert: q("*"), detail: "every action", type: "constant" },
      ...services.map((s) => ({
        label: `${s}:`,
        insert: cx.inString ? `${s}:` : `"${s}:"`,
        cursor: cx.inString ? undefined : s.length + 2,
        type: "namespace" as const,
        reopen: true,
      })),
    ];
  }
  const svc = cx.typed.slice(0, colon).toLowerCase();
  const actions = cat.services[svc]?.actions ?? [];
  return [{ label: `${svc}:*`, insert: q(`${svc}:*`), detail: "every action of the service", type: "constant" as const }, ...actions.map((a) => ({ label: `${svc}:${a}`, insert: q(`${svc}:${a}`), type: "function" as const }))];
}

function conditionKeys(cx: PolicyCursorContext, data: CompletionData): { key: string; detail: string; boost?: number }[] {
  const out = new Map<string, { key: string; detail: string; boost?: number }>();
  const add = (key: string, detail: string, boost?: number) => {
    if (!out.has(key.toLowerCase())) out.set(key.toLowerCase(), { key, detail, boost });
  };
  const cat = data.catalogue;
  const services = new Set(cx.statementActions.map((a) => a.split(":")[0]?.toLowerCase()).filter((s): s is string => !!s && s !== "*"));
  if (data.kind === "trust") services.add("sts");
  for (const host of data.oidcHosts) for (const k of ["aud", "sub", "amr"]) add(`${host}:${k}`, "from the OIDC token", 2);
  for (const s of services) {
    const svc = cat?.services[s];
    if (!svc) {
      if (s === "sts") for (const k of FALLBACK_STS_KEYS) add(k, "sts", 1);
      continue;
    }
    const support = ownKeySupport(svc, s, cx.statementActions);
    for (const [k, type] of Object.entries(svc.conditionKeys)) {
      const n = support?.get(k);
      if (n === undefined) add(k, `${type} · ${s}`, 1);
      // A key of the service that none of the statement's actions carry is never evaluated: not offered.
      else if (n === support!.get(ALL)) add(k, `${type} · every action here`, 3);
      else if (n > 0) add(k, `${type} · some actions here`, 1);
    }
  }
  if (cat) for (const [k, type] of Object.entries(cat.globalConditionKeys)) add(k.replace(/\/tag-key$/, "/${TagKey}"), `${type} · global`);
  else for (const k of FALLBACK_GLOBAL_KEYS) add(k, "global");
  return [...out.values()];
}

const ALL = "\u0000all";

/**
 * For the service's own keys: how many of the statement's literal actions of that service support each key
 * (and, under ALL, how many such actions there are). Undefined when the statement names none, or uses
 * wildcards only, or the catalogue has no per-action data: then every key stays on offer.
 */
function ownKeySupport(svc: ServiceData, service: string, actions: string[]): Map<string, number> | undefined {
  const literal = actions.filter((a) => a.toLowerCase().startsWith(`${service}:`) && !/[*?]/.test(a));
  const perAction = literal.map((a) => ownConditionKeysOf(svc, a.slice(service.length + 1))).filter((k): k is string[] => k !== undefined);
  if (perAction.length === 0) return undefined;
  const counts = new Map<string, number>([[ALL, perAction.length]]);
  for (const k of Object.keys(svc.conditionKeys)) {
    if (k.toLowerCase().startsWith(`${service}:`)) counts.set(k, perAction.filter((keys) => keys.includes(k)).length);
  }
  return counts;
}

/** OIDC provider hosts named in a document (`…:oidc-provider/HOST`), for their condition keys. */
export function oidcHostsIn(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/:oidc-provider\/([^"\s]+)/g)) out.add(m[1]);
  return [...out];
}
