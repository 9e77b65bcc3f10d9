import { createRoleWithPermissionsSchema, LIMITS, type CreateRoleWithPermissionsInput, type Tag } from "@/lib/domain/schemas";
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
  boundaryArn: string;
  name: string;
  path: string;
  description: string;
  maxSessionDuration: number;
  tags: Tag[];
}

export const WIZARD_STEPS = ["trust", "permissions", "details", "review"] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];
export const STEP_LABELS: Record<WizardStep, string> = {
  trust: "Trusted entity",
  permissions: "Permissions",
  details: "Name and details",
  review: "Review and create",
};

export const isWizardStep = (s: string | null): s is WizardStep => (WIZARD_STEPS as readonly string[]).includes(s ?? "");

/** A new draft: an EC2 service role (the AWS console's first choice), no permissions, AWS's default session length. */
export const emptyDraft = (accountId: string): RoleDraft => withTrust({
  trust: defaultTrustChoice(),
  templateId: "",
  customTrustPolicy: "",
  trustPolicy: "",
  policyArns: [],
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

/** The one request that creates the role with its tags, boundary, managed policies and EC2 instance profile (one transaction). */
export function toCreateInput(d: RoleDraft): CreateRoleWithPermissionsInput & { CreateInstanceProfile?: boolean } {
  return {
    RoleName: d.name.trim(),
    Path: d.path.trim() || "/",
    AssumeRolePolicyDocument: d.trustPolicy,
    Description: d.description || undefined,
    MaxSessionDuration: d.maxSessionDuration,
    PermissionsBoundary: d.boundaryArn || undefined,
    Tags: d.tags.length ? d.tags : undefined,
    PolicyArns: d.policyArns.length ? d.policyArns : undefined,
    CreateInstanceProfile: createsInstanceProfile(d.trust) || undefined,
  };
}

export type DraftErrors = Partial<Record<"name" | "path" | "description" | "maxSessionDuration" | "trustPolicy" | "boundary", string>> & {
  tags?: Record<number, string>;
};

const FIELD: Record<string, keyof Omit<DraftErrors, "tags">> = {
  RoleName: "name",
  Path: "path",
  Description: "description",
  MaxSessionDuration: "maxSessionDuration",
  AssumeRolePolicyDocument: "trustPolicy",
  PermissionsBoundary: "boundary",
};

/** Runs the same schema the server runs and places each message next to its field. */
export function validateDraft(d: RoleDraft): DraftErrors {
  const errors: DraftErrors = {};
  const result = createRoleWithPermissionsSchema.safeParse(toCreateInput(d));
  if (!result.success)
    for (const issue of result.error.issues) {
      const [head, index] = issue.path;
      if (head === "Tags" && typeof index === "number") (errors.tags ??= {})[index] ??= `Tag ${index + 1}: ${issue.message.replace(/^Member must/, "must")}`;
      else if (FIELD[String(head)]) errors[FIELD[String(head)]] ??= issue.message.replace(/^Member must/, "Must");
    }
  const jsonError = trustJsonError(d.trustPolicy);
  if (jsonError) errors.trustPolicy = jsonError;
  return errors;
}

export function trustJsonError(text: string): string | undefined {
  if (!text.trim()) return "Enter a trust policy.";
  try {
    JSON.parse(text);
    return undefined;
  } catch (e) {
    return `Not valid JSON: ${(e as Error).message}`;
  }
}

export const hasErrors = (e: object) => Object.values(e).some((v) => v !== undefined);
