import { hasErrors, trustJsonError, validateDraft, type RoleDraft, type WizardStep } from "./draft";

/** The draft survives a reload of any step (per tab, cleared once the role is created). */
const KEY = "rp-new-role-draft";

export function loadDraft(): RoleDraft | null {
  if (typeof window === "undefined") return null;
  try {
    return JSON.parse(sessionStorage.getItem(KEY) ?? "null") as RoleDraft | null;
  } catch {
    return null;
  }
}

export function saveDraft(draft: RoleDraft | null): void {
  if (draft) sessionStorage.setItem(KEY, JSON.stringify(draft));
  else sessionStorage.removeItem(KEY);
}

/** The earliest step whose input is not yet acceptable, or null when the draft can be reviewed. */
export function firstIncompleteStep(draft: RoleDraft): WizardStep | null {
  if (trustJsonError(draft.trustPolicy)) return "trust";
  const errors = validateDraft(draft);
  if (errors.boundary) return "permissions";
  if (hasErrors({ ...errors, trustPolicy: undefined, boundary: undefined })) return "details";
  return null;
}
