import { templateOf } from "@/lib/domain/resource-policy-templates";

/**
 * The comparison's form, kept in the page's URL so a comparison can be shared and reproduced, as the Simulator's:
 * `principal`, `role`, `action`, `resource`, `account` (the resource's, for ARNs that name none), `template`, `policy`
 * and `suppose=0` (the default supposes an unknown account allows). A link with a `template` and no `policy` uses the
 * template's policy for its caller and resource.
 */
export interface CompareForm {
  principal: string;
  role: string;
  template: string;
  action: string;
  resource: string;
  resourceAccount: string;
  policy: string;
  suppose: boolean;
}

export const EMPTY_COMPARE: CompareForm = { principal: "", role: "", template: "", action: "", resource: "", resourceAccount: "", policy: "", suppose: true };

/** The 12-digit account an ARN names, if any (S3's ARNs name none). */
export const accountOf = (arn: string) => (/^\d{12}$/.test(arn.split(":")[4] ?? "") ? arn.split(":")[4] : "");

/** A caller to name in a template's policy before one is chosen. */
const PLACEHOLDER_CALLER = "arn:aws:iam::111111111111:user/CALLER";

/** The form with a template applied: its action, an example resource in the role's (or given) account, its policy. */
export function withTemplate(f: CompareForm, id: string, currentAccount: string): CompareForm {
  const t = templateOf(id);
  if (!t) return { ...f, template: "" };
  const owner = accountOf(f.role) || f.resourceAccount || currentAccount;
  const resource = t.resource(owner);
  return { ...f, template: id, action: t.action, resource, resourceAccount: accountOf(resource) ? "" : owner, policy: t.policy(f.principal.trim() || PLACEHOLDER_CALLER, resource, owner) };
}

export function compareFormFromParams(params: URLSearchParams): CompareForm {
  const get = (k: string) => params.get(k) ?? "";
  const form: CompareForm = {
    principal: get("principal"),
    role: get("role"),
    template: templateOf(get("template")) ? get("template") : "",
    action: get("action"),
    resource: get("resource"),
    resourceAccount: get("account"),
    policy: get("policy"),
    suppose: params.get("suppose") !== "0",
  };
  const t = templateOf(form.template);
  if (t && !form.policy.trim() && form.principal.trim() && form.resource.trim())
    form.policy = t.policy(form.principal.trim(), form.resource.trim(), form.resourceAccount.trim() || accountOf(form.resource) || accountOf(form.role));
  return form;
}

export function compareParamsFromForm(f: CompareForm): URLSearchParams {
  const p = new URLSearchParams();
  const set = (k: string, v: string) => v.trim() && p.set(k, v.trim());
  set("principal", f.principal);
  set("role", f.role);
  set("action", f.action);
  set("resource", f.resource);
  set("account", f.resourceAccount);
  set("template", f.template);
  // Kept as written: the matched statements' lines and columns count from the policy's first character.
  if (f.policy.trim()) p.set("policy", f.policy);
  if (!f.suppose) p.set("suppose", "0");
  return p;
}

/** Why the form cannot run yet, or undefined when it can. */
export function compareMissing(f: CompareForm): string | undefined {
  if (!f.principal.trim()) return "Choose the caller.";
  if (!f.action.trim() || !f.resource.trim()) return "Name the action and the resource.";
  if (!f.policy.trim()) return "Write the resource-based policy, or pick a template.";
  return undefined;
}

/** The console route's request body (AWS-style member names). */
export const compareBody = (f: CompareForm) => ({
  PrincipalArn: f.principal.trim(),
  Action: f.action.trim(),
  ResourceArn: f.resource.trim(),
  RoleArn: f.role.trim() || undefined,
  ResourcePolicy: f.policy,
  ResourceAccount: f.resourceAccount.trim() || undefined,
  SupposeExternalAllowed: f.suppose || undefined,
});
