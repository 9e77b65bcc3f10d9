/**
 * ARN and principal-identifier shapes.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html
 */

/** AWS partitions (commercial, China, GovCloud, the isolated regions and the European sovereign cloud). */
export const PARTITIONS = new Set(["aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc"]);

const P = "(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b|aws-iso-e|aws-iso-f|aws-eusc)";
// IAM names: [\w+=,.@-]; paths: "/" or "/…/" of printable ASCII.
const NAME = "[\\w+=,.@-]+";
const PATH = "(?:/[\\x21-\\x7E]*?)?/";

export type AwsPrincipalForm =
  | { form: "wildcard" }
  | { form: "account"; accountId: string }
  | { form: "root"; accountId: string; arn: string }
  | { form: "user" | "role"; accountId: string; arn: string; name: string }
  | { form: "assumed-role"; accountId: string; arn: string; roleName: string; sessionName: string }
  | { form: "federated-user"; accountId: string; arn: string }
  | { form: "unique-id"; kind: "user" | "role"; id: string };

const ROOT_RE = new RegExp(`^arn:${P}:iam::(\\d{12}):root$`);
const USER_ROLE_RE = new RegExp(`^arn:${P}:iam::(\\d{12}):(user|role)(${PATH})(${NAME})$`);
const ASSUMED_RE = new RegExp(`^arn:${P}:sts::(\\d{12}):assumed-role/(${NAME})/([\\w+=,.@-]{2,64})$`);
const FED_USER_RE = new RegExp(`^arn:${P}:sts::(\\d{12}):federated-user/(${NAME})$`);

/** Reads a value of `Principal.AWS`; undefined when IAM would not accept it. */
export function parseAwsPrincipal(v: string): AwsPrincipalForm | undefined {
  if (v === "*") return { form: "wildcard" };
  if (/^\d{12}$/.test(v)) return { form: "account", accountId: v };
  let m = ROOT_RE.exec(v);
  if (m) return { form: "root", accountId: m[2], arn: v };
  m = USER_ROLE_RE.exec(v);
  if (m) return { form: m[3] as "user" | "role", accountId: m[2], arn: v, name: m[5] };
  m = ASSUMED_RE.exec(v);
  if (m) return { form: "assumed-role", accountId: m[2], arn: v, roleName: m[3], sessionName: m[4] };
  m = FED_USER_RE.exec(v);
  if (m) return { form: "federated-user", accountId: m[2], arn: v };
  m = /^(AIDA|AROA)[A-Z0-9]{17}$/.exec(v);
  if (m) return { form: "unique-id", kind: m[1] === "AIDA" ? "user" : "role", id: v };
  return undefined;
}

export type FederatedForm =
  | { form: "saml"; accountId: string; arn: string; name: string }
  | { form: "oidc"; accountId: string; arn: string; host: string }
  | { form: "domain"; host: string };

const SAML_RE = new RegExp(`^arn:${P}:iam::(\\d{12}):saml-provider/([\\w.-]{1,128})$`);
const OIDC_RE = new RegExp(`^arn:${P}:iam::(\\d{12}):oidc-provider/([A-Za-z0-9.-]+(?::\\d+)?(?:/[\\x21-\\x7E]*)?)$`);
const DOMAIN_RE = /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

/** Reads a value of `Principal.Federated`. */
export function parseFederatedPrincipal(v: string): FederatedForm | undefined {
  let m = SAML_RE.exec(v);
  if (m) return { form: "saml", accountId: m[2], arn: v, name: m[3] };
  m = OIDC_RE.exec(v);
  if (m) return { form: "oidc", accountId: m[2], arn: v, host: m[3] };
  if (DOMAIN_RE.test(v)) return { form: "domain", host: v };
  return undefined;
}

/**
 * Service principals look like `ec2.amazonaws.com` (also regional forms such as
 * `logs.eu-west-1.amazonaws.com`, the China `.amazonaws.com.cn` suffix and a few `*.amazon.com`).
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-services
 */
export function isServicePrincipal(v: string): boolean {
  return /^[a-z0-9][a-z0-9-]*(\.[a-z0-9-]+)*\.(amazonaws\.com|amazonaws\.com\.cn|amazon\.com)$/.test(v);
}

/** The host part of a service principal (`ec2` for `ec2.amazonaws.com`). */
export function serviceOfPrincipal(v: string): string {
  return v.split(".")[0];
}

/** Web identity providers AWS accepts by domain name in `Principal.Federated`. */
export const WEB_IDENTITY_DOMAINS = new Set([
  "cognito-identity.amazonaws.com",
  "accounts.google.com",
  "graph.facebook.com",
  "www.amazon.com",
]);
