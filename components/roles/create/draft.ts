import { createRoleWithPermissionsSchema, LIMITS, type CreateRoleWithPermissionsInput, type Tag } from "@/lib/domain/schemas";

/** What the create-role wizard collects; turned into the API's CreateRole input by {@link toCreateInput}. */
export interface RoleDraft {
  templateId: string;
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

/** A new draft: the first template's trust policy, no permissions, AWS's default session length. */
export const emptyDraft = (trustPolicy: string): RoleDraft => ({
  templateId: "ec2",
  trustPolicy,
  policyArns: [],
  boundaryArn: "",
  name: "",
  path: "",
  description: "",
  maxSessionDuration: LIMITS.maxSessionDuration.default,
  tags: [],
});

/** The one request that creates the role with its tags, boundary and managed policies (one transaction). */
export function toCreateInput(d: RoleDraft): CreateRoleWithPermissionsInput {
  return {
    RoleName: d.name.trim(),
    Path: d.path.trim() || "/",
    AssumeRolePolicyDocument: d.trustPolicy,
    Description: d.description || undefined,
    MaxSessionDuration: d.maxSessionDuration,
    PermissionsBoundary: d.boundaryArn || undefined,
    Tags: d.tags.length ? d.tags : undefined,
    PolicyArns: d.policyArns.length ? d.policyArns : undefined,
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

export const hasErrors = (e: DraftErrors) => Object.values(e).some((v) => v !== undefined);
