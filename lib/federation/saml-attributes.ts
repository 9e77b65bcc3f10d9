/**
 * SAML attributes that become `SAML:` condition keys in a role's trust policy, by attribute Name, with whether
 * the key holds a list. From the IAM user guide's "Mapping SAML attributes to AWS trust policy context keys"
 * (eduPerson and eduOrg, Active Directory and X.500 attributes).
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_saml_assertions.html#saml-attribute-mapping
 */
export const SAML_ATTRIBUTE_KEYS: Readonly<Record<string, { key: string; list: boolean }>> = {
  "urn:oid:1.3.6.1.4.1.5923.1.1.1.1": { key: "edupersonaffiliation", list: true },
  "urn:oid:1.3.6.1.4.1.5923.1.1.1.2": { key: "edupersonnickname", list: true },
  "urn:oid:1.3.6.1.4.1.5923.1.1.1.3": { key: "edupersonorgdn", list: false },
  "urn:oid:1.3.6.1.4.1.5923.1.1.1.4": { key: "edupersonorgunitdn", list: true },
  "urn:oid:1.3.6.1.4.1.5923.1.1.1.5": { key: "edupersonprimaryaffiliation", list: false },
  "urn:oid:1.3.6.1.4.1.5923.1.1.1.6": { key: "edupersonprincipalname", list: false },
  "urn:oid:1.3.6.1.4.1.5923.1.1.1.7": { key: "edupersonentitlement", list: true },
  "urn:oid:1.3.6.1.4.1.5923.1.1.1.8": { key: "edupersonprimaryorgunitdn", list: false },
  "urn:oid:1.3.6.1.4.1.5923.1.1.1.9": { key: "edupersonscopedaffiliation", list: true },
  "urn:oid:1.3.6.1.4.1.5923.1.1.1.10": { key: "edupersontargetedid", list: true },
  "urn:oid:1.3.6.1.4.1.5923.1.1.1.11": { key: "edupersonassurance", list: true },
  "urn:oid:1.3.6.1.4.1.5923.1.2.1.2": { key: "eduorghomepageuri", list: true },
  "urn:oid:1.3.6.1.4.1.5923.1.2.1.3": { key: "eduorgidentityauthnpolicyuri", list: true },
  "urn:oid:1.3.6.1.4.1.5923.1.2.1.4": { key: "eduorglegalname", list: true },
  "urn:oid:1.3.6.1.4.1.5923.1.2.1.5": { key: "eduorgsuperioruri", list: true },
  "urn:oid:1.3.6.1.4.1.5923.1.2.1.6": { key: "eduorgwhitepagesuri", list: true },
  "urn:oid:2.5.4.3": { key: "cn", list: true },
  "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name": { key: "name", list: false },
  "http://schemas.xmlsoap.org/claims/CommonName": { key: "commonName", list: false },
  "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname": { key: "givenName", list: false },
  "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname": { key: "surname", list: false },
  "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress": { key: "mail", list: false },
  "http://schemas.microsoft.com/ws/2008/06/identity/claims/primarygroupsid": { key: "uid", list: false },
  "2.5.4.3": { key: "commonName", list: false },
  "2.5.4.4": { key: "surname", list: false },
  "2.4.5.42": { key: "givenName", list: false },
  "2.5.4.45": { key: "x500UniqueIdentifier", list: false },
  "0.9.2342.19200300100.1.1": { key: "uid", list: false },
  "0.9.2342.19200300100.1.3": { key: "mail", list: false },
  "0.9.2342.19200300.100.1.45": { key: "organizationStatus", list: false },
};

/** The attributes AWS reads itself (IAM user guide, "Configure SAML assertions for the authentication response"). */
export const AWS_SAML_ATTRIBUTE = {
  role: "https://aws.amazon.com/SAML/Attributes/Role",
  roleSessionName: "https://aws.amazon.com/SAML/Attributes/RoleSessionName",
  sessionDuration: "https://aws.amazon.com/SAML/Attributes/SessionDuration",
  sourceIdentity: "https://aws.amazon.com/SAML/Attributes/SourceIdentity",
  principalTagPrefix: "https://aws.amazon.com/SAML/Attributes/PrincipalTag:",
  transitiveTagKeys: "https://aws.amazon.com/SAML/Attributes/TransitiveTagKeys",
} as const;

/**
 * The audiences an assertion for AWS carries, and the endpoints its SubjectConfirmationData Recipient names:
 * the global and regional sign-in endpoints (`https://<region>.signin.aws.amazon.com/saml`) and the static one.
 */
export const SAML_AUDIENCES = ["https://signin.aws.amazon.com/saml", "urn:amazon:webservices"];
export const isSignInEndpoint = (url: string) =>
  /^https:\/\/([a-z0-9-]+\.)?signin\.aws\.amazon\.com\/saml$/.test(url) || url === "https://signin.aws.amazon.com/static/saml";
export const isAcceptedAudience = (audience: string) => SAML_AUDIENCES.includes(audience) || isSignInEndpoint(audience);
