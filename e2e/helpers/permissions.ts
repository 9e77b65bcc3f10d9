import { expect, type Page } from "@playwright/test";

/** Roles, users and groups share the permission cards; a user's or group's test ids carry a "user-" or "group-" prefix. */
type Owner = "role" | "user" | "group";
const id = (owner: Owner, testId: string) => (owner === "role" ? testId : `${owner}-${testId}`);

export async function attachPolicy(page: Page, policyName: string, owner: Owner = "role") {
  await page.getByTestId(id(owner, "attach-policy")).click();
  const dialog = page.getByTestId(id(owner, "attach-policy-dialog"));
  await dialog.getByTestId("policy-search").fill(policyName);
  await dialog.getByTestId(`pick-${policyName}`).check();
  await expect(dialog.getByTestId(id(owner, "attach-selected-count"))).toHaveText(/^1 selected/);
  await dialog.getByTestId(id(owner, "confirm-attach")).click();
  await expect(dialog).toBeHidden();
}

export async function assertAttachedQuota(page: Page, quotaText: string, owner: Owner = "role") {
  await expect(page.getByTestId(id(owner, "attached-quota"))).toHaveText(quotaText);
}

export async function assertAttached(page: Page, policyName: string, quotaText: string, owner: Owner = "role") {
  await expect(page.getByTestId(id(owner, "attached-policy-row")).filter({ hasText: policyName })).toBeVisible();
  await assertAttachedQuota(page, quotaText, owner);
}

export async function detachPolicy(page: Page, policyName: string, owner: Owner = "role") {
  await page.getByRole("button", { name: `Detach ${policyName}` }).click();
  await expect(page.getByTestId(id(owner, "attached-policy-row")).filter({ hasText: policyName })).toHaveCount(0);
}

/** Saves the starter document under `policyName`. */
export async function addInlinePolicy(page: Page, policyName: string, owner: Owner = "role") {
  await page.getByTestId(id(owner, "add-inline-policy")).click();
  await page.getByLabel("Policy name").fill(policyName);
  await page.getByTestId(id(owner, "save-inline-policy")).click();
  await expect(page.getByTestId(id(owner, "inline-policy-row")).filter({ hasText: policyName })).toBeVisible();
}

export async function setBoundary(page: Page, policyName: string, owner: Owner = "role") {
  await page.getByTestId(id(owner, "set-boundary")).click();
  const dialog = page.getByTestId(id(owner, "boundary-dialog"));
  await dialog.getByTestId("policy-search").fill(policyName);
  await dialog.getByTestId(`pick-${policyName}`).check();
  await dialog.getByTestId(id(owner, "confirm-boundary")).click();
  await expect(dialog).toBeHidden();
}

export async function assertBoundary(page: Page, policyArn: string, owner: Owner = "role") {
  await expect(page.getByTestId(id(owner, "boundary-arn-text"))).toHaveText(policyArn);
}
