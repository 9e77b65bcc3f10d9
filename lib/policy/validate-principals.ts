/**
 * Principal and NotPrincipal: which forms IAM accepts in a role trust policy, and whether the named
 * users, roles and providers exist.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
 */
import { isServicePrincipal, parseAwsPrincipal, parseFederatedPrincipal, serviceOfPrincipal } from "./arn";
import { hasService, isCatalogueLoaded } from "./catalogue";
import { IamStage, Reporter } from "./findings";
import type { PolicyModel, StatementModel, StringItem } from "./model";
import type { PolicyKind, ValidationContext } from "./types";

const NO_PRINCIPALS =
  "Invalid principal in policy: com.amazon.balsa.error.InvalidPolicyException: The passed in policy has a statement with no principals!";

/** IAM quotes the principal key in upper case except for "AWS": `"SERVICE":"x"`, `"FEDERATED":"y"`. */
export function invalidPrincipalMessage(key: string, value: string): string {
  return `Invalid principal in policy: "${key.toUpperCase()}":"${value}"`;
}

// Service principals that are not named after a service prefix in the catalogue.
const EXTRA_SERVICE_HOSTS = new Set(["edgelambda", "vpc-flow-logs", "delivery", "replication", "spotfleet", "events", "states"]);

export function validatePrincipals(model: PolicyModel, kind: PolicyKind, r: Reporter, ctx?: ValidationContext): void {
  for (const s of model.statements) {
    if (kind !== "trust") {
      for (const p of [s.principal, s.notPrincipal]) {
        if (!p) continue;
        r.add(
          "UNSUPPORTED_PRINCIPAL",
          `The policy type ${policyTypeName(kind)} does not support the ${p.name} element. Remove the ${p.name} element.`,
          p.path,
          p.member.keySpan,
          { iam: [IamStage.PrincipalInIdentity, "Policy document should not specify a principal."] },
        );
      }
      continue;
    }
    validateTrustStatementPrincipal(s, r, ctx);
  }
}

function policyTypeName(kind: PolicyKind): string {
  return kind === "boundary" ? "permissions boundary" : kind === "session" ? "session policy" : "identity policy";
}

function validateTrustStatementPrincipal(s: StatementModel, r: Reporter, ctx?: ValidationContext): void {
  if (s.notPrincipal) {
    r.add(
      "ROLE_TRUST_POLICY_SYNTAX_ERROR_NOTPRINCIPAL",
      "Role trust policies do not support NotPrincipal. Update the policy to use a Principal element instead.",
      s.notPrincipal.path,
      s.notPrincipal.member.keySpan,
      { iam: [IamStage.ResourcesExist, "Has prohibited field NotPrincipal"] },
    );
    return;
  }
  const p = s.principal;
  if (!p) {
    r.add("MISSING_PRINCIPAL", "Add a Principal element to the policy statement.", s.path, s.node.span, {
      iam: [IamStage.PrincipalFormat, NO_PRINCIPALS],
    });
    return;
  }
  if (p.wildcard) return;
  const valueCount = p.entries.reduce((n, e) => n + e.items.length, 0);
  if (p.entries.length === 0) {
    r.add("EMPTY_OBJECT_PRINCIPAL", "This statement includes no principals and does not affect the policy. Specify principals.", p.path, p.member.value.span);
  }
  for (const e of p.entries) {
    if (e.isArray && e.items.length === 0) {
      r.add("EMPTY_ARRAY_PRINCIPAL", "This statement includes no principals and does not affect the policy. Specify principals.", e.path, e.keySpan);
    }
  }
  if (valueCount === 0) {
    // Access Analyzer only suggests; IAM refuses a trust statement that names nobody.
    r.add("MISSING_PRINCIPAL", "This statement names no principal; IAM refuses a trust policy statement without principals.", p.path, p.member.keySpan, {
      iam: [IamStage.PrincipalFormat, NO_PRINCIPALS],
    });
  }
  for (const e of p.entries) {
    switch (e.key) {
      case "AWS":
        e.items.forEach((it) => validateAwsValue(it, r, ctx));
        break;
      case "Service":
        e.items.forEach((it) => validateServiceValue(it, r));
        break;
      case "Federated":
        e.items.forEach((it) => validateFederatedValue(it, r, ctx));
        break;
      case "CanonicalUser":
        for (const it of e.items) {
          r.add("INVALID_PRINCIPAL", "Role trust policies do not support CanonicalUser principals (they identify S3 account owners).", it.path, it.span, {
            iam: [IamStage.PrincipalFormat, invalidPrincipalMessage(e.key, it.value)],
          });
        }
        break;
      default:
        r.add("INVALID_PRINCIPAL_KEY", `The principal key ${e.key} is not valid.`, e.path, e.keySpan, {
          iam: [IamStage.PrincipalFormat, invalidPrincipalMessage(e.key, e.items[0]?.value ?? "")],
        });
    }
  }
}

function wildcardError(key: string, it: StringItem, r: Reporter): void {
  r.add(
    "ROLE_TRUST_POLICY_UNSUPPORTED_WILDCARD_IN_PRINCIPAL",
    `Wildcards (*, ?) are not supported with the principal key ${key}. Replace the wildcard with a valid principal value.`,
    it.path,
    it.span,
    { iam: [IamStage.PrincipalFormat, invalidPrincipalMessage(key, it.value)] },
  );
}

function validateAwsValue(it: StringItem, r: Reporter, ctx?: ValidationContext): void {
  const form = parseAwsPrincipal(it.value);
  if (!form) {
    if (/[*?]/.test(it.value)) return wildcardError("AWS", it, r);
    r.add(
      "INVALID_PRINCIPAL",
      `${JSON.stringify(it.value)} is not a valid AWS principal. Use a 12-digit account ID, an account root ARN (arn:aws:iam::111122223333:root), or an IAM user, role or assumed-role session ARN.`,
      it.path,
      it.span,
      { iam: [IamStage.PrincipalFormat, invalidPrincipalMessage("AWS", it.value)] },
    );
    return;
  }
  if (form.form === "unique-id") {
    const code = form.kind === "role" ? "INVALID_ROLE_REFERENCE" : "INVALID_USER_REFERENCE";
    r.add(code, `The Principal element includes the IAM ${form.kind} ID ${form.id}. We recommend that you use a ${form.kind} ARN instead.`, it.path, it.span);
    return;
  }
  if (form.form === "user" || form.form === "role") checkExists(form.accountId, form.arn, "AWS", it, r, ctx);
}

function validateServiceValue(it: StringItem, r: Reporter): void {
  if (/[*?]/.test(it.value)) return wildcardError("Service", it, r);
  if (!isServicePrincipal(it.value)) {
    r.add(
      "INVALID_SERVICE_PRINCIPAL_FORMAT",
      "The service principal does not match the expected format. Use the format service-name.amazonaws.com.",
      it.path,
      it.span,
      { iam: [IamStage.PrincipalFormat, invalidPrincipalMessage("Service", it.value)] },
    );
    return;
  }
  const svc = serviceOfPrincipal(it.value);
  if (isCatalogueLoaded() && !hasService(svc) && !EXTRA_SERVICE_HOSTS.has(svc)) {
    r.add("UNKNOWN_SERVICE_PRINCIPAL", `No AWS service with the prefix ${svc} is known; check the spelling of ${it.value}.`, it.path, it.span);
  }
}

function validateFederatedValue(it: StringItem, r: Reporter, ctx?: ValidationContext): void {
  if (/[*?]/.test(it.value)) return wildcardError("Federated", it, r);
  const form = parseFederatedPrincipal(it.value);
  if (!form) {
    r.add(
      "INVALID_FEDERATED_PRINCIPAL_SYNTAX_IN_ROLE_TRUST_POLICY",
      "The principal value specifies a federated principal that does not match the expected format. Update the federated principal to a domain name or a SAML metadata ARN.",
      it.path,
      it.span,
      { iam: [IamStage.PrincipalFormat, invalidPrincipalMessage("Federated", it.value)] },
    );
    return;
  }
  if (form.form !== "domain") checkExists(form.accountId, form.arn, "Federated", it, r, ctx);
}

function checkExists(accountId: string, arn: string, key: string, it: StringItem, r: Reporter, ctx?: ValidationContext): void {
  if (!ctx) return;
  if (!ctx.isHeldAccount(accountId)) {
    r.add(
      "PRINCIPAL_NOT_VERIFIED",
      `Account ${accountId} is not held by this Roleplane, so whether ${arn} exists could not be checked.`,
      it.path,
      it.span,
    );
    return;
  }
  if (!ctx.principalExists(arn)) {
    r.add("PRINCIPAL_NOT_FOUND", `${arn} does not exist in account ${accountId}. IAM refuses a trust policy that names a missing principal.`, it.path, it.span, {
      iam: [IamStage.PrincipalExistence, invalidPrincipalMessage(key, arn)],
    });
  }
}
