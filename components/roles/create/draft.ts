import { consoleCreateRoleSchema, LIMITS, type ConsoleCreateRoleInput, type Tag } from "@/lib/domain/schemas";
import { buildTrustPolicy, createsInstanceProfile, defaultTrustChoice, renderTrustPolicy, type TrustChoice } from "@/lib/trust-builder/build";

/** What the create-role wizard collects; turned into the API's CreateRole input by {@link toCreateInput}. */
export interface RoleDraft {
  /** The answers of "Select trusted entity"; for every entity but `custom` they build {@link trustPolicy}. */
  trust: TrustChoice;
  /** The template a custom trust policy started from. */
  templateId: string;
  /** What a person wrote under "Custom trust policy", kept while they look at the other entity types. */
  customTrustPolicy: string;
  /** The trust policy that will be sent: built from `trust`, or the custom one. */
  trustPolicy: string;
  policyArns: string[];
  /** The optional inline policy: its document, or "" for none. */
  inlinePolicy: string;
  inlinePolicyName: string;
  /** "Use a permissions boundary" is ticked; {@link boundaryArn} is then the one to set ("" until chosen). */
  useBoundary: boolean;
  boundaryArn: string;
  name: string;
  path: string;
  description: string;
  maxSessionDuration: number;
  tags: Tag[];
}

/** The AWS console's three steps; the third names the role and reviews every choice on one page. */
export const WIZARD_STEPS = ["trust", "permissions", "review"] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];
export const STEP_LABELS: Record<WizardStep, string> = {
  trust: "Select trusted entity",
  permissions: "Add permissions",
  review: "Name, review, and create",
};

export const isWizardStep = (s: string | null): s is WizardStep => (WIZARD_STEPS as readonly string[]).includes(s ?? "");

/** A new draft: an EC2 service role (the AWS console's first choice), no permissions, AWS's default session length. */
export const emptyDraft = (accountId: string): RoleDraft => withTrust({
  trust: defaultTrustChoice(),
  templateId: "",
  customTrustPolicy: "",
  trustPolicy: "",
  policyArns: [],
  inlinePolicy: "",
  inlinePolicyName: "",
  useBoundary: false,
  boundaryArn: "",
  name: "",
  path: "",
  description: "",
  maxSessionDuration: LIMITS.maxSessionDuration.default,
  tags: [],
}, {}, accountId);

/** The draft with new trust answers, its trust policy rebuilt from them (or the custom text for `custom`). */
export function withTrust(d: RoleDraft, patch: Partial<TrustChoice>, accountId: string): RoleDraft {
  const trust = { ...d.trust, ...patch };
  const built = buildTrustPolicy(trust, accountId);
  if (built) return { ...d, trust, trustPolicy: renderTrustPolicy(built) };
  // A custom policy starts from the one the answers built, until the person writes their own.
  const custom = d.customTrustPolicy || d.trustPolicy;
  return { ...d, trust, customTrustPolicy: custom, trustPolicy: custom };
}

/** A draft saved by an earlier version of the wizard (or by hand) filled up to the current shape. */
export function reviveDraft(saved: Partial<RoleDraft>, accountId: string): RoleDraft {
  const fresh = emptyDraft(accountId);
  const trust = { ...fresh.trust, ...saved.trust };
  for (const k of ["account", "webIdentity", "saml"] as const) Object.assign(trust, { [k]: { ...fresh.trust[k], ...saved.trust?.[k] } });
  return withTrust({ ...fresh, ...saved, trust }, {}, accountId);
}

/** The one request that creates the role with its policies, boundary, tags and EC2 instance profile (one transaction). */
export function toCreateInput(d: RoleDraft): ConsoleCreateRoleInput {
  return {
    RoleName: d.name.trim(),
    Path: d.path.trim() || "/",
    AssumeRolePolicyDocument: d.trustPolicy,
    Description: d.description || undefined,
    MaxSessionDuration: d.maxSessionDuration,
    PermissionsBoundary: d.boundaryArn || undefined,
    Tags: d.tags.length ? d.tags : undefined,
    PolicyArns: d.policyArns.length ? d.policyArns : undefined,
    InlinePolicies: d.inlinePolicy ? [{ PolicyName: d.inlinePolicyName.trim(), PolicyDocument: d.inlinePolicy }] : undefined,
    CreateInstanceProfile: createsInstanceProfile(d.trust) || undefined,
  };
}

/** The wizard's inputs that an error can be about; `tags` and `policies` also by row. */
export type DraftField = "name" | "path" | "description" | "maxSessionDuration" | "trustPolicy" | "policies" | "inlinePolicyName" | "inlinePolicy" | "boundary" | "tags";

export type DraftErrors = Partial<Record<DraftField, string>> & {
  tagRows?: Record<number, string>;
  policyRows?: Record<number, string>;
};

/** Which step holds each input, so a refusal can send the person to it. */
export const STEP_OF_FIELD: Record<DraftField, WizardStep> = {
  trustPolicy: "trust",
  policies: "permissions",
  inlinePolicyName: "permissions",
  inlinePolicy: "permissions",
  boundary: "permissions",
  name: "review",
  path: "review",
  description: "review",
  maxSessionDuration: "review",
  tags: "review",
};

const FIELD_OF_MEMBER: Record<string, DraftField> = {
  RoleName: "name",
  Path: "path",
  Description: "description",
  MaxSessionDuration: "maxSessionDuration",
  AssumeRolePolicyDocument: "trustPolicy",
  PermissionsBoundary: "boundary",
  PolicyArns: "policies",
  Tags: "tags",
};

/**
 * Places a message about a request member (a zod issue's path, or the `field` the server names, e.g.
 * `PolicyArns.1`, `InlinePolicies.0.PolicyDocument`, `Tags.2.Key`) beside the wizard's input for it.
 * Returns false when the member is not one the wizard has an input for.
 */
export function placeError(errors: DraftErrors, member: readonly PropertyKey[] | string, message: string): boolean {
  const [head, index, sub] = typeof member === "string" ? member.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p)) : member;
  const text = message.replace(/^Member must/, "Must");
  if (head === "InlinePolicies") {
    errors[sub === "PolicyName" ? "inlinePolicyName" : "inlinePolicy"] ??= text;
    return true;
  }
  const field = FIELD_OF_MEMBER[String(head)];
  if (!field) return false;
  if (typeof index === "number" && (field === "tags" || field === "policies")) {
    const rows = field === "tags" ? (errors.tagRows ??= {}) : (errors.policyRows ??= {});
    rows[index] ??= field === "tags" ? `Tag ${index + 1}${sub ? ` ${String(sub).toLowerCase()}` : ""}: ${text.replace(/^Must/, "must")}` : text;
  } else errors[field] ??= text;
  return true;
}

/** Runs the schema the server runs and places each message next to its field. */
export function validateDraft(d: RoleDraft): DraftErrors {
  const errors: DraftErrors = {};
  const result = consoleCreateRoleSchema.safeParse(toCreateInput(d));
  if (!result.success) for (const issue of result.error.issues) placeError(errors, issue.path, issue.message);
  const jsonError = trustJsonError(d.trustPolicy);
  if (jsonError) errors.trustPolicy = jsonError;
  if (d.inlinePolicy) errors.inlinePolicy ??= jsonSyntaxError(d.inlinePolicy);
  if (d.useBoundary && !d.boundaryArn) errors.boundary ??= "Choose the managed policy that sets the boundary, or untick the box.";
  return errors;
}

/** The first step whose inputs have errors, or null. */
export function firstStepWithErrors(errors: DraftErrors): WizardStep | null {
  const fields = (Object.keys(errors) as (DraftField | "tagRows" | "policyRows")[]).filter((k) => errors[k] !== undefined);
  const steps = fields.map((f) => STEP_OF_FIELD[f === "tagRows" ? "tags" : f === "policyRows" ? "policies" : f]);
  return WIZARD_STEPS.find((s) => steps.includes(s)) ?? null;
}

const jsonSyntaxError = (text: string) => {
  try {
    JSON.parse(text);
    return undefined;
  } catch (e) {
    return `Not valid JSON: ${(e as Error).message}`;
  }
};

export function trustJsonError(text: string): string | undefined {
  return text.trim() ? jsonSyntaxError(text) : "Enter a trust policy.";
}

export const hasErrors = (e: object) => Object.values(e).some((v) => v !== undefined);
