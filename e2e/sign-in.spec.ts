import { test, expect } from "@playwright/test";
import { E2E } from "./support/env";
import { assertSignInError, assertSignedIn, clickSignOut, fillSignIn, goToLogin } from "./helpers/auth";

test.describe("signing in", () => {
  test("an unauthenticated visitor is sent to the sign-in page, then back where they were going", async ({ page }) => {
    await page.goto("/roles/new");
    await expect(page).toHaveURL(/\/login\?callbackUrl=/);
    await fillSignIn(page, E2E.admin);
    await expect(page).toHaveURL(/\/roles\/new/);
  });

  test("wrong credentials are refused with a clear message", async ({ page }) => {
    await goToLogin(page);
    await fillSignIn(page, { email: E2E.admin.email, password: "not-the-password" });
    await assertSignInError(page);
    await fillSignIn(page, { email: "nobody@example.com", password: E2E.admin.password });
    await assertSignInError(page);
  });

  test("an admin signs in, sees who they are, and signs out", async ({ page }) => {
    await goToLogin(page);
    await fillSignIn(page, E2E.admin);
    await assertSignedIn(page, E2E.admin.email);
    await expect(page.getByTestId("console-role")).toHaveText("Admin");
    await clickSignOut(page);
    await page.goto("/roles");
    await expect(page).toHaveURL(/\/login/);
  });

  test("the console API answers 401 without a session, and never returns data", async ({ request }) => {
    const list = await request.get("/api/console/roles");
    expect(list.status()).toBe(401);
    const create = await request.post("/api/console/roles", { data: { RoleName: "intruder", AssumeRolePolicyDocument: "{}" } });
    expect(create.status()).toBe(401);
    expect((await create.json()).error.code).toBe("MissingAuthenticationToken");
  });
});
