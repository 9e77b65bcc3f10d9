/**
 * "Which kind of role do I need?": who needs access, mapped to the trusted entity card the AWS console offers for
 * that scenario of the IAM roles guide ("Common scenarios for roles").
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios.html
 */
import type { AccountChoice, TrustChoice } from "@/lib/trust-builder/build";

export const ROLE_GUIDE_ANSWERS = [
  { id: "service", label: "An AWS service", example: "EC2 instances, a Lambda function, an ECS task…", picks: "AWS service: choose the service and use case below." },
  { id: "this-account", label: "A person in this account", example: "IAM users or roles here, e.g. admins who switch to it.", picks: "AWS account, This account: consider Require MFA for people." },
  { id: "other-account", label: "Another AWS account", example: "Your own or a partner's account (delegation).", picks: "AWS account, Another AWS account: enter its account ID below." },
  { id: "third-party", label: "A third party", example: "A vendor that monitors or manages your account.", picks: "AWS account, Another AWS account with Require external ID: enter the vendor's account ID and the external ID it gave you." },
  { id: "web", label: "An app with web sign-in", example: "Users of Cognito, Google, GitHub Actions or another OIDC provider.", picks: "Web identity: choose the identity provider below." },
  { id: "directory", label: "Your corporate directory", example: "People who sign in through a SAML 2.0 identity provider.", picks: "SAML 2.0 federation: choose your directory's SAML provider below." },
] as const;
export type RoleGuideAnswer = (typeof ROLE_GUIDE_ANSWERS)[number]["id"];

/**
 * The change to the wizard's answers for a guide answer. Only the fields the scenario decides are set, so what the
 * person already typed (an account ID, a provider) stays. A third party gets `Require external ID`, the guard
 * AWS recommends against the confused deputy.
 */
export function choiceForAnswer(answer: RoleGuideAnswer, current: TrustChoice): Partial<TrustChoice> {
  const account = (patch: Partial<AccountChoice>) => ({ entity: "account" as const, account: { ...current.account, ...patch } });
  switch (answer) {
    case "service": return { entity: "service" };
    case "this-account": return account({ which: "this", requireExternalId: false });
    case "other-account": return account({ which: "other", requireExternalId: false });
    case "third-party": return account({ which: "other", requireExternalId: true });
    case "web": return { entity: "web-identity" };
    case "directory": return { entity: "saml" };
  }
}
