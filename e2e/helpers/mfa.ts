import { expect, type Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";

/** What an authenticator app holding `seed` shows now, and showed one time step (30 s) ago. */
export function consecutiveCodes(seed: string): [string, string] {
  const secret = Secret.fromBase32(seed);
  return [TOTP.generate({ secret, timestamp: Date.now() - 30_000 }), TOTP.generate({ secret, timestamp: Date.now() })];
}

const dialog = (page: Page) => page.getByTestId("assign-mfa-dialog");
export const mfaRow = (page: Page, serialNumber: string) => page.getByTestId("mfa-device-row").filter({ hasText: serialNumber });

export async function assertMfaQuota(page: Page, text: string) {
  await expect(page.getByTestId("mfa-quota")).toHaveText(text);
}

/** Opens "Assign MFA device", names the device and continues to the QR code. */
export async function fillMfaDeviceName(page: Page, name: string) {
  await page.getByTestId("assign-mfa-device").click();
  await dialog(page).getByLabel("Device name").fill(name);
  await dialog(page).getByTestId("confirm-create-mfa").click();
  await expect(dialog(page).getByTestId("mfa-qr-code")).toBeVisible();
}

/** Reads the secret key the dialog shows once (revealed with Show), as a person typing it into an app would. */
export async function readMfaSecret(page: Page): Promise<string> {
  await expect(dialog(page).getByTestId("mfa-secret-once-warning")).toContainText("This secret is shown only now");
  await dialog(page).getByTestId("toggle-mfa-secret").click();
  const secret = (await dialog(page).getByTestId("mfa-secret-key").textContent()) ?? "";
  expect(secret).toMatch(/^[A-Z2-7]{64}$/);
  return secret;
}

export async function fillMfaCodes(page: Page, [first, second]: [string, string]) {
  await dialog(page).getByLabel("MFA code 1").fill(first);
  await dialog(page).getByLabel("MFA code 2").fill(second);
  await dialog(page).getByTestId("confirm-enable-mfa").click();
}

export async function assertMfaAssigned(page: Page, serialNumber: string) {
  await expect(dialog(page)).toBeHidden();
  await expect(mfaRow(page, serialNumber).getByTestId("mfa-serial-number")).toHaveText(serialNumber);
  await expect(page.locator("body")).not.toContainText("This secret is shown only now");
}

export async function assertMfaRefused(page: Page, message: string) {
  await expect(dialog(page).getByRole("alert")).toContainText(message);
}

export async function clickCancelMfa(page: Page) {
  await dialog(page).getByRole("button", { name: "Cancel" }).click();
  await expect(dialog(page)).toBeHidden();
}

export async function clickRemoveMfa(page: Page, serialNumber: string) {
  await mfaRow(page, serialNumber).getByTestId("remove-mfa-device").click();
  await expect(page.getByTestId("remove-mfa-dialog")).toContainText(serialNumber);
  await page.getByTestId("confirm-remove-mfa-device").click();
  await expect(mfaRow(page, serialNumber)).toHaveCount(0);
}
