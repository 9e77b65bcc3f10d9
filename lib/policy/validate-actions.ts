/**
 * Action and NotAction: IAM's format rules, existence in the service catalogue, and the STS-only rule
 * for trust policies.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
 */
import { anyActionMatches, hasService, isCatalogueLoaded, lookupAction, suggestAction, suggestService } from "./catalogue";
import { IamStage, Reporter } from "./findings";
import type { ListElement, PolicyModel } from "./model";
import type { PolicyKind } from "./types";

/**
 * Actions IAM accepts in a role trust policy. The AWS docs list the sts:AssumeRole* family plus the session
 * helpers a trust policy must also allow (TagSession, SetSourceIdentity, SetContext).
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html
 */
export const TRUST_ACTIONS = [
  "sts:AssumeRole",
  "sts:AssumeRoleWithSAML",
  "sts:AssumeRoleWithWebIdentity",
  "sts:TagSession",
  "sts:SetSourceIdentity",
  "sts:SetContext",
];
const TRUST_ACTIONS_LC = TRUST_ACTIONS.map((a) => a.toLowerCase());
export const NON_STS_ACTION = "AssumeRole policy may only specify STS AssumeRole actions.";

/** `*` and `?` wildcards of an action or ARN pattern as a case-insensitive regular expression. */
export function wildcardRegExp(pattern: string): RegExp {
  const src = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${src}$`, "i");
}

/** The trust actions an Action value grants (wildcards expanded), in lower case. */
export function trustActionsMatched(value: string): string[] {
  const re = wildcardRegExp(value);
  return TRUST_ACTIONS_LC.filter((a) => re.test(a));
}

export function validateActions(model: PolicyModel, kind: PolicyKind, r: Reporter): void {
  for (const s of model.statements) {
    const el = s.action ?? s.notAction;
    if (!el) {
      r.add("MISSING_ACTION", "Add an Action or NotAction element to the policy statement.", s.path, s.node.span, {
        iam: [IamStage.ActionsExist, "Policy statement must contain actions."],
      });
      continue;
    }
    if (el.isArray && el.member.value.type === "array" && el.member.value.items.length === 0) {
      r.add("MISSING_ACTION", "This statement includes no actions. Specify actions.", el.path, el.member.value.span, {
        iam: [IamStage.ActionsExist, "Policy statement must contain actions."],
      });
    }
    validateFormat(el, r);
    if (kind === "trust") validateTrustActions(el, r);
  }
}

function validateFormat(el: ListElement, r: Reporter): void {
  for (const it of el.items) {
    if (it.value === "*") continue;
    const parts = it.value.split(":");
    if (parts.length === 1) {
      r.add("INVALID_ACTION_FORMAT", `The action ${JSON.stringify(it.value)} has no service prefix. Use the format service:action, e.g. s3:GetObject.`, it.path, it.span, {
        iam: [IamStage.ActionPrefix, "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc."],
      });
      continue;
    }
    if (parts.length > 2) {
      r.add("INVALID_ACTION_FORMAT", `The action ${it.value} contains more than one colon. Use the format service:action.`, it.path, it.span, {
        iam: [IamStage.ActionPrefix, "Actions/Condition can contain only one colon."],
      });
      continue;
    }
    const [service, action] = parts;
    if (/[^A-Za-z0-9.\-*?]/.test(service)) {
      r.add("INVALID_ACTION_FORMAT", `The service prefix ${JSON.stringify(service)} contains characters a service prefix cannot have.`, it.path, it.span, {
        iam: [IamStage.ActionPrefix, `Vendor ${service} is not valid`],
      });
      continue;
    }
    if (/[*?]/.test(service)) {
      r.add(
        "WILDCARD_IN_SERVICE_NAME",
        "Avoid using wildcards (*, ?) in the service name because it might grant unintended access to other AWS services with similar names.",
        it.path,
        it.span,
      );
      continue;
    }
    if (!isCatalogueLoaded()) continue;
    if (!hasService(service)) {
      const alt = suggestService(service);
      r.add(
        "INVALID_SERVICE_IN_ACTION",
        `The service ${service} specified in the action does not exist.${alt ? ` Did you mean ${alt}?` : ""}`,
        it.path,
        it.span,
      );
      continue;
    }
    if (/[*?]/.test(action)) {
      if (!anyActionMatches(service, action)) {
        r.add("INVALID_ACTION", `The action ${it.value} does not match any action of the service ${service}.`, it.path, it.span);
      }
      continue;
    }
    if (!lookupAction(service, action)) {
      const alt = suggestAction(service, action);
      r.add("INVALID_ACTION", `The action ${it.value} does not exist.${alt ? ` Did you mean ${alt}?` : ""}`, it.path, it.span);
    }
  }
}

function validateTrustActions(el: ListElement, r: Reporter): void {
  for (const it of el.items) {
    const v = it.value.toLowerCase();
    if (v === "*") continue;
    if (v.startsWith("sts:") && trustActionsMatched(v).length > 0) continue;
    r.add(
      "TRUST_POLICY_NON_STS_ACTION",
      `${it.value} cannot be granted by a role trust policy. Allow only sts:AssumeRole, sts:AssumeRoleWithSAML, sts:AssumeRoleWithWebIdentity, sts:TagSession, sts:SetSourceIdentity or sts:SetContext; put permissions in a policy attached to the role.`,
      it.path,
      it.span,
      { iam: [IamStage.TrustActions, NON_STS_ACTION] },
    );
  }
}
