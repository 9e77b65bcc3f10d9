/**
 * Resource and NotResource: required in identity policies, prohibited in trust policies, and ARN-shaped.
 * The IAM messages quoted here are the ones IAM returns for CreatePolicy/PutRolePolicy.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 */
import { PARTITIONS } from "./arn";
import { wildcardRegExp } from "./validate-actions";
import { IamStage, LEGACY_PARSING, Reporter } from "./findings";
import type { ListElement, PolicyModel, StringItem } from "./model";
import type { PolicyKind } from "./types";

const IAM_RESOURCE_TYPES = [
  "user/", "federated-user/", "role/", "group/", "instance-profile/", "mfa/", "server-certificate/", "policy/",
  "sms-mfa/", "saml-provider/", "oidc-provider/", "report/", "access-report/",
];

export function validateResources(model: PolicyModel, kind: PolicyKind, r: Reporter): void {
  for (const s of model.statements) {
    if (kind === "trust") {
      for (const el of [s.resource, s.notResource]) {
        if (!el) continue;
        r.add(
          "ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE",
          "Role trust policies apply to the role that they are attached to. You cannot specify a resource. Remove the Resource or NotResource element.",
          el.path,
          el.member.keySpan,
          { iam: [IamStage.ResourcesExist, `Has prohibited field ${el.name}`] },
        );
      }
      continue;
    }
    const el = s.resource ?? s.notResource;
    if (!el) {
      r.add("MISSING_RESOURCE", "Add a Resource or NotResource element to the policy statement.", s.path, s.node.span, {
        iam: [IamStage.ResourcesExist, "Policy statement must contain resources."],
      });
      continue;
    }
    if (el.member.value.type === "array" && el.member.value.items.length === 0) {
      r.add("MISSING_RESOURCE", "This statement includes no resources. Specify resources.", el.path, el.member.value.span, {
        iam: [IamStage.ResourcesExist, "Policy statement must contain resources."],
      });
    }
    validateArns(el, r);
  }
}

function validateArns(el: ListElement, r: Reporter): void {
  for (const it of el.items) {
    if (it.value !== "*") validateArn(it, r);
  }
}

function validateArn(it: StringItem, r: Reporter): void {
  const v = it.value;
  const parts = v.split(":");
  const fail = (code: Parameters<Reporter["add"]>[0], msg: string, iam?: string, stage: number = IamStage.ResourceFormat) =>
    r.add(code, msg, it.path, it.span, iam ? { iam: [stage as IamStage, iam] } : {});

  if (parts.length === 1) {
    return fail("INVALID_ARN_PREFIX", "Add the required prefix (arn) to the resource ARN.", `Resource ${v} must be in ARN format or "*".`);
  }
  const partition = parts[1];
  // A wildcard partition (`arn:*:…`, used by AWS-managed policies) is fine when it can match a real one.
  const knownPartition = /[*?]/.test(partition) ? [...PARTITIONS].some((p) => wildcardRegExp(partition).test(p)) : PARTITIONS.has(partition);
  if (!knownPartition) {
    // IAM echoes the value re-shaped as a six-field ARN, filling missing fields with "*".
    const rest = parts.slice(2);
    const f1 = rest[0] !== undefined && (rest[0] !== "" || rest.length > 1) ? rest[0] : "*";
    const f2 = rest[1] ?? "*";
    const f3 = rest[2] ?? "*";
    const f4 = rest.length > 3 ? rest.slice(3).join(":") : "*";
    const iam = `Partition "${partition}" is not valid for resource "arn:${partition}:${f1}:${f2}:${f3}:${f4}".`;
    if (parts[0] !== "arn") return fail("INVALID_ARN_PREFIX", "Add the required prefix (arn) to the resource ARN.", iam);
    return fail("INVALID_PARTITION", `The resource ARN partition ${partition} is not valid. Use one of: ${[...PARTITIONS].join(", ")}.`, iam);
  }
  if (parts[0] !== "arn") {
    return fail("INVALID_ARN_PREFIX", "Add the required prefix (arn) to the resource ARN.", `Resource ${v} must be in ARN format or "*".`);
  }
  if (parts.length < 3 || /[*?]/.test(parts[2])) {
    return fail(
      "INVALID_ARN_SERVICE",
      "The service in the resource ARN must be a fully qualified service prefix without wildcards.",
      "Resource vendor must be fully qualified and cannot contain regexes.",
    );
  }
  const [, , service, region = "", account = ""] = parts;
  const colons = parts.length - 1;
  if (service === "" || (colons < 5 && v.includes("::"))) {
    return fail(
      "MISSING_ARN_FIELD",
      "Resource ARNs must include at least 6 fields in the following structure: arn:partition:service:region:account:resource",
      LEGACY_PARSING,
      IamStage.Legacy,
    );
  }
  if (colons < 5) {
    return fail("MISSING_ARN_FIELD", "Resource ARNs must include at least 6 fields in the following structure: arn:partition:service:region:account:resource");
  }
  // Bucket and object ARNs carry neither Region nor account; access points and jobs carry both.
  if (service === "s3" && region !== "" && account === "") {
    return fail("ARN_REGION_NOT_ALLOWED", "The service s3 does not support specifying a Region in the resource ARN.", `Resource ${v} can not contain region information.`);
  }
  if (service === "iam" && region !== "") {
    return fail("ARN_REGION_NOT_ALLOWED", "The service iam does not support specifying a Region in the resource ARN.", `IAM resource ${v} cannot contain region information.`);
  }
  const resource = parts.slice(5).join(":");
  if (service === "iam" && resource !== "*" && resource !== "root" && !IAM_RESOURCE_TYPES.some((t) => resource.startsWith(t))) {
    return fail(
      "INVALID_ARN_RESOURCE",
      "Resource ARN does not match the expected ARN format. Update the resource portion of the ARN.",
      `IAM resource path must either be "*" or start with ${IAM_RESOURCE_TYPES.join(", ")}.`,
    );
  }
  if (service !== service.toLowerCase()) {
    fail("INVALID_ARN_SERVICE_CASE", `Update the service name ${service} in the resource ARN to use all lowercase letters.`);
  }
  if (account !== "" && account !== "aws" && !/^\d{12}$/.test(account) && !/[*?$]/.test(account)) {
    fail("INVALID_ARN_ACCOUNT", `The resource ARN account ID ${account} is not valid. Provide a 12-digit account ID.`);
  }
}
