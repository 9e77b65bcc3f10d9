import { test as setup } from "@playwright/test";
import { E2E } from "./support/env";
import { assertSignedIn, fillSignIn, goToLogin } from "./helpers/auth";

/** Signs in once per console role and keeps the session cookies for the specs. */
for (const who of ["admin", "viewer"] as const) {
  setup(`sign in as ${who}`, async ({ page }) => {
    await goToLogin(page);
    await fillSignIn(page, E2E[who]);
    await assertSignedIn(page, E2E[who].email);
    await page.context().storageState({ path: E2E.storage[who] });
  });
}
