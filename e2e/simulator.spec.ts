import { test, expect } from "./support/fixtures";
import { openConsolePage } from "./helpers/navigation";

/*
 * The Simulator page: a pasted policy's denial explained at the deciding statement's lines in a read-only editor,
 * the address reproducing the simulation, and a role's trust policy taking part for sts:AssumeRole.
 */

const POLICY = JSON.stringify(
  { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:*", Resource: "*" }, { Sid: "NoDelete", Effect: "Deny", Action: "s3:DeleteObject", Resource: "*" }] },
  null,
  2,
);

test("explains a denial at the deciding statement's lines, and a shared address shows the same result", async ({ page, browser }) => {
  await openConsolePage(page, "/simulator");
  await expect(page.getByText("No simulation yet")).toBeVisible();
  await page.getByTestId("simulator-policy").fill(POLICY);
  await page.getByTestId("simulator-actions").fill("s3:GetObject, s3:DeleteObject");
  await page.getByTestId("simulator-resources").fill("arn:aws:s3:::reports/2026.csv");
  await page.getByTestId("simulator-run").click();

  const rows = page.getByTestId("simulator-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText("Allowed");
  await expect(rows.nth(1)).toContainText("Explicit deny");

  await rows.nth(1).getByTestId("simulator-explain").click();
  const explanation = page.getByTestId("simulator-explanation");
  await expect(explanation.getByTestId("simulator-reasons")).toContainText("Explicitly denied");
  await expect(explanation).toContainText("deciding statement at lines 9–14");
  const highlighted = explanation.locator("[data-matched]");
  await expect(highlighted).toHaveCount(6);
  await expect(highlighted.nth(1)).toContainText('"Sid": "NoDelete"');
  await expect(explanation.getByRole("textbox", { name: /PolicyInputList\.1, read-only/ })).toHaveAttribute("aria-readonly", "true");

  // The address holds the simulation: opened elsewhere, it runs the same one.
  const shared = page.url();
  expect(shared).toContain("actions=");
  const other = await browser.newPage();
  await openConsolePage(other, shared);
  await expect(other.getByTestId("simulator-row")).toHaveCount(2);
  await expect(other.getByTestId("simulator-row").nth(1)).toContainText("Explicit deny");
  await expect(other.getByTestId("simulator-policy")).toHaveValue(POLICY);
  await other.close();

  // Only the denials.
  await page.getByTestId("simulator-filter").selectOption("explicitDeny");
  await expect(rows).toHaveCount(1);
});

test("evaluates a role's trust policy for sts:AssumeRole, and says so", async ({ page, api, users }) => {
  const user = await users.createUser();
  const role = await api.createRole({
    trust: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: user.arn }, Action: "sts:AssumeRole" }] }),
  });
  await openConsolePage(page, "/simulator");
  await page.getByTestId("simulator-principal").fill(user.arn);
  await page.getByTestId("simulator-actions").fill("sts:AssumeRole");
  await page.getByTestId("simulator-resources").fill(role.arn);
  await page.getByTestId("simulator-run").click();
  const row = page.getByTestId("simulator-row");
  await expect(row).toContainText("Allowed");
  await expect(row).toContainText("trust policy evaluated");
  await row.getByTestId("simulator-explain").click();
  await expect(page.getByTestId("simulator-explanation")).toContainText("AssumeRolePolicyDocument");
});
