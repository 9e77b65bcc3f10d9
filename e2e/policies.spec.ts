import { test, expect } from "./support/fixtures";
import { clickTab } from "./helpers/navigation";
import { E2E } from "./support/env";
import { uniqueName } from "./support/console-api";
import { assertCreateBlocked, clickDeletePolicy, clickEditPolicy, fillCreatePolicy, goToPolicies, goToPolicy, policyLinks } from "./helpers/policies";
import { assertSortedBy, clickSortBy } from "./helpers/lists";

const doc = (actions: string[]) =>
  JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: actions, Resource: "*" }] }, null, 2);

test.describe("policies console", () => {
  test("an admin creates a customer policy, fixing what IAM would refuse, then edits it into v2", async ({ page, policies }) => {
    const name = uniqueName("readonly-s3");
    policies.track(name);
    await goToPolicies(page);
    await fillCreatePolicy(page, { name, description: "Read objects of every bucket.", document: '{"Version": "2012-10-17", "Statement": [' }, false);
    await assertCreateBlocked(page);

    await fillCreatePolicy(page, { document: doc(["s3:GetObject"]) });
    await expect(page).toHaveURL(new RegExp(`/policies/${name}\\?scope=local$`));
    await expect(page.getByTestId("policy-title")).toHaveText(name);
    await expect(page.getByTestId("policy-type")).toHaveText("Customer managed");
    await expect(page.getByTestId("policy-description-text")).toHaveText("Read objects of every bucket.");
    await expect(page.getByTestId("policy-default-version")).toHaveText("v1");

    await clickEditPolicy(page, doc(["s3:GetObject", "s3:ListBucket"]));
    await expect(page.getByTestId("policy-default-version")).toHaveText("v2");
    await expect(page.getByTestId("policy-document-view")).toContainText("s3:ListBucket");
    await clickTab(page, "versions");
    await expect(page.getByTestId("policy-version-row")).toHaveCount(2);
    await expect(page.getByTestId("policy-version-row").filter({ hasText: "v2" })).toContainText("Default");
  });

  test("a policy attached to a role cannot be deleted, and the console says why in IAM's words", async ({ page, api, policies }) => {
    const policy = await policies.createPolicy();
    const role = await api.createRole();
    await api.attachPolicy(role.name, policy.arn);
    await goToPolicy(page, policy.name, "/entities?scope=local");
    await expect(page.getByTestId("policy-entity-row").filter({ hasText: role.name })).toBeVisible();

    await clickDeletePolicy(page, policy.name);
    await expect(page.getByTestId("delete-policy-error")).toContainText("DeleteConflict");
    await expect(page.getByTestId("delete-policy-error")).toContainText("Cannot delete a policy attached to entities.");
    await page.reload();
    await expect(page.getByTestId("policy-title")).toHaveText(policy.name);
  });

  test("anyone browses the AWS managed AdministratorAccess, which cannot be changed", async ({ page }) => {
    await goToPolicies(page);
    await page.getByTestId("policies-type").selectOption("aws");
    await expect(page).toHaveURL(/type=aws/);
    await page.getByTestId("policies-search").fill("AdministratorAccess");
    await expect(page).toHaveURL(/search=AdministratorAccess/);
    await page.getByTestId("policy-link").filter({ hasText: /^AdministratorAccess$/ }).click();
    await expect(page).toHaveURL(/\/policies\/AdministratorAccess\?scope=aws$/);
    await expect(page.getByTestId("policy-type")).toHaveText("AWS managed");
    await expect(page.getByTestId("policy-arn")).toHaveText("arn:aws:iam::aws:policy/AdministratorAccess");
    await expect(page.getByTestId("policy-document-view")).toContainText('"Action": "*"');
    await expect(page.getByTestId("edit-policy")).toBeDisabled();
    await expect(page.getByTestId("delete-policy")).toBeDisabled();
    // The name alone resolves too: AWS's catalogue first, then the account's policies.
    await goToPolicy(page, "AWSLambdaBasicExecutionRole");
    await expect(page.getByTestId("policy-arn")).toHaveText("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole");
  });

  test("the list sorts by type on the server, and the sort lives in the URL", async ({ page, policies }) => {
    // By name it sits among AWS's AdministratorAccess* policies ("-0" before "-Amplify"); by type, after them all.
    const mine = await policies.createPolicy(`AdministratorAccess-0-${uniqueName("sorted")}`);
    await goToPolicies(page, "?search=administratoraccess");
    await expect(policyLinks(page).nth(1)).toHaveText(mine.name);

    await clickSortBy(page, "policies-table", "Type");
    await expect(page).toHaveURL(/sort=type/);
    await assertSortedBy(page, "policies-table", "Type", "ascending");
    await expect(policyLinks(page).last()).toHaveText(mine.name);
    await expect(page.getByTestId("policy-row").first()).toContainText("AWS managed");

    await clickSortBy(page, "policies-table", "Type");
    await expect(page).toHaveURL(/sort=type&order=desc/);
    await assertSortedBy(page, "policies-table", "Type", "descending");
    await expect(policyLinks(page).first()).toHaveText(mine.name);
  });
});

test.describe("policies console for a viewer", () => {
  test.use({ storageState: E2E.storage.viewer });

  test("sees customer policies but cannot create, edit or delete them", async ({ page, policies }) => {
    const policy = await policies.createPolicy();
    await goToPolicies(page, "?type=customer");
    await expect(page.getByTestId("create-policy")).toBeDisabled();
    await goToPolicy(page, policy.name, "?scope=local");
    await expect(page.getByTestId("edit-policy")).toBeDisabled();
    await expect(page.getByTestId("delete-policy")).toBeDisabled();
    const res = await page.request.put(`/api/console/policies/${policy.name}?scope=local`, { data: { PolicyDocument: doc(["s3:*"]) } });
    expect(res.status()).toBe(403);
    expect((await res.json()).error.code).toBe("AccessDenied");
  });
});
