import { expect, type Page } from "@playwright/test";

export async function goToLogin(page: Page, callbackUrl?: string) {
  await page.goto(callbackUrl ? `/login?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/login");
}

export async function fillSignIn(page: Page, creds: { email: string; password: string }) {
  await page.getByLabel("Email").fill(creds.email);
  await page.getByLabel("Password").fill(creds.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function assertSignedIn(page: Page, email: string) {
  await expect(page).toHaveURL(/\/roles/);
  await expect(page.getByTestId("signed-in-user")).toContainText(email);
}

export async function assertSignInError(page: Page) {
  await expect(page.getByTestId("login-error")).toHaveText(/Incorrect email or password/);
  await expect(page).toHaveURL(/\/login/);
}

export async function clickSignOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
}
