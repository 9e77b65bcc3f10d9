import { expect, type Page } from "@playwright/test";
import { openConsolePage } from "./navigation";

/** Every selector for the policies console lives here; specs read as user steps. */
export async function goToPolicies(page: Page, query = "") {
  await openConsolePage(page, `/policies${query}`);
  await expect(page.getByRole("heading", { name: "Policies", level: 1 })).toBeVisible();
}

export const policyLinks = (page: Page) => page.getByTestId("policy-link");

export async function goToPolicy(page: Page, name: string, query = "") {
  await openConsolePage(page, `/policies/${encodeURIComponent(name)}${query}`);
  await expect(page.getByTestId("policy-title")).toHaveText(name);
}

export async function fillCreatePolicy(page: Page, p: { name?: string; description?: string; document: string }, submit = true) {
  const dialog = page.getByTestId("create-policy-dialog");
  if (!(await dialog.isVisible())) await page.getByTestId("create-policy").click();
  if (p.name) await dialog.getByLabel("Policy name").fill(p.name);
  if (p.description) await dialog.getByLabel("Description").fill(p.description);
  await dialog.getByLabel("Policy document (JSON)").fill(p.document);
  if (submit) await dialog.getByTestId("confirm-create-policy").click();
}

/** What IAM would refuse is shown as you type, and Create waits until it is fixed. */
export async function assertCreateBlocked(page: Page) {
  await expect(page.getByTestId("create-policy-editor-counts-error")).not.toHaveAttribute("data-count", "0");
  await expect(page.getByTestId("confirm-create-policy")).toBeDisabled();
}

export async function clickEditPolicy(page: Page, document: string) {
  await page.getByTestId("edit-policy").click();
  await page.getByTestId("edit-policy-document").fill(document);
  await page.getByTestId("save-policy").click();
  await expect(page.getByTestId("edit-policy-dialog")).toBeHidden();
}

export async function clickDeletePolicy(page: Page, name: string) {
  await page.getByTestId("delete-policy").click();
  const dialog = page.getByTestId("delete-policy-dialog");
  await dialog.getByLabel("Type the policy name to confirm").fill(name);
  await dialog.getByTestId("confirm-delete-policy").click();
}
