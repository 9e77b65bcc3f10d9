import { test, expect } from "./support/fixtures";
import { ROLE_TABS, toRole, toRoles, toNewRole } from "@/components/roles/routes";
import { USER_TABS, toUser, toUsers } from "@/components/users/routes";
import { POLICY_TABS, toPolicies, toPolicy } from "@/components/policies/routes";
import { openConsolePage } from "./helpers/navigation";
import { assertDenied, assertGranted, clickAssume, clickSessionsTab, fillAssume, goToAssumeRole } from "./helpers/assume";
import { assertNoAxeViolations, useColourScheme, type ColourScheme } from "./helpers/accessibility";

/*
 * Every console page, in light and dark, against axe-core's WCAG 2 A and AA rules: a new page or a colour change
 * that fails them fails here. Each page is checked once its content (not its skeleton) is on screen.
 */

const SCHEMES: ColourScheme[] = ["light", "dark"];

for (const scheme of SCHEMES) {
  test.describe(`accessibility in ${scheme} mode`, () => {
    test.beforeEach(async ({ page }) => useColourScheme(page, scheme));

    test("the role pages", async ({ page, api }) => {
      const role = await api.createRole({ description: "Checked by axe" });
      await api.attachPolicy(role.name, "arn:aws:iam::aws:policy/ReadOnlyAccess");
      await openConsolePage(page, toRoles());
      await expect(page.getByTestId("role-row").first()).toBeVisible();
      await assertNoAxeViolations(page);
      for (const tab of ROLE_TABS) {
        await openConsolePage(page, toRole({ name: role.name, tab }));
        await expect(page.getByTestId(`tab-${tab}`)).toHaveAttribute("aria-current", "page");
        await expect(page.getByTestId("role-title")).toHaveText(role.name);
        await assertNoAxeViolations(page);
      }
      await openConsolePage(page, toNewRole());
      await expect(page.getByTestId("create-trust-editor")).toBeVisible();
      await assertNoAxeViolations(page);
    });

    test("Assume role (form, denial, credentials), sessions with their revoke dialog, and assumes in the activity", async ({ page, api, users }) => {
      const user = await users.createUser();
      const trust = JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { AWS: user.arn }, Action: "sts:AssumeRole", Condition: { StringEquals: { "sts:ExternalId": "axe-check" } } }],
      });
      const role = await api.createRole({ trust });
      await goToAssumeRole(page, role.name, user.arn);
      await assertNoAxeViolations(page);
      await clickAssume(page);
      await assertDenied(page, `User: ${user.arn} is not authorized to perform: sts:AssumeRole on resource: ${role.arn}`);
      await expect(page.getByTestId("decisive-policy-0-editor")).toBeVisible();
      await assertNoAxeViolations(page);
      await fillAssume(page, { externalId: "axe-check" });
      await clickAssume(page);
      await assertGranted(page, `${role.name}/console-session`);
      await assertNoAxeViolations(page);
      await openConsolePage(page, toRole({ name: role.name, tab: "sessions" }));
      await expect(page.getByTestId("session-row")).toHaveCount(1);
      await assertNoAxeViolations(page);
      await clickSessionsTab(page);
      await page.getByTestId("revoke-active-sessions").click();
      await expect(page.getByTestId("revoke-active-sessions-dialog")).toBeVisible();
      await assertNoAxeViolations(page);
      await openConsolePage(page, toRole({ name: role.name, tab: "activity" }));
      await page.getByText("Why it was denied").click();
      await expect(page.getByTestId("activity-row").filter({ hasText: "Denied" }).getByTestId("activity-reasons")).toBeVisible();
      await assertNoAxeViolations(page);
    });

    test("the user pages", async ({ page, users }) => {
      const user = await users.createUser();
      await openConsolePage(page, toUsers());
      await expect(page.getByTestId("user-row").first()).toBeVisible();
      await assertNoAxeViolations(page);
      for (const tab of USER_TABS) {
        await openConsolePage(page, toUser({ name: user.name, tab }));
        await expect(page.getByTestId(`tab-${tab}`)).toHaveAttribute("aria-current", "page");
        await assertNoAxeViolations(page);
      }
    });

    test("the policy pages and the playground", async ({ page }) => {
      await openConsolePage(page, toPolicies());
      await expect(page.getByTestId("policy-row").first()).toBeVisible();
      await assertNoAxeViolations(page);
      for (const tab of POLICY_TABS) {
        await openConsolePage(page, toPolicy({ name: "ReadOnlyAccess", scope: "aws", tab }));
        await expect(page.getByTestId(`tab-${tab}`)).toHaveAttribute("aria-current", "page");
        await expect(page.getByTestId("policy-title")).toHaveText("ReadOnlyAccess");
        await assertNoAxeViolations(page);
      }
      await openConsolePage(page, "/playground");
      await expect(page.getByTestId("policy-editor-content")).toBeVisible();
      await assertNoAxeViolations(page);
    });

    test("the console users page", async ({ page }) => {
      await openConsolePage(page, "/settings/console-users");
      await expect(page.getByTestId("console-user-row").first()).toBeVisible();
      await assertNoAxeViolations(page);
    });
  });

  test.describe(`the sign-in page in ${scheme} mode`, () => {
    test.use({ storageState: { cookies: [], origins: [] } });

    test("passes axe", async ({ page }) => {
      await useColourScheme(page, scheme);
      await page.goto("/login");
      await expect(page.getByLabel("Email")).toBeVisible();
      await assertNoAxeViolations(page);
    });
  });
}
