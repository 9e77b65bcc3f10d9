import { test, expect } from "./support/fixtures";
import { uniqueName } from "./support/console-api";
import { clickTab, goToRoles } from "./helpers/roles";
import { assertServiceLinked, createServiceLinkedRole, deleteServiceLinkedRole } from "./helpers/service-linked-roles";

test.describe("service-linked roles", () => {
  test("an admin creates one, sees it locked with the reason, is refused an edit, and deletes it through its task", async ({ page, api }) => {
    test.slow();
    const suffix = uniqueName("web").slice(4);
    await goToRoles(page);
    const name = await createServiceLinkedRole(page, { service: "autoscaling.amazonaws.com", suffix, description: "Scales the web tier" });
    api.trackServiceLinked(name);
    expect(name).toBe(`AWSServiceRoleForAutoScaling_${suffix}`);
    await assertServiceLinked(page, "Amazon EC2 Auto Scaling");
    await expect(page.getByTestId("role-arn")).toHaveText(`arn:aws:iam::111111111111:role/aws-service-role/autoscaling.amazonaws.com/${name}`);

    // Locked where the controls are, each saying why.
    for (const id of ["attach-policy", "add-inline-policy", "set-boundary"]) {
      await expect(page.getByTestId(id)).toBeDisabled();
      await expect(page.getByTestId(id)).toHaveAccessibleDescription(/UnmodifiableEntity/);
    }
    await clickTab(page, "trust");
    await expect(page.getByTestId("edit-trust")).toHaveAccessibleDescription(/trusts only its service/);
    await expect(page.getByTestId("pass-role-slr")).toBeVisible();

    // The server refuses an edit the page does not offer, in AWS's words.
    const refused = await page.request.put(`/api/console/roles/${name}/tags`, { data: { Tags: [{ Key: "team", Value: "web" }] } });
    expect(refused.status()).toBe(400);
    expect((await refused.json()).error).toMatchObject({
      code: "UnmodifiableEntity",
      message: `Cannot perform the operation on the protected role '${name}' - this role is only modifiable by AWS`,
    });

    // Deleting it is a task: the dialog follows it to SUCCEEDED.
    const dialog = await deleteServiceLinkedRole(page, name);
    await expect(dialog.getByTestId("slr-deletion-status")).toHaveText("SUCCEEDED");
    await dialog.getByTestId("slr-deleted-back").click();
    await expect(page).toHaveURL(/\/roles$/);
    expect(await api.roleExists(name)).toBe(false);
  });

  test("the roles list marks service-linked roles and names their service", async ({ page, api }) => {
    const role = await api.createServiceLinkedRole();
    await goToRoles(page, `?search=${role.name}`);
    const row = page.getByTestId("role-row").filter({ hasText: role.name });
    await expect(row.getByTestId("role-slr-badge")).toHaveText("Service-linked role");
    await expect(row.getByTestId("role-slr-service")).toHaveText("Linked to Amazon EC2 Auto Scaling");
  });

  test("a service without a custom suffix does not offer one", async ({ page }) => {
    await goToRoles(page);
    await page.getByTestId("create-slr").click();
    const dialog = page.getByTestId("create-slr-dialog");
    await dialog.getByLabel("Service").selectOption("ecs.amazonaws.com");
    await expect(dialog.getByLabel("Custom suffix")).toBeDisabled();
    await expect(dialog.getByTestId("slr-role-name")).toHaveText("AWSServiceRoleForECS");
  });
});
