import { test, expect } from "./support/fixtures";
import { toRole } from "@/components/roles/routes";
import { openConsolePage } from "./helpers/navigation";

/*
 * Explanations where decisions are shown: Test who can assume on a role's trust tab (a denial at the deny's lines,
 * then the same simulation in the Simulator), an audited refusal opening its explanation, the Simulator's catalogue
 * completion, and roles compared with resource-based policies from a template.
 */

const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement }, null, 2);

test("Test who can assume explains a denial at the trust policy's deny, and opens it in the Simulator", async ({ page, api, users }) => {
  const user = await users.createUser();
  const role = await api.createRole({
    trust: doc(
      { Sid: "Team", Effect: "Allow", Principal: { AWS: user.arn }, Action: "sts:AssumeRole" },
      { Sid: "NeedsMfa", Effect: "Deny", Principal: { AWS: "*" }, Action: "sts:AssumeRole", Condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } } },
    ),
  });
  await openConsolePage(page, toRole({ name: role.name, tab: "trust" }));
  await page.getByTestId("assume-test-principal").fill(user.arn);
  await page.getByTestId("assume-test-mfa").selectOption("false");
  await page.getByTestId("assume-test-run").click();

  const result = page.getByTestId("assume-test-result");
  await expect(result).toContainText("Explicit deny");
  await expect(result.getByTestId("simulator-reasons")).toContainText("Explicitly denied");
  // The trust policy as written: its Deny statement is lines 12–24.
  await expect(result).toContainText("AssumeRolePolicyDocument (trust policy, deciding statement at lines 12–24)");
  const highlighted = result.locator("[data-matched]");
  await expect(highlighted.first()).toBeVisible();
  await expect(highlighted.nth(1)).toContainText('"Sid": "NeedsMfa"');
  await expect(result.locator("[data-matched]", { hasText: '"Sid": "Team"' })).toHaveCount(0);

  await page.getByTestId("assume-test-mfa").selectOption("true");
  await page.getByTestId("assume-test-run").click();
  await expect(result).toContainText("Allowed");

  await page.getByTestId("assume-test-open-simulator").click();
  await expect(page).toHaveURL(/\/simulator\?/);
  await expect(page.getByTestId("simulator-principal")).toHaveValue(user.arn);
  const row = page.getByTestId("simulator-row");
  await expect(row).toContainText("Allowed");
  await expect(row).toContainText("trust policy evaluated");
});

test("an audited refusal opens its explanation in the Simulator", async ({ page, api, users }) => {
  const user = await users.createUser();
  const role = await api.createRole({ trust: doc({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::999999999999:root" }, Action: "sts:AssumeRole" }) });
  const refused = await api.request.post(`/api/console/roles/${role.name}/assume`, { data: { Caller: { kind: "user", arn: user.arn }, RoleSessionName: "refused" } });
  expect((await refused.json()).granted).toBe(false);

  await openConsolePage(page, toRole({ name: role.name, tab: "activity" }));
  const event = page.getByTestId("activity-row").filter({ hasText: "AssumeRole" });
  await expect(event).toContainText("Denied");
  await event.getByTestId("activity-explain").click();

  await expect(page).toHaveURL(/\/simulator\?/);
  await expect(page.getByTestId("simulator-from-event")).toContainText("evaluates the policies as they are now");
  await expect(page.getByTestId("simulator-principal")).toHaveValue(user.arn);
  const row = page.getByTestId("simulator-row");
  await expect(row).toContainText("sts:AssumeRole");
  await expect(row).toContainText("Implicit deny");
  await row.getByTestId("simulator-explain").click();
  await expect(page.getByTestId("simulator-reasons")).toContainText("Implicitly denied");
});

test("completes actions, resource patterns and context keys from the catalogue", async ({ page }) => {
  await openConsolePage(page, "/simulator");
  const finder = page.getByTestId("simulator-action-search");
  await finder.fill("s3:getobj");
  await expect(page.locator('[data-testid="simulator-action-suggestions"] option[value="s3:GetObject"]')).toHaveCount(1);
  await finder.fill("s3:GetObject");
  await finder.press("Enter");
  await expect(page.getByTestId("simulator-actions")).toHaveValue("s3:GetObject");

  const hints = page.getByTestId("simulator-action-hints");
  await hints.getByTestId("simulator-resource-pattern").filter({ hasText: "arn:aws:s3:::${BucketName}/${ObjectName}" }).click();
  await expect(page.getByTestId("simulator-resources")).toHaveValue("arn:aws:s3:::${BucketName}/${ObjectName}");
  await hints.getByTestId("simulator-context-key").filter({ hasText: "s3:TlsVersion" }).click();
  const context = page.getByTestId("simulator-context");
  await expect(context.getByLabel("Context key 1", { exact: true })).toHaveValue("s3:TlsVersion");
  await expect(context.getByLabel("Type of context key 1", { exact: true })).toHaveValue("numeric");

  // "All actions" of a service: each by name, as the simulator takes named actions only.
  await finder.fill("sqs:*");
  await page.getByTestId("simulator-action-add").click();
  await expect(page.getByTestId("simulator-actions")).toHaveValue(/^s3:GetObject\nsqs:\w+\n[\s\S]*sqs:SendMessage/);
});

test("compares a role with a resource-based policy from a template, both ways explained, and a shared address reproduces it", async ({ page, api, browser }) => {
  const partner = "arn:aws:iam::999999999999:user/partner";
  const role = await api.createRole({ trust: doc({ Effect: "Allow", Principal: { AWS: partner }, Action: "sts:AssumeRole" }) });
  const put = await api.request.put(`/api/console/roles/${role.name}/inline-policies/read-shared`, {
    data: { PolicyDocument: doc({ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::shared-reports/*" }) },
  });
  expect(put.status()).toBe(204);

  await openConsolePage(page, "/simulator");
  await page.getByTestId("simulator-compare-link").click();
  await expect(page).toHaveURL(/\/simulator\/compare$/);
  await expect(page.getByText("Nothing compared yet")).toBeVisible();
  await page.getByTestId("compare-principal").fill(partner);
  await page.getByTestId("compare-role").fill(role.arn);
  await page.getByTestId("compare-template").selectOption("s3-bucket");
  await expect(page.getByTestId("compare-action")).toHaveValue("s3:GetObject");
  await expect(page.getByTestId("compare-resource-account")).toHaveValue("111111111111");
  await expect(page.getByTestId("compare-policy")).toHaveValue(new RegExp(partner));
  await page.getByTestId("compare-run").click();

  const viaRole = page.getByTestId("compare-via-role");
  await expect(viaRole.getByTestId("compare-assume-step")).toContainText("Allowed");
  await expect(viaRole.getByTestId("compare-act-step")).toContainText("Allowed");
  await expect(page.getByTestId("compare-via-resource-policy")).toContainText("Allowed");
  await expect(page.getByTestId("compare-via-resource-policy").locator("[data-matched]").first()).toBeVisible();
  const differences = page.getByTestId("compare-differences");
  await expect(differences).toContainText("Both ways allow it.");
  await expect(differences).toContainText("gives up its own permissions");
  await expect(differences).toContainText(`assumed-role/${role.name}/SESSION-NAME`);

  // The address holds the comparison: opened elsewhere, it runs the same one.
  await expect(page).toHaveURL(/[?&]template=s3-bucket/);
  const shared = page.url();
  const other = await browser.newPage();
  await openConsolePage(other, shared);
  await expect(other.getByTestId("compare-role")).toHaveValue(role.arn);
  await expect(other.getByTestId("compare-policy")).toHaveValue(await page.getByTestId("compare-policy").inputValue());
  await expect(other.getByTestId("compare-via-role").getByTestId("compare-act-step")).toContainText("Allowed");
  await expect(other.getByTestId("compare-via-resource-policy")).toContainText("Allowed");
  await expect(other.getByTestId("compare-differences")).toContainText("Both ways allow it.");
  // A short link names the template instead of the policy; suppose=0 leaves the unknown partner without permissions.
  const short = new URL(shared);
  short.searchParams.delete("policy");
  short.searchParams.set("suppose", "0");
  await openConsolePage(other, `${short.pathname}${short.search}`);
  await expect(other.getByTestId("compare-policy")).toHaveValue(new RegExp(partner));
  await expect(other.getByTestId("compare-suppose")).not.toBeChecked();
  await expect(other.getByTestId("compare-differences")).toContainText("Neither way allows it.");
  await other.close();

  // Without its account supposed to allow, a partner Roleplane does not hold has no permissions here.
  await page.getByTestId("compare-suppose").uncheck();
  await page.getByTestId("compare-run").click();
  await expect(differences).toContainText("Neither way allows it.");
});
