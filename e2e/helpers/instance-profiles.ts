import { expect, type Page } from "@playwright/test";
import { toInstanceProfiles } from "@/components/instance-profiles/routes";
import { openConsolePage } from "./navigation";

/** Every selector for instance profiles lives here; specs read as user steps. */

export async function goToInstanceProfiles(page: Page, query = "") {
  await openConsolePage(page, `${toInstanceProfiles()}${query}`);
  await expect(page.getByRole("heading", { name: "Instance profiles", level: 1 })).toBeVisible();
}

export const profileRow = (page: Page, name: string) => page.getByTestId("instance-profile-row").filter({ has: page.getByText(name, { exact: true }) });

export async function createInstanceProfile(page: Page, name: string, path = "/") {
  await page.getByTestId("create-instance-profile").click();
  // The empty list has a create button (and dialog) of its own; only the open dialog is in the accessibility tree.
  const dialog = page.getByRole("dialog", { name: "Create instance profile" });
  await dialog.getByLabel("Instance profile name").fill(name);
  await dialog.getByLabel("Path").fill(path);
  await dialog.getByTestId("confirm-create-instance-profile").click();
  await expect(dialog).toBeHidden();
  await expect(profileRow(page, name)).toBeVisible();
}

/** On a role's page: puts the role in an existing, empty instance profile. */
export async function addRoleToInstanceProfile(page: Page, profile: string) {
  await page.getByTestId("manage-instance-profiles").click();
  const dialog = page.getByTestId("instance-profiles-dialog");
  await dialog.getByLabel("Empty instance profile").selectOption(profile);
  await dialog.getByTestId("add-to-instance-profile").click();
  await expect(dialog.getByTestId("current-instance-profile").filter({ hasText: profile })).toBeVisible();
  await dialog.getByRole("button", { name: "Close", exact: true }).last().click();
  await expect(dialog).toBeHidden();
}

export async function deleteInstanceProfile(page: Page, name: string, expectConflict: boolean) {
  await profileRow(page, name).getByTestId("delete-instance-profile").click();
  const dialog = page.getByTestId("delete-instance-profile-dialog");
  await expect(dialog.getByTestId("instance-profile-delete-conflict")).toHaveCount(expectConflict ? 1 : 0);
  await dialog.getByTestId("confirm-delete-instance-profile").click();
  await expect(profileRow(page, name)).toHaveCount(0);
}
