import fs from "node:fs";
import { expect, type Page } from "@playwright/test";
import { toUser, type UserTab } from "@/components/users/routes";
import { openConsolePage } from "./navigation";

/** Every selector for the users console lives here; specs read as user steps. */
export async function goToUsers(page: Page, query = "") {
  await openConsolePage(page, `/users${query}`);
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
}

export async function assertUserOrder(page: Page, names: string[]) {
  await expect(page.getByTestId("user-link")).toHaveText(names);
}

export async function goToUser(page: Page, name: string, tab?: UserTab) {
  await openConsolePage(page, toUser({ name, tab }));
  await expect(page.getByTestId("user-title")).toHaveText(name);
}

export async function fillCreateUser(page: Page, u: { name: string; path: string; tag: { key: string; value: string } }) {
  await page.getByTestId("create-user").click();
  const dialog = page.getByTestId("create-user-dialog");
  await dialog.getByLabel("User name").fill(u.name);
  await dialog.getByLabel("Path").fill(u.path);
  await dialog.getByTestId("add-tag").click();
  await dialog.getByLabel("Tag 1 key").fill(u.tag.key);
  await dialog.getByLabel("Tag 1 value").fill(u.tag.value);
}

export async function clickCreateUserSubmit(page: Page, name: string) {
  await page.getByTestId("confirm-create-user").click();
  await expect(page).toHaveURL(new RegExp(`/users/${name}/security-credentials$`));
  await expect(page.getByTestId("user-title")).toHaveText(name);
}

/** Creates a key and reads the one-time secret from the dialog (revealed with Show). */
export async function clickCreateAccessKey(page: Page) {
  await page.getByTestId("create-access-key").click();
  const dialog = page.getByTestId("new-access-key-dialog");
  await expect(dialog.getByTestId("secret-once-warning")).toContainText("You won’t see this secret again");
  await dialog.getByTestId("toggle-secret").click();
  const id = (await dialog.getByTestId("new-access-key-id").textContent()) ?? "";
  const secret = (await dialog.getByTestId("new-secret-access-key").textContent()) ?? "";
  expect(id).toMatch(/^AKIA[A-Z0-9]{16}$/);
  expect(secret).toMatch(/^[A-Za-z0-9/+]{40}$/);
  return { id, secret };
}

export async function assertCsvDownload(page: Page, userName: string, key: { id: string; secret: string }) {
  const download = page.waitForEvent("download");
  await page.getByTestId("download-access-key-csv").click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`${userName}_accessKeys.csv`);
  expect(fs.readFileSync(await file.path(), "utf8")).toBe(`Access key ID,Secret access key\r\n${key.id},${key.secret}\r\n`);
}

export async function clickCloseNewKey(page: Page, secret: string) {
  await page.getByTestId("close-new-access-key").click();
  await expect(page.getByTestId("new-access-key-dialog")).toBeHidden();
  await expect(page.locator("body")).not.toContainText(secret);
}

export const keyRow = (page: Page, id: string) => page.getByTestId("access-key-row").filter({ hasText: id });

export async function clickToggleKey(page: Page, id: string, expected: "Active" | "Inactive") {
  await keyRow(page, id).getByTestId("toggle-access-key").click();
  await expect(keyRow(page, id).getByTestId("access-key-status")).toHaveText(expected);
}

export async function clickDeleteKey(page: Page, id: string) {
  await keyRow(page, id).getByTestId("delete-access-key").click();
  await page.getByTestId("confirm-delete-access-key").click();
  await expect(keyRow(page, id)).toHaveCount(0);
}

export async function clickDeleteUser(page: Page, name: string) {
  await page.getByTestId("delete-user").click();
  const dialog = page.getByTestId("delete-user-dialog");
  await expect(dialog).toContainText("also deletes its access keys");
  await expect(dialog.getByTestId("confirm-delete-user")).toBeDisabled();
  await dialog.getByLabel("Type the user name to confirm").fill(name);
  await dialog.getByTestId("confirm-delete-user").click();
  await expect(page).toHaveURL(/\/users$/);
}

export async function fillAndSaveTag(page: Page, tag: { key: string; value: string }) {
  await page.getByTestId("add-tag").click();
  await page.getByLabel("Tag 1 key").fill(tag.key);
  await page.getByLabel("Tag 1 value").fill(tag.value);
  await page.getByTestId("user-save-tags").click();
  await expect(page.getByTestId("tab-tags")).toContainText("1");
}
