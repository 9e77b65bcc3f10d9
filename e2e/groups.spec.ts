import { test, expect } from "./support/fixtures";
import { E2E } from "./support/env";
import { uniqueName } from "./support/console-api";
import { clickTab } from "./helpers/navigation";
import { assertSortedBy, clickSortBy } from "./helpers/lists";
import { assertAttached, attachPolicy } from "./helpers/permissions";
import {
  assertDeleted,
  assertGroupListed,
  assertMembers,
  assertUserGroups,
  clickAddMembers,
  clickAddUserToGroups,
  clickCreateGroupSubmit,
  clickRemoveMember,
  clickRemoveUserFromGroup,
  clickRenameGroup,
  fillCreateGroup,
  fillGroupSearch,
  goToGroup,
  goToGroups,
  goToUserGroups,
  openDeleteGroup,
} from "./helpers/groups";

const READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";

test.describe("groups console", () => {
  test("an admin creates a group, adds a user and attaches a policy; the user's page shows the group", async ({ page, users, groups }) => {
    const user = await users.createUser();
    const name = uniqueName("devs");
    groups.track(name);
    await goToGroups(page);
    await fillCreateGroup(page, { name, path: "/e2e/" });
    await clickCreateGroupSubmit(page, name);
    await expect(page.getByTestId("group-arn")).toHaveText(new RegExp(`:group/e2e/${name}$`));
    await assertMembers(page, []);

    await clickAddMembers(page, [user.name]);
    await assertMembers(page, [user.name]);
    await clickTab(page, "permissions");
    await attachPolicy(page, "ReadOnlyAccess", "group");
    await assertAttached(page, "ReadOnlyAccess", "1 of 10", "group");
    await expect(page.getByTestId("group-set-boundary")).toHaveCount(0); // groups take no boundary

    await goToUserGroups(page, user.name);
    await assertUserGroups(page, [name]);
    await expect(page.getByTestId("user-group-row")).toContainText("1 managed · 0 inline");
    await expect(page.getByTestId("user-summary-groups")).toHaveText("1");
    await clickTab(page, "permissions");
    await expect(page.getByTestId("user-group-policy-row")).toHaveText([new RegExp(`ReadOnlyAccess.*AWS managed.*${name}`)]);
  });

  test("a user's page adds it to groups and removes it from one", async ({ page, users, groups }) => {
    const user = await users.createUser();
    const [a, b] = [await groups.createGroup(uniqueName("grp-a")), await groups.createGroup(uniqueName("grp-b"))];
    await goToUserGroups(page, user.name);
    await assertUserGroups(page, []);
    await clickAddUserToGroups(page, [a.name, b.name]);
    await assertUserGroups(page, [a.name, b.name]);
    await clickRemoveUserFromGroup(page, a.name);
    await assertUserGroups(page, [b.name]);

    await goToGroup(page, b.name);
    await assertMembers(page, [user.name]);
    await clickRemoveMember(page, user.name);
    await assertMembers(page, []);
  });

  test("deleting a group that has users and policies is refused and explained, then done anyway in one step", async ({ page, users, groups }) => {
    const user = await users.createUser();
    const group = await groups.createGroup();
    await groups.addMembers(group.name, [user.name]);
    await groups.attachPolicy(group.name, READ_ONLY);
    await goToGroup(page, group.name);
    await assertMembers(page, [user.name]);

    const dialog = await openDeleteGroup(page, group.name);
    await expect(dialog.getByTestId("delete-group-conflict")).toContainText("DeleteConflict");
    await expect(dialog.getByTestId("delete-group-dependents")).toHaveText("1 user, 1 attached managed policy");
    await dialog.getByTestId("confirm-delete-group").click();
    await assertDeleted(page);
    expect(await groups.exists(group.name)).toBe(false);

    await goToUserGroups(page, user.name);
    await assertUserGroups(page, []);
  });

  test("a delete the server refuses because a user joined meanwhile shows AWS's reason and offers delete anyway", async ({ page, users, groups }) => {
    const user = await users.createUser();
    const group = await groups.createGroup();
    await goToGroup(page, group.name);
    await assertMembers(page, []);

    const dialog = await openDeleteGroup(page, group.name);
    await expect(dialog.getByTestId("confirm-delete-group")).toHaveText("Delete group");
    await groups.addMembers(group.name, [user.name]);
    await dialog.getByTestId("confirm-delete-group").click();
    await expect(dialog.getByTestId("delete-group-refusal")).toHaveText("Cannot delete entity, must remove users from group first.");
    await expect(dialog.getByTestId("confirm-delete-group")).toHaveText("Delete anyway");
    await dialog.getByTestId("confirm-delete-group").click();
    await assertDeleted(page);
    expect(await groups.exists(group.name)).toBe(false);
    expect(await users.exists(user.name)).toBe(true);
  });

  test("the list searches, filters by path and sorts on the server, all in the URL", async ({ page, groups }) => {
    const path = `/${uniqueName("org")}/`;
    const names = [uniqueName("alpha"), uniqueName("beta")];
    for (const n of names) await groups.createGroup(n, path);
    await goToGroups(page, `?path=${encodeURIComponent(path)}`);
    await assertGroupListed(page, names);
    await clickSortBy(page, "groups-table", "Group name");
    await assertSortedBy(page, "groups-table", "Group name", "descending");
    await expect(page).toHaveURL(/order=desc/);
    await assertGroupListed(page, [...names].reverse());
    await fillGroupSearch(page, names[1]);
    await assertGroupListed(page, [names[1]]);
    await page.reload();
    await assertGroupListed(page, [names[1]]);
  });

  test("an admin renames and moves a group; its members stay", async ({ page, users, groups }) => {
    const user = await users.createUser();
    const group = await groups.createGroup();
    await groups.addMembers(group.name, [user.name]);
    const renamed = uniqueName("renamed");
    groups.track(renamed);
    await goToGroup(page, group.name);
    await clickRenameGroup(page, renamed, "/moved/");
    await expect(page.getByTestId("group-arn")).toHaveText(new RegExp(`:group/moved/${renamed}$`));
    await assertMembers(page, [user.name]);
  });
});

test.describe("groups as a viewer", () => {
  test.use({ storageState: E2E.storage.viewer });

  test("sees a group but every change is disabled, and the server refuses changes", async ({ page, users, groups }) => {
    const user = await users.createUser();
    const group = await groups.createGroup();
    await goToGroups(page);
    await expect(page.getByTestId("create-group")).toBeDisabled();
    await goToGroup(page, group.name);
    for (const id of ["edit-group", "delete-group", "add-group-members"]) await expect(page.getByTestId(id)).toBeDisabled();
    await clickTab(page, "permissions");
    for (const id of ["group-attach-policy", "group-add-inline-policy"]) await expect(page.getByTestId(id)).toBeDisabled();

    const add = await page.request.post(`/api/console/groups/${group.name}/members`, { data: { UserNames: [user.name] } });
    expect([add.status(), (await add.json()).error.code]).toEqual([403, "AccessDenied"]);
    const del = await page.request.delete(`/api/console/groups/${group.name}?withDependents=true`);
    expect(del.status()).toBe(403);
    expect(await groups.exists(group.name)).toBe(true);
  });
});
