import { expect, type Page } from "@playwright/test";

/** Every selector for service-linked roles lives here; specs read as user steps. */

export async function createServiceLinkedRole(page: Page, s: { service: string; suffix?: string; description?: string }) {
  await page.getByTestId("create-slr").click();
  const dialog = page.getByTestId("create-slr-dialog");
  await dialog.getByLabel("Service").selectOption(s.service);
  if (s.suffix) await dialog.getByLabel("Custom suffix").fill(s.suffix);
  if (s.description) await dialog.getByLabel("Description").fill(s.description);
  const name = (await dialog.getByTestId("slr-role-name").textContent()) ?? "";
  await dialog.getByTestId("confirm-create-slr").click();
  await expect(page.getByTestId("role-title")).toHaveText(name);
  return name;
}

export async function assertServiceLinked(page: Page, serviceName: string) {
  await expect(page.getByTestId("slr-badge")).toHaveText("Service-linked role");
  await expect(page.getByTestId("slr-service")).toHaveText(serviceName);
  await expect(page.getByTestId("slr-locked-reason")).toContainText("UnmodifiableEntity");
}

/** Asks for the deletion, then follows the task's progress until it reports `status`. */
export async function deleteServiceLinkedRole(page: Page, name: string) {
  await page.getByTestId("delete-role").click();
  const dialog = page.getByTestId("delete-slr-dialog");
  await expect(dialog.getByTestId("confirm-delete-slr")).toBeDisabled();
  await dialog.getByLabel("Type the role name to confirm").fill(name);
  await dialog.getByTestId("confirm-delete-slr").click();
  await expect(dialog.getByTestId("slr-deletion-task")).toHaveText(new RegExp(`^task/aws-service-role/[^/]+/${name}/`));
  return dialog;
}
