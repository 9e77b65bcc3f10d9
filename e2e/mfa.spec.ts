import { test, expect } from "./support/fixtures";
import { E2E } from "./support/env";
import { uniqueName } from "./support/console-api";
import { goToUser } from "./helpers/users";
import { assertMfaAssigned, assertMfaQuota, assertMfaRefused, clickCancelMfa, clickRemoveMfa, consecutiveCodes, fillMfaCodes, fillMfaDeviceName, mfaRow, readMfaSecret } from "./helpers/mfa";

const serialOf = (name: string) => `arn:aws:iam::111111111111:mfa/${name}`;

test.describe("MFA devices in the console", () => {
  test("an admin assigns a virtual MFA device with two codes from its secret, sees it listed, and removes it", async ({ page, users }) => {
    const user = await users.createUser();
    await goToUser(page, user.name, "security-credentials");
    await assertMfaQuota(page, "0 of 8");
    await expect(page.getByText("No MFA devices")).toBeVisible();

    const device = uniqueName("phone");
    await fillMfaDeviceName(page, device);
    const secret = await readMfaSecret(page);
    await fillMfaCodes(page, consecutiveCodes(secret));
    await assertMfaAssigned(page, serialOf(device));
    await assertMfaQuota(page, "1 of 8");

    await clickRemoveMfa(page, serialOf(device));
    await assertMfaQuota(page, "0 of 8");
  });

  test("wrong codes are refused in the dialog; cancelling discards the device so its name is free", async ({ page, users }) => {
    const user = await users.createUser();
    await goToUser(page, user.name, "security-credentials");
    const device = uniqueName("tablet");
    await fillMfaDeviceName(page, device);
    await fillMfaCodes(page, ["123456", "654321"]);
    await assertMfaRefused(page, "Authentication code for device is not valid.");
    await clickCancelMfa(page);
    await assertMfaQuota(page, "0 of 8");

    await fillMfaDeviceName(page, device);
    await fillMfaCodes(page, consecutiveCodes(await readMfaSecret(page)));
    await assertMfaAssigned(page, serialOf(device));
  });
});

test.describe("MFA devices for a viewer", () => {
  test.use({ storageState: E2E.storage.viewer });

  test("sees a user's devices but cannot assign or remove one", async ({ page, users }) => {
    const user = await users.createUser();
    const device = await users.assignMfaDevice(user.name);
    await goToUser(page, user.name, "security-credentials");
    await expect(mfaRow(page, device.serialNumber)).toHaveCount(1);
    await expect(page.getByTestId("assign-mfa-device")).toBeDisabled();
    await expect(page.getByTestId("remove-mfa-device")).toBeDisabled();
  });
});
