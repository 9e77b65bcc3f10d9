import { expect, test } from "./support/fixtures";
import { E2E } from "./support/env";
import { openConsolePage } from "./helpers/navigation";

/** Ending sessions is covered over HTTP (tests/integration/security-signin.test.ts): here it would end the sessions the other specs share. */
test.describe("console users", () => {
  test("an admin sees who can sign in and how many sessions each has", async ({ page }) => {
    await openConsolePage(page, "/settings/console-users");
    const rows = page.getByTestId("console-user-row");
    await expect(rows).toHaveCount(2);
    const admin = rows.filter({ hasText: E2E.admin.email });
    await expect(admin.getByText("Admin", { exact: true })).toBeVisible();
    await expect(admin.getByTestId("console-user-sessions")).not.toHaveText("0");
    await expect(admin.getByTestId("end-sessions")).toBeEnabled();
  });

  test.describe("as a viewer", () => {
    test.use({ storageState: E2E.storage.viewer });

    test("the list is visible but ending sessions is not", async ({ page }) => {
      await openConsolePage(page, "/settings/console-users");
      const admin = page.getByTestId("console-user-row").filter({ hasText: E2E.admin.email });
      await expect(admin.getByTestId("end-sessions")).toBeDisabled();
      await expect(admin.getByTestId("end-sessions")).toHaveAccessibleDescription(/read-only/i);
    });
  });
});
