/**
 * The IAM terms the console uses, each explained in a few sentences of our own and linked to the AWS IAM user guide
 * page that defines it. The `Info` links beside labels open these; the facts follow the guide ("Roles terms and
 * concepts" and the pages each entry links).
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html
 */

const GUIDE = "https://docs.aws.amazon.com/IAM/latest/UserGuide/";

export const CONCEPT_IDS = [
  "role",
  "trust-policy",
  "permissions-policy",
  "principal",
  "trusted-entity",
  "service-role",
  "service-linked-role",
  "role-chaining",
  "delegation",
  "federation",
  "federated-user",
  "external-id",
  "confused-deputy",
  "session",
  "session-policy",
  "permissions-boundary",
  "instance-profile",
  "source-identity",
] as const;
export type ConceptId = (typeof CONCEPT_IDS)[number];

export interface Concept {
  id: ConceptId;
  /** The term as the AWS guide writes it. */
  term: string;
  /** Two or three sentences, plain words. */
  explanation: string[];
  /** The AWS IAM user guide page (and section) that defines the term. */
  awsDocs: { title: string; url: string };
}

const doc = (title: string, page: string) => ({ title, url: `${GUIDE}${page}` });

export const CONCEPTS: Record<ConceptId, Concept> = {
  role: {
    id: "role",
    term: "Role",
    explanation: [
      "A role is an identity with permissions that nobody owns: people, applications, AWS services and other accounts assume it when they need it.",
      "It has no password or access keys. Assuming it returns temporary credentials for a session that acts with the role's permissions.",
    ],
    awsDocs: doc("IAM roles", "id_roles.html"),
  },
  "trust-policy": {
    id: "trust-policy",
    term: "Trust policy",
    explanation: [
      "The trust policy is the JSON document attached to a role that names the principals allowed to assume it, and under which conditions (MFA, an external ID, a token's audience…).",
      "Every role has exactly one. It is a resource-based policy, so it names who it trusts in a Principal element; a wildcard there, without conditions, would let anyone in any AWS account in.",
    ],
    awsDocs: doc("Roles terms and concepts: trust policy", "id_roles_terms-and-concepts.html#term_trust-policy"),
  },
  "permissions-policy": {
    id: "permissions-policy",
    term: "Permissions policy",
    explanation: [
      "A permissions policy says which actions on which resources an identity may perform. A role gets its permissions from the managed policies attached to it and its inline policies.",
      "Anything not allowed is denied, and an explicit Deny in any policy wins over every Allow.",
    ],
    awsDocs: doc("Policies and permissions in IAM", "access_policies.html"),
  },
  principal: {
    id: "principal",
    term: "Principal",
    explanation: [
      "A principal is someone or something that can make requests to AWS: an account's root user, an IAM user, a role session, a federated user or an AWS service.",
      "In a trust policy, the Principal element names who may assume the role. Naming an account means any principal of that account whose own policies allow it.",
    ],
    awsDocs: doc("AWS JSON policy elements: Principal", "reference_policies_elements_principal.html"),
  },
  "trusted-entity": {
    id: "trusted-entity",
    term: "Trusted entity",
    explanation: [
      "The trusted entity is who the role is for: an AWS service, an AWS account (yours or another), users of a web identity provider, or users of a SAML 2.0 directory.",
      "Choosing it decides the principal and the action (sts:AssumeRole, …WithWebIdentity or …WithSAML) that the trust policy allows.",
    ],
    awsDocs: doc("Creating IAM roles", "id_roles_create.html"),
  },
  "service-role": {
    id: "service-role",
    term: "Service role",
    explanation: [
      "A service role is a role an AWS service assumes to act on your behalf, such as Lambda running your function or EC2 software calling other services.",
      "You create and manage it yourself; its trust policy names the service principal, e.g. lambda.amazonaws.com.",
    ],
    awsDocs: doc("Creating a role to delegate permissions to an AWS service", "id_roles_create_for-service.html"),
  },
  "service-linked-role": {
    id: "service-linked-role",
    term: "Service-linked role",
    explanation: [
      "A service-linked role is a service role owned by one AWS service: the service defines its trust and permissions, and only the service may assume it.",
      "You can see it but not change its trust policy, permissions or boundary; it is deleted through the service's deletion flow, once no resource still uses it.",
    ],
    awsDocs: doc("Using service-linked roles", "using-service-linked-roles.html"),
  },
  "role-chaining": {
    id: "role-chaining",
    term: "Role chaining",
    explanation: [
      "Role chaining is assuming a role with the temporary credentials of another role session, instead of with long-term credentials.",
      "A chained session lasts at most one hour whatever the role's maximum session duration, and it carries the first session's source identity and transitive session tags along.",
    ],
    awsDocs: doc("Roles terms and concepts: role chaining", "id_roles_terms-and-concepts.html#iam-term-role-chaining"),
  },
  delegation: {
    id: "delegation",
    term: "Delegation",
    explanation: [
      "Delegation is letting someone else use resources you control. The trusting account owns a role whose trust policy names the trusted account; its permissions policies say what may be done.",
      "The trusted account must still allow its own users to call sts:AssumeRole on the role, so both sides agree before access is granted.",
    ],
    awsDocs: doc("Roles terms and concepts: delegation", "id_roles_terms-and-concepts.html#delegation"),
  },
  federation: {
    id: "federation",
    term: "Federation",
    explanation: [
      "Federation is trusting an identity provider outside IAM, an OpenID Connect provider (Google, Cognito, a CI system…) or a SAML 2.0 directory, to say who a user is.",
      "The user signs in there and exchanges the provider's token or assertion for a role's temporary credentials, so no IAM user is needed.",
    ],
    awsDocs: doc("Identity providers and federation", "id_roles_providers.html"),
  },
  "federated-user": {
    id: "federated-user",
    term: "Federated user",
    explanation: [
      "A federated user is a person whose identity lives in an outside directory or web identity provider rather than in IAM.",
      "AWS gives them a role when they sign in through the provider; what they may do is what that role's session allows.",
    ],
    awsDocs: doc("Roles terms and concepts: federated user", "id_roles_terms-and-concepts.html#term_federated-user"),
  },
  "external-id": {
    id: "external-id",
    term: "External ID",
    explanation: [
      "An external ID is a value a third party must pass when it assumes your role; the trust policy tests it with the sts:ExternalId condition.",
      "The third party gives each customer its own value, so a different customer cannot trick it into using your role. It is a guard against the confused deputy, not a secret.",
    ],
    awsDocs: doc("How to use an external ID when granting access to a third party", "id_roles_create_for-user_externalid.html"),
  },
  "confused-deputy": {
    id: "confused-deputy",
    term: "Confused deputy",
    explanation: [
      "The confused deputy problem is a party without permission getting a more privileged party to act for it, for example one customer of a vendor pointing the vendor at your role.",
      "An external ID guards roles trusted by a third party; the aws:SourceAccount and aws:SourceArn conditions guard roles trusted by an AWS service.",
    ],
    awsDocs: doc("The confused deputy problem", "confused-deputy.html"),
  },
  session: {
    id: "session",
    term: "Session",
    explanation: [
      "A role session is what assuming a role gives you: an access key, a secret key and a session token that expire, from 15 minutes up to the role's maximum session duration (1 to 12 hours).",
      "Expired credentials stop working by themselves; sessions issued before a point in time can also be revoked with a deny policy on the role.",
    ],
    awsDocs: doc("Temporary security credentials in IAM", "id_credentials_temp.html"),
  },
  "session-policy": {
    id: "session-policy",
    term: "Session policy",
    explanation: [
      "A session policy is passed when assuming a role (the Policy parameter, or up to 10 managed policies in PolicyArns) to narrow that one session.",
      "The session may do only what both the role's policies and the session policy allow; a session policy can never grant more than the role has.",
    ],
    awsDocs: doc("Policies and permissions in IAM: session policies", "access_policies.html#policies_session"),
  },
  "permissions-boundary": {
    id: "permissions-boundary",
    term: "Permissions boundary",
    explanation: [
      "A permissions boundary is a managed policy that sets the most a user's or role's identity policies can grant. An action must be allowed by both the boundary and a permissions policy.",
      "It grants nothing by itself, and a service-linked role cannot have one.",
    ],
    awsDocs: doc("Permissions boundaries for IAM entities", "access_policies_boundaries.html"),
  },
  "instance-profile": {
    id: "instance-profile",
    term: "Instance profile",
    explanation: [
      "An instance profile is the container that hands a role to an EC2 instance: software on the instance gets the role's temporary credentials from the instance metadata.",
      "A profile holds one role. Creating an EC2 role in the console also creates a profile of the same name.",
    ],
    awsDocs: doc("Using instance profiles", "id_roles_use_switch-role-ec2_instance-profiles.html"),
  },
  "source-identity": {
    id: "source-identity",
    term: "Source identity",
    explanation: [
      "A source identity is a name the caller sets when assuming a role (SourceIdentity) to say which person or application is acting, and the audit trail records it with every action of the session.",
      "Once set it cannot be changed for the session and it stays when that session chains into another role. Trust policies can require it with the sts:SourceIdentity condition.",
    ],
    awsDocs: doc("Monitor and control actions taken with assumed roles", "id_credentials_temp_control-access_monitor.html"),
  },
};

export const getConcept = (id: ConceptId): Concept => CONCEPTS[id];
