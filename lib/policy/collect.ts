import { parseAwsPrincipal, parseFederatedPrincipal } from "./arn";
import { Reporter } from "./findings";
import { readPolicy } from "./model";
import { parseJson } from "./parse";
import { allowedTrustActions } from "./trust-facts";

/**
 * The IAM principals a document names whose existence IAM checks when a trust policy is saved: user and
 * role ARNs, SAML and OIDC provider ARNs, and account roots (a bare account ID becomes
 * `arn:aws:iam::ID:root`) so the caller also learns which accounts to look up. Never throws.
 */
export function collectPrincipalArns(text: string): string[] {
  const model = readPolicy(parseJson(text), new Reporter("trust"));
  const out = new Set<string>();
  for (const s of model?.statements ?? []) {
    for (const p of [s.principal, s.notPrincipal]) {
      for (const e of p?.entries ?? []) {
        for (const it of e.items) {
          if (e.key === "AWS") {
            const a = parseAwsPrincipal(it.value);
            if (a?.form === "account") out.add(`arn:aws:iam::${a.accountId}:root`);
            else if (a?.form === "root" || a?.form === "user" || a?.form === "role") out.add(a.arn);
          } else if (e.key === "Federated") {
            const f = parseFederatedPrincipal(it.value);
            if (f && f.form !== "domain") out.add(f.arn);
          }
        }
      }
    }
  }
  return [...out];
}

/**
 * The AWS service principals a trust policy lets assume the role (`Principal.Service` of Allow statements that
 * allow sts:AssumeRole): the services the role can be passed to with iam:PassRole. In document order, once
 * each. Never throws.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html
 */
export function collectTrustedServices(text: string): string[] {
  const model = readPolicy(parseJson(text), new Reporter("trust"));
  const out = new Set<string>();
  for (const s of model?.statements ?? []) {
    if (s.effect?.value !== "Allow" || !allowedTrustActions(s).has("sts:assumerole")) continue;
    for (const e of s.principal?.entries ?? []) if (e.key === "Service") for (const it of e.items) out.add(it.value);
  }
  return [...out];
}
