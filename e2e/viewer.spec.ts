import { test, expect } from "./support/fixtures";
import { E2E } from "./support/env";
import { EC2_TRUST, uniqueName } from "./support/console-api";
import { goToRole, goToRoles } from "./helpers/roles";

test.describe("a viewer", () => {
  test.use({ storageState: E2E.storage.viewer });

  test("sees roles but every change is disabled, with the reason", async ({ page, api }) => {
    const role = await api.createRole();
    await goToRoles(page);
    await expect(page.getByTestId("console-role")).toHaveText(/Viewer/);
    await expect(page.getByTestId("create-role")).toBeDisabled();
    await expect(page.getByTestId("create-slr")).toBeDisabled();
    await goToRole(page, role.name);
    await expect(page.getByTestId("role-arn")).toHaveText(role.arn);
    for (const id of ["edit-role", "delete-role", "attach-policy", "add-inline-policy", "set-boundary"])
      await expect(page.getByTestId(id)).toBeDisabled();
    await expect(page.getByTestId("delete-role")).toHaveAccessibleDescription(/read-only/i);
  });

  test("is refused by the server when calling the console API directly", async ({ page, api }) => {
    const role = await api.createRole();
    await goToRoles(page);
    const create = await page.request.post("/api/console/roles", { data: { RoleName: uniqueName("viewer"), AssumeRolePolicyDocument: EC2_TRUST } });
    expect(create.status()).toBe(403);
    expect((await create.json()).error.code).toBe("AccessDenied");
    const del = await page.request.delete(`/api/console/roles/${role.name}?withPolicies=true`);
    expect(del.status()).toBe(403);
    const attach = await page.request.post(`/api/console/roles/${role.name}/attached-policies`, { data: { PolicyArn: "arn:aws:iam::aws:policy/AdministratorAccess" } });
    expect(attach.status()).toBe(403);
    expect(await api.roleExists(role.name)).toBe(true);
  });
});
