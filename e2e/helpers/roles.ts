import { expect, type Page } from "@playwright/test";
import { toRole, type RoleTab } from "@/components/roles/routes";
import { openConsolePage } from "./navigation";

export { clickTab } from "./navigation";

/** Every selector for the roles console lives here; specs read as user steps. */
export async function goToRoles(page: Page, query = "") {
  await openConsolePage(page, `/roles${query}`);
  await expect(page.getByRole("heading", { name: "Roles", level: 1 })).toBeVisible();
}

export async function goToRole(page: Page, name: string, tab?: RoleTab) {
  await openConsolePage(page, toRole({ name, tab }));
  await expect(page.getByTestId("role-title")).toHaveText(name);
}

export async function fillRoleSearch(page: Page, text: string) {
  await page.getByTestId("roles-search").fill(text);
  await expect(page).toHaveURL(new RegExp(`search=${encodeURIComponent(text)}`));
}

export async function assertRoleListed(page: Page, name: string) {
  await expect(page.getByTestId("role-link").filter({ hasText: name })).toBeVisible();
}

export async function clickRole(page: Page, name: string) {
  await page.getByTestId("role-link").filter({ hasText: name }).click();
  await expect(page.getByTestId("role-title")).toHaveText(name);
}

export async function clickCreateRole(page: Page) {
  await page.getByTestId("create-role").click();
  await expect(page.getByRole("heading", { name: "Create role" })).toBeVisible();
}

/** Next, then wait for the step's own URL, so a second Next never lands on the step being left. */
export async function clickNext(page: Page, expectStep: "permissions" | "review") {
  await page.getByTestId("wizard-next").click();
  await expect(page).toHaveURL(new RegExp(`step=${expectStep}`));
}

export async function fillRoleDetails(page: Page, d: { name: string; description?: string; maxSessionHours?: number; tag?: { key: string; value: string } }) {
  await page.getByLabel("Role name").fill(d.name);
  if (d.description) await page.getByLabel("Description").fill(d.description);
  if (d.maxSessionHours) await page.getByLabel("Maximum session duration").selectOption(String(d.maxSessionHours * 3600));
  if (d.tag) {
    await page.getByTestId("add-tag").click();
    await page.getByLabel("Tag 1 key").fill(d.tag.key);
    await page.getByLabel("Tag 1 value").fill(d.tag.value);
  }
}

export async function assertCliCommandShows(page: Page, text: string) {
  await expect(page.getByTestId("cli-commands")).toContainText(text);
}

export async function clickCreateRoleSubmit(page: Page, name: string) {
  await page.getByTestId("create-role-submit").click();
  await expect(page.getByTestId("role-title")).toHaveText(name);
}

export async function assertRoleSummary(page: Page, s: { arnEndsWith: string; description?: string; maxSession?: string }) {
  await expect(page.getByTestId("role-arn")).toHaveText(new RegExp(`^arn:aws:iam::\\d{12}:role${s.arnEndsWith.replace(/[/.]/g, "\\$&")}$`));
  if (s.description) await expect(page.getByTestId("role-description-text")).toHaveText(s.description);
  if (s.maxSession) await expect(page.getByTestId("role-max-session-text")).toHaveText(s.maxSession);
}

export async function editRole(page: Page, e: { description: string; maxSessionHours: number }) {
  await page.getByTestId("edit-role").click();
  const dialog = page.getByTestId("edit-role-dialog");
  await dialog.getByLabel("Description").fill(e.description);
  await dialog.getByLabel("Maximum session duration").selectOption(String(e.maxSessionHours * 3600));
  await dialog.getByTestId("save-role").click();
  await expect(dialog).toBeHidden();
}

export async function editTrustPolicy(page: Page, document: string) {
  await page.getByTestId("edit-trust").click();
  await page.getByTestId("trust-editor").fill(document);
  await page.getByTestId("save-trust").click();
  await expect(page.getByTestId("trust-policy-view")).toBeVisible();
}

export async function deleteRole(page: Page, name: string, expectConflict: boolean) {
  await page.getByTestId("delete-role").click();
  const dialog = page.getByTestId("delete-role-dialog");
  await expect(dialog.getByTestId("delete-conflict")).toHaveCount(expectConflict ? 1 : 0);
  await expect(dialog.getByTestId("confirm-delete-role")).toBeDisabled();
  await dialog.getByLabel("Type the role name to confirm").fill(name);
  await dialog.getByTestId("confirm-delete-role").click();
  await expect(page).toHaveURL(/\/roles$/);
}

/** The Last activity cell of a role in the roles list. */
export const roleLastActivity = (page: Page, name: string) =>
  page.getByTestId("role-row").filter({ has: page.getByTestId("role-link").getByText(name, { exact: true }) }).getByTestId("role-last-activity");
