/**
 * Condition blocks: operators, keys and value types.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html
 */
import { actionSupportsKey, conditionKeyInfo, hasService, isCatalogueLoaded } from "./catalogue";
import { hasPolicyVariable, isBoolean, isDocumentedDate, isIamDate, isNumeric, parseCidr } from "./condition-values";
import { IamStage, LEGACY_PARSING, Reporter } from "./findings";
import type { ConditionEntry, PolicyModel, StatementModel } from "./model";

type Family = "String" | "Numeric" | "Date" | "Bool" | "Binary" | "IpAddress" | "Arn" | "Null";

export function operatorFamily(base: string): Family {
  if (base.startsWith("String")) return "String";
  if (base.startsWith("Numeric")) return "Numeric";
  if (base.startsWith("Date")) return "Date";
  if (base === "Bool") return "Bool";
  if (base === "BinaryEquals") return "Binary";
  if (base.endsWith("IpAddress")) return "IpAddress";
  if (base.startsWith("Arn")) return "Arn";
  return "Null";
}

/** Operator families that suit a catalogue key type. */
const FAMILIES_FOR_TYPE: Record<string, Family[]> = {
  String: ["String"],
  ArrayOfString: ["String"],
  ARN: ["Arn", "String"],
  ArrayOfARN: ["Arn", "String"],
  Bool: ["Bool"],
  ArrayOfBool: ["Bool"],
  Numeric: ["Numeric"],
  Date: ["Date"],
  IPAddress: ["IpAddress"],
};

export function validateConditions(model: PolicyModel, r: Reporter): void {
  for (const s of model.statements) {
    const c = s.condition;
    if (!c) continue;
    if (c.member.value.type === "object" && c.member.value.members.length === 0) {
      r.add("EMPTY_OBJECT_CONDITION", "This condition block is empty and it does not affect the policy. Specify conditions.", c.path, c.member.value.span);
    }
    const seen = new Map<string, string>();
    for (const e of c.entries) {
      const block = `${e.operator}\u0000${e.key.toLowerCase()}`;
      const prev = seen.get(block);
      if (prev !== undefined && prev !== e.key) {
        r.add(
          "DUPLICATE_KEYS_WITH_DIFFERENT_CASE",
          `The condition key ${e.key} appears more than once with different capitalization in the same condition block. Remove the duplicate condition keys.`,
          e.path,
          e.keySpan,
        );
      }
      seen.set(block, e.key);
      const info = validateEntry(e, r);
      if (info && !info.global) checkActionsSupportKey(s, e, info.key, r);
    }
  }
}

/**
 * Session actions that a role trust policy allows beside the assume action. STS authorizes them within the
 * same AssumeRole* request, so the assume action's keys (sts:ExternalId, sts:RoleSessionName) are in their
 * context even though the catalogue does not list those keys on them.
 */
const SESSION_COMPANIONS = new Set(["sts:tagsession", "sts:setsourceidentity", "sts:setcontext"]);

/**
 * Access Analyzer's "Unsupported action for condition key": a service's own key (`s3:prefix`) on an action
 * of that service that never carries it is not evaluated for that action. Like Access Analyzer, actions
 * with wildcards are not judged; keys of another service are not either (many apply across services).
 */
function checkActionsSupportKey(s: StatementModel, e: ConditionEntry, catalogueKey: string, r: Reporter): void {
  if (!s.action) return;
  const literal = s.action.items.map((i) => i.value).filter((a) => !/[*?]/.test(a) && a.includes(":"));
  const assumes = literal.some((a) => a.toLowerCase().startsWith("sts:assumerole"));
  const unsupported = literal.filter((a) => {
    if (assumes && SESSION_COMPANIONS.has(a.toLowerCase())) return false;
    const colon = a.indexOf(":");
    return actionSupportsKey(a.slice(0, colon), a.slice(colon + 1), catalogueKey) === false;
  });
  if (unsupported.length === 0) return;
  r.add(
    "UNSUPPORTED_ACTION_FOR_CONDITION_KEY",
    `The following actions: ${unsupported.join(", ")} are not supported by the condition key ${e.key}. The condition will not be evaluated for these actions. We recommend that you move these actions to a different statement without this condition key.`,
    e.path,
    e.keySpan,
  );
}

/** Checks one entry; returns the key's catalogue entry when it has one. */
function validateEntry(e: ConditionEntry, r: Reporter): ReturnType<typeof conditionKeyInfo> {
  const family = operatorFamily(e.baseOperator);
  if (e.knownOperator && family === "Null") {
    if (e.ifExists) {
      r.add("NULL_WITH_IF_EXISTS", "The Null condition operator cannot be used with the IfExists suffix. Update the operator or the suffix.", e.operatorPath, e.operatorSpan);
    }
    if (e.qualifier) {
      r.add(
        "NULL_WITH_QUALIFIER",
        "Avoid using the Null condition operator with the ForAllValues or ForAnyValue qualifiers because they always return a true or false respectively.",
        e.operatorPath,
        e.operatorSpan,
      );
    }
  }
  if (e.isArray && e.values.length === 0) {
    r.add("EMPTY_ARRAY_CONDITION", `There are no values for the condition key ${e.key} and it does not affect the policy. Specify conditions.`, e.path, e.valueSpan);
  }
  const info = validateKey(e, r);
  if (!e.knownOperator) return info;
  if (info && family !== "Null") {
    const allowed = FAMILIES_FOR_TYPE[info.type];
    if (allowed && !allowed.includes(family)) {
      r.add("TYPE_MISMATCH", `Use the operator type ${allowed[0]} instead of operator ${e.operator} for the condition key ${e.key}.`, e.operatorPath, e.operatorSpan);
    }
  }
  if (info && e.qualifier === "ForAllValues" && !info.type.startsWith("ArrayOf")) {
    r.add(
      "FORALLVALUES_WITH_SINGLE_VALUED_KEY",
      `Using ForAllValues qualifier with the single-valued condition key ${e.key} can be overly permissive. We recommend that you remove ForAllValues:.`,
      e.operatorPath,
      e.operatorSpan,
    );
  }
  validateValues(e, family, r);
  return info;
}

function validateKey(e: ConditionEntry, r: Reporter): ReturnType<typeof conditionKeyInfo> {
  const colon = e.key.indexOf(":");
  if (colon <= 0 || colon === e.key.length - 1) {
    r.add("INVALID_CONDITION_KEY_FORMAT", "The condition key format is not valid. Use the format service:keyname.", e.path, e.keySpan);
    return undefined;
  }
  if (!isCatalogueLoaded()) return undefined;
  const prefix = e.key.slice(0, colon).toLowerCase();
  if (e.key.toLowerCase() === "aws:arn") {
    r.add("UNSUPPORTED_GLOBAL_CONDITION_KEY", "The condition key aws:ARN is not supported. Use aws:PrincipalArn or aws:SourceArn instead.", e.path, e.keySpan);
    return undefined;
  }
  const info = conditionKeyInfo(e.key);
  if (info) return info;
  if (prefix === "aws") {
    r.add("INVALID_GLOBAL_CONDITION_KEY", `The condition key ${e.key} does not exist. Use a valid condition key.`, e.path, e.keySpan);
  } else if (hasService(prefix)) {
    r.add("INVALID_SERVICE_CONDITION_KEY", `The condition key ${e.key} does not exist in the service ${prefix}. Use a valid condition key.`, e.path, e.keySpan);
  }
  // Other prefixes name identity providers (an OIDC host, SAML), whose claims are open-ended.
  return undefined;
}

function validateValues(e: ConditionEntry, family: Family, r: Reporter): void {
  if (family === "Bool" && e.values.length > 1) {
    r.add("INVALID_CONDITION_MULTIPLE_BOOLEAN", "The condition key does not support multiple Boolean values. Use a single Boolean value.", e.path, e.valueSpan);
  }
  for (const v of e.values) {
    const variable = hasPolicyVariable(v.value);
    if (variable && family !== "String" && family !== "Arn") {
      r.add("INVALID_VARIABLE_FOR_OPERATOR", "Policy variables can only be used with String and ARN operators.", v.path, v.span);
      continue;
    }
    switch (family) {
      case "String":
        if (!e.baseOperator.includes("Like") && !variable && /[*?]/.test(v.value)) {
          r.add(
            "WILDCARD_WITHOUT_LIKE_OPERATOR",
            "Your condition value includes a * or ? character. If you meant to use a wildcard (*, ?), update the condition operator to include Like.",
            v.path,
            v.span,
          );
        }
        break;
      case "Numeric":
        if (!isNumeric(v.value)) r.add("TYPE_MISMATCH_NUMBER", `Add a valid numeric value for the condition operator ${e.operator}.`, v.path, v.span);
        break;
      case "Date":
        if (!isIamDate(v.value)) {
          r.add("INVALID_DATE_VALUE", `${JSON.stringify(v.value)} is not a date IAM can read. Use an ISO 8601 date such as 2024-01-31T23:59:59Z or epoch seconds.`, v.path, v.span, {
            iam: [IamStage.Legacy, LEGACY_PARSING],
          });
        } else if (!isDocumentedDate(v.value)) {
          r.add(
            "TYPE_MISMATCH_DATE",
            "The date condition operator is used with an invalid value. Specify a valid date using YYYY-MM-DD or other ISO 8601 date/time format.",
            v.path,
            v.span,
          );
        }
        break;
      case "Bool":
      case "Null":
        if (!isBoolean(v.value)) r.add("TYPE_MISMATCH_BOOLEAN", `Add a valid Boolean value (true or false) for the condition operator ${e.operator}.`, v.path, v.span);
        break;
      case "IpAddress": {
        const cidr = parseCidr(v.value);
        if (!cidr) {
          r.add("TYPE_MISMATCH_IP_RANGE", `The condition operator ${e.operator} is used with an invalid IP range value. Specify the IP range in standard CIDR format.`, v.path, v.span);
        } else if (cidr.hostBitsSet) {
          r.add("IMPROVE_IP_RANGE", `The non-zero bits in the IP address after the masked bits are ignored. Replace address with ${cidr.canonical}.`, v.path, v.span);
        }
        break;
      }
      case "Arn":
        if (!variable && v.value !== "*" && !v.value.startsWith("arn:")) {
          r.add("TYPE_MISMATCH_ARN", `${JSON.stringify(v.value)} is not an ARN; ${e.operator} compares ARNs (arn:partition:service:region:account:resource).`, v.path, v.span);
        }
        break;
      default:
        break;
    }
  }
}
