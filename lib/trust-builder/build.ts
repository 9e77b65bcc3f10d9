/**
 * The trust policy the create-role wizard builds from a person's answers on "Select trusted entity", one builder
 * per trusted entity type of the AWS console. Pure: the same answers give the same document.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create.html
 */
import { externalIdSchema } from "@/lib/domain/sts-schemas";
import { findServiceUseCase, SERVICE_USE_CASES } from "./services";

export const TRUSTED_ENTITIES = ["service", "account", "web-identity", "saml", "custom"] as const;
export type TrustedEntity = (typeof TRUSTED_ENTITIES)[number];
export const isTrustedEntity = (s: string | null): s is TrustedEntity => (TRUSTED_ENTITIES as readonly string[]).includes(s ?? "");

/** The well-known web identity providers AWS trusts without registering them (the `Federated` principal is the host). */
export const PUBLIC_WEB_IDENTITY_PROVIDERS = [
  { id: "cognito", label: "Amazon Cognito", host: "cognito-identity.amazonaws.com", audienceKey: "aud", audienceLabel: "Identity pool ID", subjectKey: "sub" },
  { id: "google", label: "Google", host: "accounts.google.com", audienceKey: "aud", audienceLabel: "Audience", subjectKey: "sub" },
  { id: "facebook", label: "Facebook", host: "graph.facebook.com", audienceKey: "app_id", audienceLabel: "Application ID", subjectKey: "id" },
  { id: "amazon", label: "Login with Amazon", host: "www.amazon.com", audienceKey: "app_id", audienceLabel: "Application ID", subjectKey: "user_id" },
] as const;

/**
 * An Amazon Cognito identity pool id, `<region>:<uuid>` (e.g. `us-east-1:0a1b2c3d-…`): the `aud` of the tokens the
 * pool issues, which a trust policy tests with `cognito-identity.amazonaws.com:aud`.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_oidc_cognito.html
 */
export const COGNITO_IDENTITY_POOL_ID = /^[a-z]{2}(-[a-z]+)+-\d+:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const GITHUB_ACTIONS_HOST = "token.actions.githubusercontent.com";
export const SAML_CONSOLE_AUDIENCE = "https://signin.aws.amazon.com/saml";

export interface AccountChoice {
  which: "this" | "other";
  accountId: string;
  requireExternalId: boolean;
  externalId: string;
  requireMfa: boolean;
}

export interface WebIdentityChoice {
  /** A public provider's id (`google` …) or the ARN of an OIDC provider registered in the account. */
  provider: string;
  audience: string;
  /** Only tokens for this user at the provider (optional; GitHub's is built from the fields below instead). */
  subject: string;
  githubOrg: string;
  githubRepo: string;
  githubBranch: string;
}

export interface SamlChoice {
  providerArn: string;
  access: "programmatic" | "console";
  attribute: string;
  value: string;
}

/** Every answer of the step, kept for all entity types so switching back and forth loses nothing. */
export interface TrustChoice {
  entity: TrustedEntity;
  service: string;
  account: AccountChoice;
  webIdentity: WebIdentityChoice;
  saml: SamlChoice;
}

export const defaultTrustChoice = (): TrustChoice => ({
  entity: "service",
  service: "ec2",
  account: { which: "this", accountId: "", requireExternalId: false, externalId: "", requireMfa: false },
  webIdentity: { provider: "", audience: "", subject: "", githubOrg: "", githubRepo: "", githubBranch: "" },
  saml: { providerArn: "", access: "console", attribute: "SAML:sub", value: "" },
});

/** The SAML attributes AWS lets a trust policy test for programmatic access (the console's list). */
export const SAML_ATTRIBUTES = ["SAML:sub", "SAML:sub_type", "SAML:iss", "SAML:aud", "SAML:namequalifier", "SAML:eduPersonPrincipalName", "SAML:eduPersonAffiliation", "SAML:eduPersonOrgDN"] as const;

type Conditions = Record<string, Record<string, string | string[]>>;
type Statement = { Effect: "Allow"; Principal: Record<string, string>; Action: string | string[]; Condition?: Conditions };
export interface TrustPolicyDocument { Version: "2012-10-17"; Statement: Statement[] }

const document = (statement: Statement): TrustPolicyDocument => ({ Version: "2012-10-17", Statement: [statement] });

function addCondition(conditions: Conditions, operator: string, key: string, value: string | string[]) {
  (conditions[operator] ??= {})[key] = value;
}

const withConditions = (s: Omit<Statement, "Condition">, c: Conditions): Statement => (Object.keys(c).length ? { ...s, Condition: c } : s);

export function oidcHostOfArn(arn: string): string | null {
  const m = /^arn:aws:iam::\d{12}:oidc-provider\/(.+)$/.exec(arn);
  return m ? m[1] : null;
}

export const isGithubActionsProvider = (provider: string) => oidcHostOfArn(provider)?.toLowerCase() === GITHUB_ACTIONS_HOST;

/** GitHub's `sub` claim for a workflow run: `repo:<org>/<repo>:ref:refs/heads/<branch>`, wildcards where a field is empty. */
export function githubSubject(w: Pick<WebIdentityChoice, "githubOrg" | "githubRepo" | "githubBranch">): string | null {
  const org = w.githubOrg.trim();
  if (!org) return null;
  const repo = w.githubRepo.trim() || "*";
  const branch = w.githubBranch.trim();
  return branch ? `repo:${org}/${repo}:ref:refs/heads/${branch}` : `repo:${org}/${repo}:*`;
}

function serviceDocument(choice: TrustChoice, accountId: string): TrustPolicyDocument {
  const svc = findServiceUseCase(choice.service) ?? SERVICE_USE_CASES[0];
  const c: Conditions = {};
  addCondition(c, "StringEquals", "aws:SourceAccount", accountId);
  if (svc.sourceArn) addCondition(c, "ArnLike", "aws:SourceArn", svc.sourceArn.replace("{account}", accountId));
  return document(withConditions({ Effect: "Allow", Principal: { Service: svc.principal }, Action: svc.actions.length === 1 ? svc.actions[0] : svc.actions }, c));
}

function accountDocument(a: AccountChoice, accountId: string): TrustPolicyDocument {
  const trusted = a.which === "this" ? accountId : a.accountId.trim() || "<ACCOUNT-ID>";
  const c: Conditions = {};
  if (a.requireExternalId) addCondition(c, "StringEquals", "sts:ExternalId", a.externalId || "<EXTERNAL-ID>");
  if (a.requireMfa) addCondition(c, "Bool", "aws:MultiFactorAuthPresent", "true");
  return document(withConditions({ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${trusted}:root` }, Action: "sts:AssumeRole" }, c));
}

/** The condition key that names the signed-in user: `sub` for OIDC, Facebook's `id`, Login with Amazon's `user_id`. */
export function webIdentitySubjectKey(provider: string): string {
  const known = PUBLIC_WEB_IDENTITY_PROVIDERS.find((p) => p.id === provider);
  return `${known?.host ?? oidcHostOfArn(provider) ?? "<PROVIDER>"}:${known?.subjectKey ?? "sub"}`;
}

function webIdentityDocument(w: WebIdentityChoice): TrustPolicyDocument {
  const known = PUBLIC_WEB_IDENTITY_PROVIDERS.find((p) => p.id === w.provider);
  const host = known?.host ?? oidcHostOfArn(w.provider) ?? "<PROVIDER>";
  const c: Conditions = {};
  addCondition(c, "StringEquals", `${host}:${known?.audienceKey ?? "aud"}`, w.audience.trim() || "<AUDIENCE>");
  // Cognito identity pools issue tokens to guests too; AWS's console trusts only signed-in identities by default.
  if (known?.id === "cognito") addCondition(c, "ForAnyValue:StringLike", `${host}:amr`, "authenticated");
  if (host.toLowerCase() === GITHUB_ACTIONS_HOST) {
    const sub = githubSubject(w);
    if (sub) addCondition(c, "StringLike", `${host}:sub`, sub);
  } else if (w.subject.trim()) addCondition(c, "StringEquals", webIdentitySubjectKey(w.provider), w.subject.trim());
  return document(withConditions({ Effect: "Allow", Principal: { Federated: known ? host : w.provider || "<PROVIDER>" }, Action: "sts:AssumeRoleWithWebIdentity" }, c));
}

function samlDocument(s: SamlChoice): TrustPolicyDocument {
  const c: Conditions = {};
  if (s.access === "console") addCondition(c, "StringEquals", "SAML:aud", SAML_CONSOLE_AUDIENCE);
  else addCondition(c, "StringEquals", s.attribute, s.value.trim() || "<VALUE>");
  return document(withConditions({ Effect: "Allow", Principal: { Federated: s.providerArn || "<SAML-PROVIDER-ARN>" }, Action: "sts:AssumeRoleWithSAML" }, c));
}

/**
 * The trust policy for a choice; `custom` has none (the person writes it). An answer still missing shows as an
 * angle-bracket placeholder (as in the templates), which the validator refuses, so it cannot be created by accident.
 */
export function buildTrustPolicy(choice: TrustChoice, accountId: string): TrustPolicyDocument | null {
  switch (choice.entity) {
    case "service": return serviceDocument(choice, accountId);
    case "account": return accountDocument(choice.account, accountId);
    case "web-identity": return webIdentityDocument(choice.webIdentity);
    case "saml": return samlDocument(choice.saml);
    case "custom": return null;
  }
}

export const renderTrustPolicy = (doc: object) => JSON.stringify(doc, null, 2);

/** EC2 reaches its role through an instance profile: creating an EC2 service role also creates one of the same name. */
export const createsInstanceProfile = (choice: TrustChoice) => choice.entity === "service" && !!findServiceUseCase(choice.service)?.instanceProfile;

export type TrustChoiceErrors = Partial<Record<"service" | "accountId" | "externalId" | "provider" | "audience" | "githubOrg" | "samlProvider" | "samlValue", string>>;

/** What must be answered before the step's policy can be used, each message beside its field. */
export function trustChoiceErrors(choice: TrustChoice): TrustChoiceErrors {
  const e: TrustChoiceErrors = {};
  if (choice.entity === "service" && !findServiceUseCase(choice.service)) e.service = "Choose a service and use case.";
  if (choice.entity === "account") {
    const a = choice.account;
    if (a.which === "other" && !/^\d{12}$/.test(a.accountId.trim())) e.accountId = "An account ID is 12 digits, e.g. 123456789012.";
    if (a.requireExternalId) {
      const r = externalIdSchema.safeParse(a.externalId);
      if (!a.externalId) e.externalId = "Enter the external ID, or generate one.";
      else if (!r.success) e.externalId = `External ID: ${r.error.issues[0].message.replace(/^Member must/, "must")}`;
    }
  }
  if (choice.entity === "web-identity") {
    const w = choice.webIdentity;
    if (!w.provider) e.provider = "Choose an identity provider.";
    if (w.provider === "cognito") {
      if (!w.audience.trim()) e.audience = "Enter the identity pool ID.";
      else if (!COGNITO_IDENTITY_POOL_ID.test(w.audience.trim())) e.audience = "An identity pool ID is <region>:<uuid>, e.g. us-east-1:0a1b2c3d-4e5f-6789-abcd-ef0123456789.";
    } else if (!w.audience.trim()) e.audience = "Enter the audience the provider puts in its tokens.";
    if (isGithubActionsProvider(w.provider) && !w.githubOrg.trim()) e.githubOrg = "Enter the GitHub organization (or user) whose workflows may assume the role.";
  }
  if (choice.entity === "saml") {
    if (!choice.saml.providerArn) e.samlProvider = "Choose a SAML provider.";
    if (choice.saml.access === "programmatic" && !choice.saml.value.trim()) e.samlValue = "Enter the value the attribute must have.";
  }
  return e;
}

/**
 * Why a GitHub Actions trust is wider than it looks: no `sub` lets every repository on GitHub in; an org-wide or
 * any-branch `sub` lets every repository or branch of it in.
 * @see https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services
 */
export function githubSubjectWarning(w: WebIdentityChoice): string | null {
  if (!isGithubActionsProvider(w.provider)) return null;
  if (!w.githubOrg.trim()) return "Without a sub condition, a workflow in any GitHub repository can assume this role. Name the organization, and ideally the repository and branch.";
  if (!w.githubRepo.trim()) return `Every repository of ${w.githubOrg.trim()} can assume this role. Name the repository to narrow it.`;
  if (!w.githubBranch.trim()) return "Every branch, tag and pull request of this repository can assume this role. Name a branch to narrow it.";
  return null;
}

/** A random external ID of AWS's allowed characters (a UUID: 36 characters). */
export const generateExternalId = (): string => globalThis.crypto.randomUUID();
