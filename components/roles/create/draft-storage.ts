import { trustChoiceErrors } from "@/lib/trust-builder/build";
import { firstStepWithErrors, hasErrors, reviveDraft, validateDraft, type RoleDraft, type WizardStep } from "./draft";

/** The draft survives a reload of any step (per tab, cleared once the role is created). */
const KEY = "rp-new-role-draft";

export function loadDraft(accountId: string): RoleDraft | null {
  if (typeof window === "undefined") return null;
  try {
    const saved = JSON.parse(sessionStorage.getItem(KEY) ?? "null") as Partial<RoleDraft> | null;
    return saved && typeof saved === "object" ? reviveDraft(saved, accountId) : null;
  } catch {
    return null;
  }
}

export function saveDraft(draft: RoleDraft | null): void {
  if (draft) sessionStorage.setItem(KEY, JSON.stringify(draft));
  else sessionStorage.removeItem(KEY);
}

/**
 * The earliest step whose input is not yet acceptable, or null when every step before the last is: the last step
 * is where the name is entered, so an empty name does not keep a person from it.
 */
export function firstIncompleteStep(draft: RoleDraft): WizardStep | null {
  if (hasErrors(trustChoiceErrors(draft.trust))) return "trust";
  const step = firstStepWithErrors(validateDraft(draft));
  return step === "review" ? null : step;
}
