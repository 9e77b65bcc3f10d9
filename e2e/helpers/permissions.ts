import { expect, type Page } from "@playwright/test";

export async function attachPolicy(page: Page, policyName: string) {
  await page.getByTestId("attach-policy").click();
  const dialog = page.getByTestId("attach-policy-dialog");
  await dialog.getByTestId("policy-search").fill(policyName);
  await dialog.getByTestId(`pick-${policyName}`).check();
  await expect(dialog.getByTestId("attach-selected-count")).toHaveText(/^1 selected/);
  await dialog.getByTestId("confirm-attach").click();
  await expect(dialog).toBeHidden();
}

export async function assertAttached(page: Page, policyName: string, quotaText: string) {
  await expect(page.getByTestId("attached-policy-row").filter({ hasText: policyName })).toBeVisible();
  await expect(page.getByTestId("attached-quota")).toHaveText(quotaText);
}

export async function detachPolicy(page: Page, policyName: string) {
  await page.getByRole("button", { name: `Detach ${policyName}` }).click();
  await expect(page.getByTestId("attached-policy-row").filter({ hasText: policyName })).toHaveCount(0);
}
