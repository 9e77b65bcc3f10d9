import { expect, type Page } from "@playwright/test";
import { toGroup, type GroupTab } from "@/components/groups/routes";
import { toUser } from "@/components/users/routes";
import { openConsolePage } from "./navigation";

/** Every selector for the groups console, and for a user's Groups tab, lives here; specs read as user steps. */
export async function goToGroups(page: Page, query = "") {
  await openConsolePage(page, `/groups${query}`);
  await expect(page.getByRole("heading", { name: "Groups", level: 1 })).toBeVisible();
}

export async function goToGroup(page: Page, name: string, tab?: GroupTab) {
  await openConsolePage(page, toGroup({ name, tab }));
  await expect(page.getByTestId("group-title")).toHaveText(name);
}

export async function goToUserGroups(page: Page, userName: string) {
  await openConsolePage(page, toUser({ name: userName, tab: "groups" }));
  await expect(page.getByTestId("user-title")).toHaveText(userName);
}

export async function fillCreateGroup(page: Page, g: { name: string; path: string }) {
  await page.getByTestId("create-group").click();
  const dialog = page.getByTestId("create-group-dialog");
  await dialog.getByLabel("Group name").fill(g.name);
  await dialog.getByLabel("Path").fill(g.path);
}

export async function clickCreateGroupSubmit(page: Page, name: string) {
  await page.getByTestId("confirm-create-group").click();
  await expect(page).toHaveURL(new RegExp(`/groups/${name}$`));
  await expect(page.getByTestId("group-title")).toHaveText(name);
}

export async function assertGroupListed(page: Page, names: string[]) {
  await expect(page.getByTestId("group-link")).toHaveText(names);
}

export async function fillGroupSearch(page: Page, text: string) {
  await page.getByTestId("groups-search").fill(text);
  await expect(page).toHaveURL(new RegExp(`search=${encodeURIComponent(text)}`));
}

/** Adds users from the group's Members tab, searching for each by name. */
export async function clickAddMembers(page: Page, userNames: string[]) {
  await page.getByTestId("add-group-members").click();
  const dialog = page.getByTestId("add-group-members-dialog");
  for (const name of userNames) {
    await dialog.getByTestId("user-search").fill(name);
    await dialog.getByTestId(`pick-${name}`).check();
  }
  await expect(dialog.getByTestId("add-members-selected-count")).toHaveText(`${userNames.length} selected`);
  await dialog.getByTestId("confirm-add-group-members").click();
  await expect(dialog).toBeHidden();
}

export async function assertMembers(page: Page, userNames: string[]) {
  if (userNames.length) await expect(page.getByTestId("group-member-link")).toHaveText(userNames);
  else await expect(page.getByText("No users in this group")).toBeVisible();
  await expect(page.getByTestId("tab-members")).toContainText(String(userNames.length));
}

export async function clickRemoveMember(page: Page, userName: string) {
  await page.getByRole("button", { name: `Remove ${userName} from the group` }).click();
  await expect(page.getByTestId("group-member-link").filter({ hasText: userName })).toHaveCount(0);
}

/** Adds the user to groups from its Groups tab. */
export async function clickAddUserToGroups(page: Page, groupNames: string[]) {
  await page.getByTestId("add-user-to-groups").click();
  const dialog = page.getByTestId("add-to-groups-dialog");
  for (const name of groupNames) {
    await dialog.getByTestId("group-search").fill(name);
    await dialog.getByTestId(`pick-${name}`).check();
  }
  await dialog.getByTestId("confirm-add-to-groups").click();
  await expect(dialog).toBeHidden();
}

export async function assertUserGroups(page: Page, groupNames: string[]) {
  if (groupNames.length) await expect(page.getByTestId("user-group-link")).toHaveText(groupNames);
  else await expect(page.getByText("Not in any group")).toBeVisible();
  await expect(page.getByTestId("user-groups-quota")).toHaveText(`${groupNames.length} of 10`);
}

export async function clickRemoveUserFromGroup(page: Page, groupName: string) {
  await page.getByRole("button", { name: `Remove from ${groupName}` }).click();
  await expect(page.getByTestId("user-group-link").filter({ hasText: groupName })).toHaveCount(0);
}

export async function openDeleteGroup(page: Page, name: string) {
  await page.getByTestId("delete-group").click();
  const dialog = page.getByTestId("delete-group-dialog");
  await expect(dialog.getByTestId("confirm-delete-group")).toBeDisabled();
  await dialog.getByLabel("Type the group name to confirm").fill(name);
  return dialog;
}

export async function assertDeleted(page: Page) {
  await expect(page).toHaveURL(/\/groups$/);
}

export async function clickRenameGroup(page: Page, newName: string, newPath: string) {
  await page.getByTestId("edit-group").click();
  const dialog = page.getByTestId("edit-group-dialog");
  await dialog.getByLabel("Group name").fill(newName);
  await dialog.getByLabel("Path").fill(newPath);
  await dialog.getByTestId("save-group").click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`/groups/${newName}$`));
  await expect(page.getByTestId("group-title")).toHaveText(newName);
}
