import { test, expect } from "./support/fixtures";
import { uniqueName } from "./support/console-api";
import { deleteRole, goToRole } from "./helpers/roles";
import { addRoleToInstanceProfile, createInstanceProfile, deleteInstanceProfile, goToInstanceProfiles, profileRow } from "./helpers/instance-profiles";

test.describe("instance profiles", () => {
  test("an admin creates a profile, puts a role in it, sees its ARN on the role, and deletes the role anyway", async ({ page, api, profiles }) => {
    test.slow();
    const role = await api.createRole();
    const profile = uniqueName("profile");
    profiles.track(profile);
    await goToInstanceProfiles(page);
    await createInstanceProfile(page, profile, "/web/");
    await expect(profileRow(page, profile)).toContainText("No role");

    await goToRole(page, role.name);
    await expect(page.getByTestId("role-instance-profiles")).toContainText("None");
    await addRoleToInstanceProfile(page, profile);
    await expect(page.getByTestId("role-instance-profile-arn")).toHaveText(`arn:aws:iam::111111111111:instance-profile/web/${profile}`);

    // DeleteRole alone is refused while the role is in a profile, as in AWS.
    const refused = await page.request.delete(`/api/console/roles/${role.name}`);
    expect(refused.status()).toBe(409);
    expect((await refused.json()).error).toMatchObject({ code: "DeleteConflict", message: "Cannot delete entity, must remove roles from instance profile first." });
    // The console explains it and deletes anyway, taking the role out of the profile in the same change.
    await expect(page.getByTestId("delete-role")).toBeEnabled();
    await page.getByTestId("delete-role").click();
    await expect(page.getByTestId("delete-conflict")).toContainText("is in 1 instance profile");
    await page.keyboard.press("Escape");
    await deleteRole(page, role.name, true);

    await goToInstanceProfiles(page);
    await expect(profileRow(page, profile)).toContainText("No role");
    await deleteInstanceProfile(page, profile, false);
  });

  test("deleting a profile that holds a role explains AWS's refusal and removes the role first", async ({ page, api, profiles }) => {
    const role = await api.createRole();
    const profile = await profiles.createInstanceProfile({ roleName: role.name });
    await goToInstanceProfiles(page, `?search=${profile.name}`);
    await expect(profileRow(page, profile.name).getByTestId("instance-profile-role")).toHaveText(role.name);
    await deleteInstanceProfile(page, profile.name, true);
    expect(await api.roleExists(role.name)).toBe(true);
  });
});
