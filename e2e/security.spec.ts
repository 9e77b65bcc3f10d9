import { test as anonymous } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { E2E } from "./support/env";
import { EC2_TRUST, uniqueName } from "./support/console-api";
import { fillSignIn } from "./helpers/auth";
import { HOSTILE_ORIGIN, openHostilePage } from "./helpers/hostile-page";

/** Attacks a browser makes possible, run in a browser: open redirects, framing and cross-origin forgery. */

anonymous.describe("after sign-in the console never leaves its own origin", () => {
  for (const callback of ["/%5Cevil.example/x", "/%09/evil.example/x", "//evil.example/x", "https://evil.example/x"]) {
    anonymous(`callbackUrl=${callback} lands on the console`, async ({ page }) => {
      await page.goto(`/login?callbackUrl=${callback}`);
      await fillSignIn(page, E2E.admin);
      await expect(page).toHaveURL(`${E2E.baseURL}/roles`);
    });
  }

  anonymous("a same-origin callbackUrl is still followed", async ({ page }) => {
    await page.goto(`/login?callbackUrl=${encodeURIComponent("/policies?type=aws")}`);
    await fillSignIn(page, E2E.admin);
    await expect(page).toHaveURL(`${E2E.baseURL}/policies?type=aws`);
  });
});

test.describe("pages of other origins", () => {
  test("cannot show the console in a frame", async ({ page }) => {
    await using _hostile = await openHostilePage(page, `<iframe id="victim" src="${E2E.baseURL}/roles" onload="document.body.dataset.loaded = 'yes'"></iframe>`);
    await expect(page.locator("body[data-loaded=yes]")).toHaveCount(1);
    // Nothing of the console renders inside: not the roles table, not even the sign-in form.
    await expect(page.frameLocator("#victim").locator("[data-testid]")).toHaveCount(0);
  });

  test("cannot create a role or attach a policy with the admin's cookie", async ({ page, api }) => {
    const name = uniqueName("csrf");
    const body = JSON.stringify({ RoleName: name, AssumeRolePolicyDocument: EC2_TRUST });
    // The browser sends each forged request with the admin's cookie; the server must refuse every one.
    const answers: { url: string; status: number }[] = [];
    page.on("response", (r) => {
      if (r.request().method() === "POST" && r.url().startsWith(`${E2E.baseURL}/api/console/`)) answers.push({ url: r.url(), status: r.status() });
    });
    await using _hostile = await openHostilePage(
      page,
      `<form id="f" method="POST" enctype="text/plain" action="${E2E.baseURL}/api/console/roles" target="sink">
         <input name='${body.slice(0, -1)},"pad":"' value='"}'>
       </form>
       <iframe name="sink"></iframe>
       <script>
         // Chromium turns a blocked no-cors answer into "Failed to fetch"; the request was sent all the same.
         const send = (url, body) => fetch(url, { method: "POST", mode: "no-cors", credentials: "include", body }).catch(() => undefined);
         send("${E2E.baseURL}/api/console/roles", ${JSON.stringify(body)});
         send("${E2E.baseURL}/api/console/roles/app-server/attached-policies", JSON.stringify({ PolicyArn: "arn:aws:iam::aws:policy/AdministratorAccess" }));
         document.getElementById("f").submit();
       </script>`,
    );
    await expect.poll(() => answers.length).toBe(3);
    expect(answers.map((a) => a.status)).toEqual([403, 403, 403]);
    api.track(name);
    expect(await api.roleExists(name)).toBe(false);
    const attached = await api.request.get("/api/console/roles/app-server/attached-policies");
    expect(JSON.stringify(await attached.json())).not.toContain("AdministratorAccess");
    expect(HOSTILE_ORIGIN).not.toBe(E2E.baseURL);
  });
});
