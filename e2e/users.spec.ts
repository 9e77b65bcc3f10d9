import fs from "node:fs";
import type { Page } from "@playwright/test";
import { test, expect } from "./support/users-api";
import { E2E } from "./support/env";
import { uniqueName } from "./support/console-api";
import { openConsolePage } from "./helpers/navigation";
import { goToUser } from "./helpers/users";
import { assertSortedBy, clickSortBy } from "./helpers/lists";
import { addInlinePolicy, assertAttached, assertAttachedQuota, assertBoundary, attachPolicy, detachPolicy, setBoundary } from "./helpers/permissions";

// Every selector for the users console lives in these helpers; the tests read as user steps.
async function goToUsers(page: Page, query = "") {
  await openConsolePage(page, `/users${query}`);
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
}

async function assertUserOrder(page: Page, names: string[]) {
  await expect(page.getByTestId("user-link")).toHaveText(names);
}

async function fillCreateUser(page: Page, u: { name: string; path: string; tag: { key: string; value: string } }) {
  await page.getByTestId("create-user").click();
  const dialog = page.getByTestId("create-user-dialog");
  await dialog.getByLabel("User name").fill(u.name);
  await dialog.getByLabel("Path").fill(u.path);
  await dialog.getByTestId("add-tag").click();
  await dialog.getByLabel("Tag 1 key").fill(u.tag.key);
  await dialog.getByLabel("Tag 1 value").fill(u.tag.value);
}

async function clickCreateUserSubmit(page: Page, name: string) {
  await page.getByTestId("confirm-create-user").click();
  await expect(page).toHaveURL(new RegExp(`/users/${name}/security-credentials$`));
  await expect(page.getByTestId("user-title")).toHaveText(name);
}

/** Creates a key and reads the one-time secret from the dialog (revealed with Show). */
async function clickCreateAccessKey(page: Page) {
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

async function assertCsvDownload(page: Page, userName: string, key: { id: string; secret: string }) {
  const download = page.waitForEvent("download");
  await page.getByTestId("download-access-key-csv").click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`${userName}_accessKeys.csv`);
  expect(fs.readFileSync(await file.path(), "utf8")).toBe(`Access key ID,Secret access key\r\n${key.id},${key.secret}\r\n`);
}

async function clickCloseNewKey(page: Page, secret: string) {
  await page.getByTestId("close-new-access-key").click();
  await expect(page.getByTestId("new-access-key-dialog")).toBeHidden();
  await expect(page.locator("body")).not.toContainText(secret);
}

const keyRow = (page: Page, id: string) => page.getByTestId("access-key-row").filter({ hasText: id });

async function clickToggleKey(page: Page, id: string, expected: "Active" | "Inactive") {
  await keyRow(page, id).getByTestId("toggle-access-key").click();
  await expect(keyRow(page, id).getByTestId("access-key-status")).toHaveText(expected);
}

async function clickDeleteKey(page: Page, id: string) {
  await keyRow(page, id).getByTestId("delete-access-key").click();
  await page.getByTestId("confirm-delete-access-key").click();
  await expect(keyRow(page, id)).toHaveCount(0);
}

async function clickDeleteUser(page: Page, name: string) {
  await page.getByTestId("delete-user").click();
  const dialog = page.getByTestId("delete-user-dialog");
  await expect(dialog).toContainText("also deletes its access keys");
  await expect(dialog.getByTestId("confirm-delete-user")).toBeDisabled();
  await dialog.getByLabel("Type the user name to confirm").fill(name);
  await dialog.getByTestId("confirm-delete-user").click();
  await expect(page).toHaveURL(/\/users$/);
}

async function fillAndSaveTag(page: Page, tag: { key: string; value: string }) {
  await page.getByTestId("add-tag").click();
  await page.getByLabel("Tag 1 key").fill(tag.key);
  await page.getByLabel("Tag 1 value").fill(tag.value);
  await page.getByTestId("user-save-tags").click();
  await expect(page.getByTestId("tab-tags")).toContainText("1");
}

test.describe("users console", () => {
  test("an admin creates a user, then an access key whose secret is shown once", async ({ page, users }) => {
    const name = uniqueName("alice");
    users.track(name);
    await goToUsers(page);
    await fillCreateUser(page, { name, path: "/e2e/", tag: { key: "team", value: "platform" } });
    await clickCreateUserSubmit(page, name);
    await expect(page.getByTestId("user-arn")).toHaveText(new RegExp(`:user/e2e/${name}$`));
    await expect(page.getByTestId("access-key-quota")).toHaveText("0 of 2");

    const key = await clickCreateAccessKey(page);
    await assertCsvDownload(page, name, key);
    await clickCloseNewKey(page, key.secret);
    await expect(keyRow(page, key.id).getByTestId("access-key-status")).toHaveText("Active");
  });

  test("an admin deactivates and deletes an access key, then deletes the user", async ({ page, users }) => {
    const user = await users.createUser();
    const key = await users.createAccessKey(user.name);
    await goToUser(page, user.name, "security-credentials");
    await clickToggleKey(page, key.accessKeyId, "Inactive");
    await clickDeleteKey(page, key.accessKeyId);
    await expect(page.getByTestId("access-key-quota")).toHaveText("0 of 2");

    await clickDeleteUser(page, user.name);
    expect(await users.exists(user.name)).toBe(false);
  });

  test("a user can hold two access keys; the create button explains the limit", async ({ page, users }) => {
    const user = await users.createUser();
    await users.createAccessKey(user.name);
    await goToUser(page, user.name, "security-credentials");
    const second = await clickCreateAccessKey(page);
    await clickCloseNewKey(page, second.secret);
    await expect(page.getByTestId("access-key-quota")).toHaveText("2 of 2");
    await expect(page.getByTestId("create-access-key")).toBeDisabled();
    await expect(page.getByTestId("access-key-limit")).toContainText("maximum of 2 access keys");
  });

  test("an admin attaches and detaches a managed policy, adds an inline policy and sets a boundary", async ({ page, users }) => {
    const user = await users.createUser();
    await goToUser(page, user.name);
    await assertAttachedQuota(page, "0 of 10", "user");
    await attachPolicy(page, "ReadOnlyAccess", "user");
    await assertAttached(page, "ReadOnlyAccess", "1 of 10", "user");
    await detachPolicy(page, "ReadOnlyAccess", "user");
    await assertAttachedQuota(page, "0 of 10", "user");

    await addInlinePolicy(page, "read-logs", "user");
    await setBoundary(page, "PowerUserAccess", "user");
    await assertBoundary(page, "arn:aws:iam::aws:policy/PowerUserAccess", "user");
  });

  test("an admin tags a user", async ({ page, users }) => {
    const user = await users.createUser();
    await goToUser(page, user.name, "tags");
    await fillAndSaveTag(page, { key: "team", value: "platform" });
    await page.reload();
    await expect(page.getByLabel("Tag 1 key")).toHaveValue("team");
  });

  test("the list searches on the server and the search lives in the URL", async ({ page, users }) => {
    const user = await users.createUser(uniqueName("findme"));
    await goToUsers(page);
    await page.getByTestId("users-search").fill(user.name);
    await expect(page).toHaveURL(new RegExp(`search=${user.name}`));
    await expect(page.getByTestId("user-row")).toHaveCount(1);
    await page.getByTestId("user-link").filter({ hasText: user.name }).click();
    await expect(page.getByTestId("user-title")).toHaveText(user.name);
  });

  test("the list sorts on the server by the column clicked, and the sort lives in the URL", async ({ page, users }) => {
    const prefix = uniqueName("sorted");
    // Created in reverse name order, so creation order and name order disagree.
    const [c, b, a] = [`${prefix}-c`, `${prefix}-b`, `${prefix}-a`];
    for (const name of [c, b, a]) await users.createUser(name);
    await goToUsers(page, `?search=${prefix}`);
    await assertSortedBy(page, "users-table", "User name", "ascending");
    await assertUserOrder(page, [a, b, c]);

    await clickSortBy(page, "users-table", "Created");
    await expect(page).toHaveURL(/sort=createdAt/);
    await assertSortedBy(page, "users-table", "Created", "ascending");
    await assertUserOrder(page, [c, b, a]);

    await clickSortBy(page, "users-table", "Created");
    await expect(page).toHaveURL(/sort=createdAt&order=desc/);
    await assertSortedBy(page, "users-table", "Created", "descending");
    await assertUserOrder(page, [a, b, c]);
    await page.reload();
    await assertUserOrder(page, [a, b, c]);
  });
});

test.describe("users console for a viewer", () => {
  test.use({ storageState: E2E.storage.viewer });

  test("sees the user and its keys, but every change is disabled and refused by the server", async ({ page, users }) => {
    const user = await users.createUser();
    await users.createAccessKey(user.name);
    await goToUsers(page);
    await expect(page.getByTestId("create-user")).toBeDisabled();
    await goToUser(page, user.name);
    for (const id of ["delete-user", "user-attach-policy", "user-add-inline-policy", "user-set-boundary"])
      await expect(page.getByTestId(id)).toBeDisabled();
    await page.getByTestId("tab-security-credentials").click();
    await expect(page.getByTestId("access-key-row")).toHaveCount(1);
    for (const id of ["create-access-key", "toggle-access-key", "delete-access-key"]) await expect(page.getByTestId(id)).toBeDisabled();

    const createKey = await page.request.post(`/api/console/users/${user.name}/access-keys`);
    expect(createKey.status()).toBe(403);
    expect((await createKey.json()).error.code).toBe("AccessDenied");
    expect((await page.request.delete(`/api/console/users/${user.name}`)).status()).toBe(403);
    expect((await page.request.post("/api/console/users", { data: { UserName: uniqueName("viewer") } })).status()).toBe(403);
    await page.reload();
    await expect(page.getByTestId("access-key-row")).toHaveCount(1);
  });
});
