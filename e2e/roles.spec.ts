import { test, expect } from "./support/fixtures";
import { uniqueName } from "./support/console-api";
import { openConsolePage } from "./helpers/navigation";
import {
  assertCliCommandShows, assertRoleListed, assertRoleSummary, clickCreateRole, clickCreateRoleSubmit, clickNext, clickRole,
  clickTab, deleteRole, editRole, editTrustPolicy, fillRoleDetails, fillRoleSearch, goToRole, goToRoles,
} from "./helpers/roles";
import { chooseService } from "./helpers/role-wizard";

test.describe("roles console", () => {
  test("an admin creates a role with the wizard and reviews the CLI equivalent", async ({ page, api }) => {
    const name = uniqueName("lambda");
    api.track(name);
    await goToRoles(page);
    await clickCreateRole(page);
    await chooseService(page, "lambda", "lambda");
    await clickNext(page, "permissions");
    await clickNext(page, "review");
    await fillRoleDetails(page, { name, description: "Runs the nightly export.", maxSessionHours: 2, tag: { key: "team", value: "data" } });
    await assertCliCommandShows(page, `--role-name ${name}`);
    await assertCliCommandShows(page, "--max-session-duration 7200");
    await assertCliCommandShows(page, "lambda.amazonaws.com");
    await clickCreateRoleSubmit(page, name);
    await assertRoleSummary(page, { arnEndsWith: `/${name}`, description: "Runs the nightly export.", maxSession: "2 hours" });
  });

  test("the wizard refuses an invalid role name before sending anything", async ({ page }) => {
    await openConsolePage(page, "/roles/new?step=trust");
    await clickNext(page, "permissions");
    await clickNext(page, "review");
    await fillRoleDetails(page, { name: "has spaces!" });
    await page.getByTestId("create-role-submit").click();
    await expect(page).toHaveURL(/step=review/);
    await expect(page.getByRole("alert").filter({ hasText: /regular expression/ })).toBeVisible();
  });

  test("the list searches on the server and the search lives in the URL", async ({ page, api }) => {
    const role = await api.createRole({ name: uniqueName("searchable"), description: "Find me" });
    await goToRoles(page);
    await fillRoleSearch(page, role.name);
    await assertRoleListed(page, role.name);
    await expect(page.getByTestId("role-row")).toHaveCount(1);
    await page.reload();
    await assertRoleListed(page, role.name);
    await clickRole(page, role.name);
  });

  test("Clear filters empties the search box and the search stays cleared", async ({ page }) => {
    // The page's clock is the test's: the toolbar's typing pause can then be passed without sleeping.
    await page.clock.install();
    await goToRoles(page);
    await fillRoleSearch(page, "no-role-is-called-this");
    await expect(page.getByText("No roles match")).toBeVisible();
    await page.getByRole("link", { name: "Clear filters" }).click();
    await expect(page.getByTestId("roles-search")).toHaveValue("");
    await expect(page.getByTestId("role-row").first()).toBeVisible();
    // The toolbar must not put the old search back once its typing pause ends.
    await page.clock.runFor(1_000);
    await expect(page).not.toHaveURL(/search=/);
    await expect(page.getByTestId("roles-search")).toHaveValue("");
  });

  test("an admin edits the description, session length, trust policy and tags", async ({ page, api }) => {
    test.slow();
    const role = await api.createRole();
    await goToRole(page, role.name);
    await editRole(page, { description: "Edited in e2e", maxSessionHours: 4 });
    await assertRoleSummary(page, { arnEndsWith: `/${role.name}`, description: "Edited in e2e", maxSession: "4 hours" });

    await clickTab(page, "trust");
    await expect(page).toHaveURL(new RegExp(`/roles/${role.name}/trust$`));
    const trust = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::222222222222:root" }, Action: "sts:AssumeRole" }] };
    await editTrustPolicy(page, JSON.stringify(trust, null, 2));
    await expect(page.getByTestId("trusted-entities")).toContainText("AWS account 222222222222");

    await clickTab(page, "tags");
    await page.getByTestId("add-tag").click();
    await page.getByLabel("Tag 1 key").fill("env");
    await page.getByLabel("Tag 1 value").fill("test");
    await page.getByTestId("save-tags").click();
    await expect(page.getByTestId("tab-tags")).toContainText("1");
    await page.reload();
    await expect(page.getByLabel("Tag 1 key")).toHaveValue("env");
  });

  test("a trust policy IAM would refuse cannot be saved, and the server refuses it too", async ({ page, api }) => {
    const role = await api.createRole();
    const bad = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "s3:GetObject" }] });
    await goToRole(page, role.name, "trust");
    await page.getByTestId("edit-trust").click();
    await page.getByTestId("trust-editor").fill(bad);
    await expect(page.getByTestId("save-trust")).toBeDisabled();
    await expect(page.getByTestId("trust-save-blocked")).toBeVisible();

    const res = await api.request.put(`/api/console/roles/${role.name}/trust-policy`, { data: { PolicyDocument: bad } });
    expect(res.status()).toBe(400);
    expect((await res.json()).error.code).toBe("MalformedPolicyDocument");
    await page.reload();
    await expect(page.getByTestId("trust-policy-view")).toContainText("sts:AssumeRole");
  });

  test("the tabs and the sessions placeholder are reachable by URL", async ({ page, api }) => {
    const role = await api.createRole();
    await goToRole(page, role.name, "sessions");
    await expect(page.getByText("No active sessions")).toBeVisible();
    await clickTab(page, "activity");
    await expect(page.getByTestId("activity-row").filter({ hasText: "CreateRole" })).toBeVisible();
  });

  test("an address with no page says so inside the console and leads back", async ({ page, api }) => {
    const role = await api.createRole();
    await openConsolePage(page, `/roles/${role.name}/no-such-tab`);
    await expect(page.getByText("There is no page at this address")).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Roles" })).toBeVisible();
    await page.getByRole("link", { name: "Go to roles" }).click();
    await expect(page.getByRole("heading", { name: "Roles", level: 1 })).toBeVisible();
  });

  test("deleting a role with policies explains DeleteConflict and removes them after the name is typed", async ({ page, api }) => {
    const role = await api.createRole();
    await api.attachPolicy(role.name, "arn:aws:iam::aws:policy/ReadOnlyAccess");
    await goToRole(page, role.name);
    await deleteRole(page, role.name, true);
    expect(await api.roleExists(role.name)).toBe(false);
  });

  test("deleting a role without policies asks for the name too", async ({ page, api }) => {
    const role = await api.createRole();
    await goToRole(page, role.name);
    await deleteRole(page, role.name, false);
    expect(await api.roleExists(role.name)).toBe(false);
  });
});
