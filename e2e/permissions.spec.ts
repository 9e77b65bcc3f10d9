import { test, expect } from "./support/fixtures";
import { goToRole } from "./helpers/roles";
import { assertAttached, attachPolicy, detachPolicy } from "./helpers/permissions";

test.describe("role permissions", () => {
  test("an admin attaches a managed policy from the catalogue and detaches it", async ({ page, api }) => {
    const role = await api.createRole();
    await goToRole(page, role.name);
    await expect(page.getByTestId("attached-quota")).toHaveText("0 of 10");
    await attachPolicy(page, "ReadOnlyAccess");
    await assertAttached(page, "ReadOnlyAccess", "1 of 10");
    await detachPolicy(page, "ReadOnlyAccess");
    await expect(page.getByTestId("attached-quota")).toHaveText("0 of 10");
  });

  test("an admin adds an inline policy and sets a permissions boundary", async ({ page, api }) => {
    const role = await api.createRole();
    await goToRole(page, role.name);
    await page.getByTestId("add-inline-policy").click();
    await page.getByLabel("Policy name").fill("read-logs");
    await page.getByTestId("save-inline-policy").click();
    await expect(page.getByTestId("inline-policy-row").filter({ hasText: "read-logs" })).toBeVisible();

    await page.getByTestId("set-boundary").click();
    const dialog = page.getByTestId("boundary-dialog");
    await dialog.getByTestId("policy-search").fill("PowerUserAccess");
    await dialog.getByTestId("pick-PowerUserAccess").check();
    await dialog.getByTestId("confirm-boundary").click();
    await expect(page.getByTestId("boundary-arn-text")).toHaveText("arn:aws:iam::aws:policy/PowerUserAccess");
  });
});
