/**
 * Checks that only make sense for role trust policies: who can assume the role, and whether the
 * conditions narrow that enough.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html
 */
import { Reporter } from "./findings";
import type { PolicyModel, StatementModel } from "./model";
import {
  allowedTrustActions,
  conditionKeysWithPrefix,
  externalIds,
  isAllow,
  namedPrincipals,
  positiveConditions,
  requiresMfa,
  type NamedPrincipal,
} from "./trust-facts";
import type { ValidationContext } from "./types";

/** Keys that tie an open (`*`) principal to a known organization, account or principal. */
const NARROWING_KEYS = [
  "aws:PrincipalOrgID", "aws:PrincipalOrgPaths", "aws:PrincipalArn", "aws:PrincipalAccount", "aws:userid",
  "aws:SourceAccount", "aws:SourceArn", "aws:SourceOrgID", "aws:SourceOrgPaths",
];
const SOURCE_KEYS = ["aws:SourceAccount", "aws:SourceArn", "aws:SourceOrgID", "aws:SourceOrgPaths"];
const GITHUB = "token.actions.githubusercontent.com";
const MISMATCH_TAIL =
  "Use a SAML provider principal with the sts:AssumeRoleWithSAML action or use an OIDC provider principal with the sts:AssumeRoleWithWebIdentity action. Ensure the provider is Federated if you use either of the two options.";

const has = (s: StatementModel, keys: string[]): boolean =>
  keys.some((k) => positiveConditions(s, k).some((e) => !e.ifExists));

export function validateTrust(model: PolicyModel, r: Reporter, ctx?: ValidationContext): void {
  for (const s of model.statements) {
    if (!s.principal) continue;
    const principals = namedPrincipals(s);
    checkMismatchedActions(s, principals, r);
    checkRedundant(principals, r);
    checkRolesAnywhere(s, principals, r);
    if (!isAllow(s)) continue;
    checkOpenTrust(s, r);
    for (const p of principals) {
      if (p.key === "AWS") checkCrossAccount(s, p, r, ctx);
      else if (p.key === "Service") checkServiceSource(s, p, r);
      else if (p.oidcHost) checkOidc(s, p, p.oidcHost, r);
    }
  }
}

function checkOpenTrust(s: StatementModel, r: Reporter): void {
  const p = s.principal!;
  const open = p.wildcard ? [{ path: p.path, span: p.member.value.span }] : p.entries.filter((e) => e.key === "AWS").flatMap((e) => e.items.filter((i) => i.value === "*"));
  if (open.length === 0 || has(s, NARROWING_KEYS)) return;
  for (const o of open) {
    r.add(
      "OPEN_TRUST_WITHOUT_CONDITION",
      "Any AWS principal in any account can assume this role. Add a condition such as aws:PrincipalOrgID or aws:PrincipalArn, or name the trusted principals.",
      o.path,
      o.span,
    );
  }
}

function checkCrossAccount(s: StatementModel, p: NamedPrincipal, r: Reporter, ctx?: ValidationContext): void {
  const own = ctx?.ownAccountId;
  const a = p.aws;
  if (!own || !a || !("accountId" in a) || a.accountId === own) return;
  if (externalIds(s).length > 0 || requiresMfa(s)) return;
  r.add(
    "CROSS_ACCOUNT_WITHOUT_EXTERNAL_ID_OR_MFA",
    `Principals of account ${a.accountId} can assume this role without an external ID or MFA. Require sts:ExternalId for a third party, or aws:MultiFactorAuthPresent for people.`,
    p.item.path,
    p.item.span,
  );
}

function checkServiceSource(s: StatementModel, p: NamedPrincipal, r: Reporter): void {
  if (has(s, SOURCE_KEYS)) return;
  r.add(
    "RESTRICT_ACCESS_TO_SERVICE_PRINCIPAL",
    `Granting access to a service principal without specifying a source is overly permissive. Use aws:SourceArn or aws:SourceAccount condition key and scope access to a specific source to grant fine-grained access.`,
    p.item.path,
    p.item.span,
  );
}

function checkOidc(s: StatementModel, p: NamedPrincipal, host: string, r: Reporter): void {
  const keys = conditionKeysWithPrefix(s, host);
  if (host.toLowerCase() === GITHUB) {
    const subs = keys.filter((e) => e.key.toLowerCase() === `${GITHUB}:sub`);
    if (subs.length === 0) {
      r.add(
        "MISSING_GITHUB_REPO_CONDITION_KEY",
        "Granting a federated GitHub principal permissions without a condition key can allow more sources to assume the role than you intended. Add the token.actions.githubusercontent.com:sub condition key and specify the branch and repository name in the value.",
        p.item.path,
        p.item.span,
      );
      return;
    }
    for (const e of subs) {
      for (const v of e.values) {
        // `repo:org/name:*` pins the repository; a wildcard before that opens it to other repositories.
        const repo = /^repo:([^:]*)/.exec(v.value)?.[1];
        if (repo === undefined ? /[*?]/.test(v.value) : /[*?]/.test(repo)) {
          r.add(
            "SPECIFIC_GITHUB_REPO_AND_BRANCH_RECOMMENDED",
            "Using a wildcard (*) in token.actions.githubusercontent.com:sub can allow requests from more sources than you intended. Specify the value of token.actions.githubusercontent.com:sub with the repository and branch name.",
            v.path,
            v.span,
          );
        }
      }
    }
    return;
  }
  const claims = keys.filter((e) => /:(aud|sub|azp|oaud|amr)$/i.test(e.key));
  if (claims.length === 0) {
    r.add(
      "MISSING_CONDITION_KEY_FOR_OIDC_PRINCIPAL",
      `Using an Open ID Connect principal without a condition can be overly permissive. Add condition keys with a prefix that matches your federated OIDC principals (${host}:aud, ${host}:sub) to ensure that only the intended identity provider assumes the role.`,
      p.item.path,
      p.item.span,
    );
  }
}

function checkMismatchedActions(s: StatementModel, principals: NamedPrincipal[], r: Reporter): void {
  if (!s.action) return;
  const actions = allowedTrustActions(s);
  const saml = principals.filter((p) => p.federated?.form === "saml");
  const oidc = principals.filter((p) => p.oidcHost);
  const other = principals.filter((p) => p.key !== "Federated");
  const report = (action: string, names: NamedPrincipal[]) =>
    r.add(
      "MISMATCHED_ACTION_FOR_PRINCIPAL",
      `The ${action} action is invalid with the following principal(s): ${names.map((n) => n.item.value).join(", ")}. ${MISMATCH_TAIL}`,
      s.action!.path,
      s.action!.member.value.span,
    );
  const wildcard = s.action.items.some((i) => i.value.includes("*"));
  if (wildcard) return;
  if (saml.length && !actions.has("sts:assumerolewithsaml")) report(firstAssume(actions), saml);
  if (oidc.length && !actions.has("sts:assumerolewithwebidentity")) report(firstAssume(actions), oidc);
  if (actions.has("sts:assumerolewithsaml") && (oidc.length || other.length) && !saml.length) {
    report("sts:AssumeRoleWithSAML", [...oidc, ...other]);
  }
  if (actions.has("sts:assumerolewithwebidentity") && (saml.length || other.length) && !oidc.length) {
    report("sts:AssumeRoleWithWebIdentity", [...saml, ...other]);
  }
}

function firstAssume(actions: Set<string>): string {
  if (actions.has("sts:assumerole")) return "sts:AssumeRole";
  if (actions.has("sts:assumerolewithsaml")) return "sts:AssumeRoleWithSAML";
  if (actions.has("sts:assumerolewithwebidentity")) return "sts:AssumeRoleWithWebIdentity";
  return [...actions][0] ?? "listed";
}

function checkRedundant(principals: NamedPrincipal[], r: Reporter): void {
  const roles = principals.filter((p) => p.aws?.form === "role");
  for (const p of principals) {
    const a = p.aws;
    if (a?.form !== "assumed-role") continue;
    const parent = roles.find((x) => x.aws?.form === "role" && x.aws.accountId === a.accountId && x.aws.name === a.roleName);
    if (!parent) continue;
    r.add(
      "REDUNDANT_PRINCIPAL_IN_ROLE_TRUST_POLICY",
      `The assumed-role principal ${p.item.value} is redundant with its parent role ${parent.item.value}. Remove the assumed-role principal.`,
      p.item.path,
      p.item.span,
    );
  }
}

function checkRolesAnywhere(s: StatementModel, principals: NamedPrincipal[], r: Reporter): void {
  const ra = principals.find((p) => p.key === "Service" && p.item.value === "rolesanywhere.amazonaws.com");
  if (!ra || !s.action || !isAllow(s)) return;
  const actions = allowedTrustActions(s);
  if (["sts:assumerole", "sts:setsourceidentity", "sts:tagsession"].every((a) => actions.has(a))) return;
  r.add(
    "MISSING_ACTION_FOR_ROLES_ANYWHERE_TRUST_POLICY",
    "The rolesanywhere.amazonaws.com service principal requires the sts:AssumeRole, sts:SetSourceIdentity, and sts:TagSession permissions to assume a role. Add the missing permissions to the policy.",
    s.action.path,
    s.action.member.value.span,
  );
}
