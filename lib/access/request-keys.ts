import { evaluateCondition, type ConditionCheck, type ContextValue } from "@/lib/policy";

/**
 * Which condition keys a request can still supply, by who is asking. A statement that fails only on such keys is a
 * condition that must hold (MFA, an external ID, a source IP, session tags, a token's claims…); one that fails on
 * keys fixed by the principal (its ARN, tags, account) decides the answer. Keys not listed are taken as they are.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
 */
export type AskerKind = "iam" | "outside" | "service" | "federated";

const REQUEST_KEYS =
  /^(sts:(externalid|rolesessionname|sourceidentity|transitivetagkeys)|aws:(multifactorauthpresent|multifactorauthage|sourceip|sourcevpce?|vpcsourceip|requesttag\/.+|tagkeys|currenttime|epochtime|securetransport|requestedregion|tokenissuetime|useragent|referer|sourceidentity))$/i;
// An account outside the store: who in it asks, with which tags, is unknown, so those are conditions too.
const PRINCIPAL_KEYS = /^aws:(principalarn|principaltag\/.+|principalaccount|principalorgid|principalorgpaths|principaltype|username|userid)$/i;
// A service acts for some resource of some account (the confused deputy keys).
const SERVICE_KEYS = /^aws:(sourcearn|sourceaccount|sourceorgid|sourceorgpaths)$/i;

export function isRequestKey(asker: AskerKind, key: string): boolean {
  if (REQUEST_KEYS.test(key)) return true;
  if (asker === "outside") return PRINCIPAL_KEYS.test(key);
  if (asker === "service") return SERVICE_KEYS.test(key);
  // A web identity token's or SAML assertion's claims (`accounts.google.com:sub`, `SAML:aud`, …).
  if (asker === "federated") return !/^(aws|sts|iam):/i.test(key) || /^aws:federatedprovider$/i.test(key);
  return false;
}

const NO_MATCH = "roleplane-no-match";

/** Values a request might carry for a condition: samples of the policy's own values, and one matching nothing. */
function samples(check: ConditionCheck): string[] {
  const op = check.operator.replace(/^For(Any|All)Values:/, "").replace(/IfExists$/, "");
  const out: string[] = [];
  for (const v of check.policyValues) {
    if (op.startsWith("Numeric")) {
      const n = Number(v);
      if (Number.isFinite(n)) out.push(String(n), String(n - 1), String(n + 1));
    } else if (op.startsWith("Date")) {
      const t = /^\d+$/.test(v) ? Number(v) * 1000 : Date.parse(v);
      if (Number.isFinite(t)) out.push(new Date(t).toISOString(), new Date(t - 86_400_000).toISOString(), new Date(t + 86_400_000).toISOString());
    } else if (op.endsWith("IpAddress")) {
      out.push(v.split("/")[0]);
    } else if (op === "Bool") {
      out.push(v.toLowerCase(), v.toLowerCase() === "true" ? "false" : "true");
    } else {
      out.push(v.replace(/[*?]/g, "x"));
    }
  }
  return [...out, NO_MATCH, "0", "true", "false", "127.0.0.1"];
}

/**
 * A value for the check's key that makes it `want` (passed or failed), or `undefined` for "leave the key out";
 * null when no sample does. The caller verifies the whole request with the evaluator afterwards.
 */
export function valueMaking(check: ConditionCheck, want: boolean): ContextValue | undefined | null {
  const tries: (string[] | undefined)[] = [undefined, ...samples(check).map((s) => [s])];
  const multi = /^For(Any|All)Values:/.test(check.operator) || /^(aws:TagKeys|sts:TransitiveTagKeys)$/i.test(check.key);
  for (const value of tries) {
    const context = value ? { [check.key]: value } : {};
    if (evaluateCondition(check.operator, check.key, check.policyValues, context, false).passed === want) return value && (multi ? value : value[0]);
  }
  return null;
}
