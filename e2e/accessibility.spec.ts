import { writeFile } from "node:fs/promises";
import { test, expect } from "./support/fixtures";
import { ROLE_TABS, toFederatedSignIn, toRole, toRoles, toNewRole } from "@/components/roles/routes";
import { USER_TABS, toUser, toUsers } from "@/components/users/routes";
import { POLICY_TABS, toPolicies, toPolicy } from "@/components/policies/routes";
import { GROUP_TABS, toGroup, toGroups } from "@/components/groups/routes";
import { toDemoIdentityProvider, toIdentityProvider, toIdentityProviders } from "@/components/identity-providers/routes";
import { generateDemoSamlIdentity } from "@/lib/federation/demo-idp";
import { uniqueName } from "./support/console-api";
import { toInstanceProfiles } from "@/components/instance-profiles/routes";
import { openConsolePage } from "./helpers/navigation";
import { toAccessAnalysis } from "@/components/access/analysis-routes";
import { expandFinding } from "./helpers/access-analysis";
import { assertDenied, assertGranted, clickAssume, clickSessionsTab, fillAssume, goToAssumeRole } from "./helpers/assume";
import { assertNoAxeViolations, useColourScheme, type ColourScheme } from "./helpers/accessibility";
import { answerRoleGuide, clickInfo, openRoleGuide } from "./helpers/concepts";
import { assertImported, assertIncoming, chooseImportFiles, goToImport, importedFile, writeAccountFile } from "./helpers/access-import";

/*
 * Every console page, in light and dark, against axe-core's WCAG 2 A and AA rules: a new page or a colour change
 * that fails them fails here. Each page is checked once its content (not its skeleton) is on screen.
 */

const SCHEMES: ColourScheme[] = ["light", "dark"];

for (const scheme of SCHEMES) {
  test.describe(`accessibility in ${scheme} mode`, () => {
    test.beforeEach(async ({ page }) => useColourScheme(page, scheme));

    test("the role pages", async ({ page, api }) => {
      const role = await api.createRole({ description: "Checked by axe" });
      await api.attachPolicy(role.name, "arn:aws:iam::aws:policy/ReadOnlyAccess");
      await openConsolePage(page, toRoles());
      await expect(page.getByTestId("role-row").first()).toBeVisible();
      await assertNoAxeViolations(page);
      for (const tab of ROLE_TABS) {
        await openConsolePage(page, toRole({ name: role.name, tab }));
        await expect(page.getByTestId(`tab-${tab}`)).toHaveAttribute("aria-current", "page");
        await expect(page.getByTestId("role-title")).toHaveText(role.name);
        await assertNoAxeViolations(page);
      }
      await openConsolePage(page, toNewRole());
      await expect(page.getByTestId("trust-preview")).toBeVisible();
      await assertNoAxeViolations(page);
      await openRoleGuide(page);
      await answerRoleGuide(page, "third-party");
      await expect(page.getByTestId("guide-result")).toContainText("Chosen for you");
      await assertNoAxeViolations(page);
      await clickInfo(page, "external-id");
      await expect(page.getByTestId("info-panel")).toBeVisible();
      await assertNoAxeViolations(page);
      await page.keyboard.press("Escape");
      await openConsolePage(page, toRole({ name: role.name, tab: "trust" }));
      await clickInfo(page, "trust-policy");
      await expect(page.getByTestId("info-panel")).toBeVisible();
      await assertNoAxeViolations(page);
    });

    test("the create-role wizard's Add permissions (inline policy, boundary, policy preview) and Name, review, and create", async ({ page }, info) => {
      await openConsolePage(page, "/roles/new?step=trust&entity=service&service=ec2");
      await expect(page.getByTestId("trust-preview")).toBeVisible();
      await page.getByTestId("wizard-next").click();
      await expect(page).toHaveURL(/step=permissions/);
      await page.getByTestId("policy-search").fill("ReadOnlyAccess");
      await page.getByTestId("policy-results").getByTestId("pick-ReadOnlyAccess").check();
      await page.getByTestId("add-inline-policy").click();
      await page.getByTestId("inline-policy-name").fill("read-logs");
      await page.getByTestId("use-boundary").check();
      await page.getByTestId("boundary-search").fill("ReadOnlyAccess");
      await expect(page.getByTestId("boundary-results").getByTestId("pick-ReadOnlyAccess")).toBeVisible();
      await assertNoAxeViolations(page);
      await page.screenshot({ path: info.outputPath(`wizard-permissions-${scheme}.png`), fullPage: true });
      await page.getByTestId("policy-results").getByTestId("preview-ReadOnlyAccess").click();
      await expect(page.getByTestId("policy-preview-document")).toBeVisible();
      await assertNoAxeViolations(page);
      await page.screenshot({ path: info.outputPath(`wizard-preview-${scheme}.png`) });
      await page.getByTestId("policy-preview").getByRole("button", { name: "Close" }).click();
      await page.getByTestId("boundary-results").getByTestId("pick-ReadOnlyAccess").check();
      await page.getByTestId("wizard-next").click();
      await expect(page).toHaveURL(/step=review/);
      await page.getByLabel("Role name").fill(uniqueName("axe"));
      await page.getByTestId("add-tag").click();
      await expect(page.getByTestId("cli-command")).toHaveCount(7);
      await assertNoAxeViolations(page);
      await page.screenshot({ path: info.outputPath(`wizard-review-${scheme}.png`), fullPage: true });
    });

    test("Assume role (form, denial, credentials), sessions with their revoke dialog, and assumes in the activity", async ({ page, api, users }) => {
      const user = await users.createUser();
      const trust = JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { AWS: user.arn }, Action: "sts:AssumeRole", Condition: { StringEquals: { "sts:ExternalId": "axe-check" } } }],
      });
      const role = await api.createRole({ trust });
      await goToAssumeRole(page, role.name, user.arn);
      await assertNoAxeViolations(page);
      await clickAssume(page);
      await assertDenied(page, `User: ${user.arn} is not authorized to perform: sts:AssumeRole on resource: ${role.arn}`);
      await expect(page.getByTestId("decisive-policy-0-editor")).toBeVisible();
      await assertNoAxeViolations(page);
      await fillAssume(page, { externalId: "axe-check" });
      await clickAssume(page);
      await assertGranted(page, `${role.name}/console-session`);
      await assertNoAxeViolations(page);
      await openConsolePage(page, toRole({ name: role.name, tab: "sessions" }));
      await expect(page.getByTestId("session-row")).toHaveCount(1);
      await assertNoAxeViolations(page);
      await clickSessionsTab(page);
      await page.getByTestId("revoke-active-sessions").click();
      await expect(page.getByTestId("revoke-active-sessions-dialog")).toBeVisible();
      await assertNoAxeViolations(page);
      await openConsolePage(page, toRole({ name: role.name, tab: "activity" }));
      await page.getByText("Why it was denied").click();
      await expect(page.getByTestId("activity-row").filter({ hasText: "Denied" }).getByTestId("activity-reasons")).toBeVisible();
      await assertNoAxeViolations(page);
    });

    test("the user pages", async ({ page, users }) => {
      const user = await users.createUser();
      await openConsolePage(page, toUsers());
      await expect(page.getByTestId("user-row").first()).toBeVisible();
      await assertNoAxeViolations(page);
      for (const tab of USER_TABS) {
        await openConsolePage(page, toUser({ name: user.name, tab }));
        await expect(page.getByTestId(`tab-${tab}`)).toHaveAttribute("aria-current", "page");
        await assertNoAxeViolations(page);
      }
    });

    test("the group pages and their dialogs", async ({ page, users, groups }) => {
      const user = await users.createUser();
      const group = await groups.createGroup();
      await groups.addMembers(group.name, [user.name]);
      await groups.attachPolicy(group.name, "arn:aws:iam::aws:policy/ReadOnlyAccess");
      await openConsolePage(page, toGroups());
      await expect(page.getByTestId("group-row").first()).toBeVisible();
      await assertNoAxeViolations(page);
      for (const tab of GROUP_TABS) {
        await openConsolePage(page, toGroup({ name: group.name, tab }));
        await expect(page.getByTestId(`tab-${tab}`)).toHaveAttribute("aria-current", "page");
        await expect(page.getByTestId("group-title")).toHaveText(group.name);
        await assertNoAxeViolations(page);
      }
      await page.getByTestId("delete-group").click();
      await expect(page.getByTestId("delete-group-conflict")).toBeVisible();
      await assertNoAxeViolations(page);
      await page.keyboard.press("Escape");
      await openConsolePage(page, toGroup({ name: group.name }));
      await page.getByTestId("add-group-members").click();
      await page.getByTestId("user-search").fill(user.name);
      await expect(page.getByTestId(`pick-${user.name}`)).toBeDisabled(); // already a member
      await expect(page.getByTestId("add-group-members-dialog")).toBeVisible();
      await assertNoAxeViolations(page);
    });

    test("the import page, with a file imported and one refused, and the graph view with a role chosen", async ({ page, api }, testInfo) => {
      await goToImport(page);
      await expect(page.getByText("Nothing imported yet")).toBeVisible();
      await assertNoAxeViolations(page);
      const { account, path } = await writeAccountFile((n) => testInfo.outputPath(n), `axe-${scheme}.json`);
      const broken = testInfo.outputPath("broken.json");
      await writeFile(broken, "{");
      await chooseImportFiles(page, [path, broken]);
      await assertImported(page, `axe-${scheme}.json`, account, { users: 1, groups: 1, roles: 3 });
      await expect(importedFile(page, "broken.json")).toHaveAttribute("data-status", "refused");
      await assertNoAxeViolations(page);
      await page.screenshot({ path: testInfo.outputPath(`import-${scheme}.png`), fullPage: true });

      const hop = await api.createRole();
      const target = await api.createRole({ trust: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: hop.arn }, Action: "sts:AssumeRole" }] }) });
      await openConsolePage(page, "/access/graph");
      await expect(page.getByTestId("graph-totals")).toBeVisible();
      await assertNoAxeViolations(page);
      await openConsolePage(page, `/access/graph?node=${encodeURIComponent(target.arn)}`);
      await assertIncoming(page, [hop.name, "ec2.amazonaws.com"]);
      await page.screenshot({ path: testInfo.outputPath(`graph-${scheme}.png`), fullPage: true });
      await page.getByTestId("graph-search").fill(hop.name);
      await expect(page.getByTestId("graph-search-result").first()).toBeVisible();
      await assertNoAxeViolations(page);
    });

    test("the simulator, with a result explained", async ({ page }) => {
      await openConsolePage(page, "/simulator");
      await expect(page.getByText("No simulation yet")).toBeVisible();
      await assertNoAxeViolations(page);
      const policy = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:*", Resource: "*" }, { Sid: "NoDelete", Effect: "Deny", Action: "s3:DeleteObject", Resource: "*" }] }, null, 2);
      const q = new URLSearchParams({ policy, actions: "s3:GetObject\ns3:DeleteObject\niam:ListRoles", resources: "arn:aws:s3:::reports/2026.csv" });
      await openConsolePage(page, `/simulator?${q}`);
      await expect(page.getByTestId("simulator-row")).toHaveCount(3);
      await page.getByTestId("simulator-row").nth(1).getByTestId("simulator-explain").click();
      await expect(page.locator("[data-matched]").first()).toBeVisible();
      await assertNoAxeViolations(page);
      await page.screenshot({ path: test.info().outputPath(`simulator-${scheme}.png`), fullPage: true });
    });

    test("the Access analysis, a finding expanded", async ({ page, api }) => {
      const open = await api.createRole({ trust: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "*" }, Action: "sts:AssumeRole" }] }) });
      await openConsolePage(page, toAccessAnalysis({ search: open.name }));
      await expandFinding(page, open.name);
      await expect(page.getByTestId("access-role-row").first()).toBeVisible();
      await assertNoAxeViolations(page);
      await page.screenshot({ path: test.info().outputPath(`access-analysis-${scheme}.png`), fullPage: true });
    });

    test("Test who can assume on the trust tab, and the comparison of roles with resource-based policies", async ({ page, api, users }) => {
      const user = await users.createUser();
      const role = await api.createRole({ trust: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: user.arn }, Action: "sts:AssumeRole" }] }) });
      await openConsolePage(page, toRole({ name: role.name, tab: "trust" }));
      await page.getByTestId("assume-test-principal").fill(user.arn);
      await page.getByTestId("assume-test-run").click();
      await expect(page.getByTestId("assume-test-result")).toContainText("Allowed");
      await assertNoAxeViolations(page);
      await page.screenshot({ path: test.info().outputPath(`assume-test-${scheme}.png`), fullPage: true });

      await openConsolePage(page, "/simulator/compare");
      await expect(page.getByText("Nothing compared yet")).toBeVisible();
      await assertNoAxeViolations(page);
      await page.getByTestId("compare-principal").fill("arn:aws:iam::999999999999:user/partner");
      await page.getByTestId("compare-role").fill(role.arn);
      await page.getByTestId("compare-template").selectOption("kms-key");
      await page.getByTestId("compare-run").click();
      await expect(page.getByTestId("compare-differences")).toBeVisible();
      await assertNoAxeViolations(page);
      await page.screenshot({ path: test.info().outputPath(`compare-${scheme}.png`), fullPage: true });

      const q = new URLSearchParams({ actions: "s3:GetObject", at: new Date().toISOString(), principal: user.arn });
      await openConsolePage(page, `/simulator?${q}`);
      await expect(page.getByTestId("simulator-action-hints")).toBeVisible();
      await expect(page.getByTestId("simulator-row")).toHaveCount(1);
      await assertNoAxeViolations(page);
      await page.screenshot({ path: test.info().outputPath(`simulator-completion-${scheme}.png`), fullPage: true });
    });

    test("the policy pages and the playground", async ({ page }) => {
      await openConsolePage(page, toPolicies());
      await expect(page.getByTestId("policy-row").first()).toBeVisible();
      await assertNoAxeViolations(page);
      for (const tab of POLICY_TABS) {
        await openConsolePage(page, toPolicy({ name: "ReadOnlyAccess", scope: "aws", tab }));
        await expect(page.getByTestId(`tab-${tab}`)).toHaveAttribute("aria-current", "page");
        await expect(page.getByTestId("policy-title")).toHaveText("ReadOnlyAccess");
        await assertNoAxeViolations(page);
      }
      await openConsolePage(page, "/playground");
      await expect(page.getByTestId("policy-editor-content")).toBeVisible();
      await assertNoAxeViolations(page);
    });

    test("the identity provider pages and the test identity provider", async ({ page, providers }) => {
      const oidcArn = await providers.ensureDemo("oidc");
      await providers.ensureDemo("saml");
      const name = uniqueName("Axe");
      const samlArn = await providers.createSaml(name, generateDemoSamlIdentity(`https://${name}.example.com/saml`).metadataXml);
      await openConsolePage(page, toIdentityProviders());
      await expect(page.getByTestId("provider-row").first()).toBeVisible();
      await assertNoAxeViolations(page);
      for (const arn of [oidcArn, samlArn]) {
        await openConsolePage(page, toIdentityProvider(arn));
        await expect(page.getByTestId("provider-arn")).toHaveText(arn);
        await assertNoAxeViolations(page);
      }
      await page.getByTestId("delete-provider").click();
      await expect(page.getByTestId("delete-provider-dialog")).toBeVisible();
      await assertNoAxeViolations(page);
      await openConsolePage(page, toDemoIdentityProvider());
      await page.getByTestId("mint-token").click();
      await expect(page.getByTestId("minted-token")).not.toHaveValue("");
      await assertNoAxeViolations(page);
    });

    test("the federated sign-in page, signed in and refused", async ({ page, api, providers }) => {
      const oidcArn = await providers.ensureDemo("oidc");
      const sub = "repo:acme/app:ref:refs/heads/main";
      const trust = { Effect: "Allow", Principal: { Federated: oidcArn }, Action: "sts:AssumeRoleWithWebIdentity", Condition: { StringEquals: { "demo-idp.roleplane.test/111111111111:sub": sub } } };
      const role = await api.createRole({ trust: JSON.stringify({ Version: "2012-10-17", Statement: [trust] }) });
      await openConsolePage(page, toFederatedSignIn(role.name));
      await expect(page.getByTestId("federated-sign-in-form")).toBeVisible();
      await assertNoAxeViolations(page);
      await page.getByTestId("sign-in-subject-input").fill(sub);
      await page.getByTestId("federated-sign-in").click();
      await expect(page.getByTestId("sign-in-granted")).toBeVisible();
      await assertNoAxeViolations(page);
      await page.getByTestId("sign-in-subject-input").fill("someone-else");
      await page.getByTestId("federated-sign-in").click();
      await expect(page.getByTestId("sign-in-refused")).toBeVisible();
      await assertNoAxeViolations(page);
    });

    test("a service-linked role, its dialogs, and the instance profiles page", async ({ page, api, profiles }) => {
      const slr = await api.createServiceLinkedRole();
      for (const tab of ["permissions", "trust"] as const) {
        await openConsolePage(page, toRole({ name: slr.name, tab }));
        await expect(page.getByTestId("slr-callout")).toBeVisible();
        await assertNoAxeViolations(page);
      }
      await page.getByTestId("delete-role").click();
      await expect(page.getByTestId("delete-slr-dialog")).toBeVisible();
      await assertNoAxeViolations(page);

      await openConsolePage(page, toRoles());
      await page.getByTestId("create-slr").click();
      await expect(page.getByTestId("create-slr-dialog")).toBeVisible();
      await assertNoAxeViolations(page);

      const role = await api.createRole();
      await profiles.createInstanceProfile({ roleName: role.name });
      await openConsolePage(page, toInstanceProfiles());
      await expect(page.getByTestId("instance-profile-row").first()).toBeVisible();
      await assertNoAxeViolations(page);
      await openConsolePage(page, toRole({ name: role.name, tab: "trust" }));
      await expect(page.getByTestId("role-instance-profile-arn")).toBeVisible();
      await expect(page.getByTestId("pass-role-table").or(page.getByText("No principal may pass this role"))).toBeVisible();
      await page.getByTestId("manage-instance-profiles").click();
      await expect(page.getByTestId("instance-profiles-dialog")).toBeVisible();
      await assertNoAxeViolations(page);
    });

    test("the console users page", async ({ page }) => {
      await openConsolePage(page, "/settings/console-users");
      await expect(page.getByTestId("console-user-row").first()).toBeVisible();
      await assertNoAxeViolations(page);
    });
  });

  test.describe(`the sign-in page in ${scheme} mode`, () => {
    test.use({ storageState: { cookies: [], origins: [] } });

    test("passes axe", async ({ page }) => {
      await useColourScheme(page, scheme);
      await page.goto("/login");
      await expect(page.getByLabel("Email")).toBeVisible();
      await assertNoAxeViolations(page);
    });
  });
}
