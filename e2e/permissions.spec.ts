import { test, expect } from "./support/fixtures";
import { goToRole } from "./helpers/roles";
import { addInlinePolicy, assertAttached, assertBoundary, attachPolicy, detachPolicy, setBoundary } from "./helpers/permissions";

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
    await addInlinePolicy(page, "read-logs");
    await setBoundary(page, "PowerUserAccess");
    await assertBoundary(page, "arn:aws:iam::aws:policy/PowerUserAccess");
  });
});
